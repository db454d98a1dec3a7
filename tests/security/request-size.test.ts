import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactMessage, User } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { uniqueEmail } from '../support/trpc-caller';
import { createQuote, issueFromDraft } from '../integration/billing-support';
import { startBuiltApp, type BuiltApp } from './built-app';
import { buildWorld, sessionFor, type World } from './security-world';

/**
 * Issue 13, point 6: one request-size limit for every route, enforced from the request's declared
 * length before any body is read or parsed, and before anyone is asked to log in: 1 MB, and 12 MB
 * on the one page that takes a purchase-order upload (10 MB file and the form around it).
 */
let app: BuiltApp;
let world: World;
beforeAll(async () => {
  world = await buildWorld();
  app = await startBuiltApp();
}, 120_000);
afterAll(async () => {
  await app.close();
  await closeTestResources();
});

const mb = 1024 * 1024;

function fiveFileParts(partBytes: number) {
  const body = new FormData();
  for (let i = 0; i < 5; i++) body.append(`file${i}`, new File([randomBytes(partBytes)], `part-${i}.pdf`, { type: 'application/pdf' }));
  return body;
}

describe('request size', () => {
  it('refuses 25 MB of file parts from a visitor with 413, before asking for a log-in', async () => {
    const proformaId = world.a.proforma.id;
    const res = await app.request(`/portal/proformas/${proformaId}`, null, { method: 'POST', body: fiveFileParts(5 * mb) });
    expect(res.status).toBe(413);
    // Any page: the limit is not the upload page's own.
    expect((await app.request('/login', null, { method: 'POST', body: fiveFileParts(5 * mb) })).status).toBe(413);
  });

  it('refuses a 30 MB plain form and a 2 MB one on pages that take no file, and stores nothing', async () => {
    for (const size of [30 * mb, 2 * mb]) {
      const email = uniqueEmail('big-form');
      const body = new URLSearchParams({ name: 'Visiteur', email, message: 'x'.repeat(size) }).toString();
      const res = await app.request('/contact', null, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect([size, res.status]).toEqual([size, 413]);
      expect(await ContactMessage.count({ where: { email } })).toBe(0);
    }
  });

  it('refuses an oversized tRPC call before running it', async () => {
    const email = uniqueEmail('big-json');
    const body = JSON.stringify({
      json: { firstName: 'x'.repeat(2 * mb), lastName: 'H', email, phone: '0550000000', password: 'a-long-password' },
    });
    const res = await app.request('/api/trpc/auth.register', null, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(await User.count({ where: { email } })).toBe(0);
  });

  it('refuses a body whose length is not declared (chunked), which no limit could be checked against', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('name=A&email=a%40b.dz&message=hi'));
        controller.close();
      },
    });
    const res = await app.request('/contact', null, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(411);
  });

  it('still takes a purchase order of several megabytes on the upload page', async () => {
    const quote = await createQuote(world.people.superClientA!);
    const proforma = await issueFromDraft(await sessionFor(world.people.commercial), quote.id);
    await (
      await sessionFor(world.people.superClientA)
    ).run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'purchase_order' }));
    const body = new FormData();
    body.set('file', new File([randomBytes(3 * mb)], 'bon.pdf', { type: 'application/pdf' }));
    const res = await app.request(`/portal/proformas/${proforma.id}`, world.people.superClientA, { method: 'POST', body });
    // Read and judged by its content (random bytes are not a PDF), not cut off by the size limit.
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('pas un PDF, un PNG ou un JPEG');
  });
});
