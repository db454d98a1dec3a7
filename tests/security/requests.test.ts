import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lucia } from '../../server/auth/lucia';
import { config } from '../../server/config';
import { Proforma, PurchaseOrder, QuoteCall, User } from '../../server/db/models';
import { refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createUser } from '../support/fixtures';
import { createQuote, issueFromDraft, purchaseOrderPdf } from '../integration/billing-support';
import { startBuiltApp, type BuiltApp } from './built-app';
import { buildWorld, sessionFor, type World } from './security-world';

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-security-requests-${process.pid}/uploads`;
});

let app: BuiltApp;
let world: World;

beforeAll(async () => {
  world = await buildWorld();
  app = await startBuiltApp();
}, 120_000);

afterAll(async () => {
  await app.close();
  if (config.UPLOAD_DIR.startsWith('/tmp/ytech-security-requests-'))
    await rm(path.dirname(config.UPLOAD_DIR), { recursive: true, force: true });
  await closeTestResources();
});

const evil = 'https://evil.example';
const trpcPost = (input: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ json: input }),
});

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
      )
    : [];

async function upload(proformaId: number, name: string, bytes: Uint8Array, type = 'application/pdf') {
  const body = new FormData();
  body.set('file', new File([new Uint8Array(bytes)], name, { type }));
  return app.request(`/portal/proformas/${proformaId}`, world.people.superClientA, { method: 'POST', body });
}

/** A pending pro-forma of company A, fresh for the test that needs one. */
async function pendingProformaOfA() {
  const quote = await createQuote(world.people.superClientA!);
  return issueFromDraft(await sessionFor(world.people.commercial), quote.id);
}

describe('state-changing requests from a foreign origin', () => {
  it('refuses tRPC mutations with the victim’s cookie and changes nothing', async () => {
    const proforma = await pendingProformaOfA();
    const client = world.people.superClientA!;
    const refuse = await app.request('/api/trpc/proformas.refuse', client, {
      ...trpcPost({ proformaId: proforma.id, reason: 'CSRF' }),
      origin: evil,
    });
    expect(refuse.status).toBe(403);
    expect((await Proforma.findByPk(proforma.id))!.status).toBe('pending');

    const target = await createUser('commercial');
    const deactivate = await app.request('/api/trpc/admin.employees.deactivate', world.people.admin, {
      ...trpcPost({ userId: target.id }),
      origin: evil,
    });
    expect(deactivate.status).toBe(403);
    expect((await User.findByPk(target.id))!.active).toBe(true);

    // Log-out too: a foreign page cannot end someone's session.
    const cookie = await app.cookieFor(client);
    const logout = await fetch(`${app.base}/api/trpc/auth.logout`, {
      method: 'POST',
      headers: { cookie, origin: evil, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(logout.status).toBe(403);
    expect((await lucia.validateSession(cookie.split('=')[1]!)).session).not.toBeNull();
  });

  it('refuses page form posts from a foreign origin, a sandboxed frame (Origin: null) or a foreign Referer', async () => {
    const quoteId = world.a.quote.id;
    const form = () => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'intent=logCall&outcome=reached&note=csrf',
    });
    const before = await QuoteCall.count({ where: { quoteRequestId: quoteId } });
    expect((await app.request(`/backoffice/quotes/${quoteId}`, world.people.commercial, { ...form(), origin: evil })).status).toBe(403);
    expect((await app.request(`/backoffice/quotes/${quoteId}`, world.people.commercial, { ...form(), origin: 'null' })).status).toBe(403);
    const referer = await app.request(`/backoffice/quotes/${quoteId}`, world.people.commercial, {
      ...form(),
      origin: null,
      headers: { ...form().headers, referer: `${evil}/page` },
    });
    expect(referer.status).toBe(403);
    expect(await QuoteCall.count({ where: { quoteRequestId: quoteId } })).toBe(before);

    const contact = await app.request('/contact', null, {
      method: 'POST',
      origin: evil,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=A&email=a%40b.dz&message=hi',
    });
    expect(contact.status).toBe(403);
  });
});

describe('purchase-order uploads through the page', () => {
  it('refuses a non-PDF renamed .pdf, keeps a path-named PDF under a random name inside UPLOAD_DIR', async () => {
    const proforma = await pendingProformaOfA();
    await (
      await sessionFor(world.people.superClientA)
    ).run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'purchase_order' }));
    const before = filesUnder(config.UPLOAD_DIR);

    const html = await upload(proforma.id, 'bon.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('pas un PDF, un PNG ou un JPEG');
    const exe = await upload(proforma.id, 'bon.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    expect(await exe.text()).toContain('pas un PDF, un PNG ou un JPEG');
    expect(await PurchaseOrder.count({ where: { proformaId: proforma.id } })).toBe(0);
    expect(filesUnder(config.UPLOAD_DIR)).toEqual(before);

    const pathNamed = await upload(proforma.id, '../../etc/passwd.pdf', await purchaseOrderPdf());
    expect(pathNamed.status).toBe(200);
    const order = await PurchaseOrder.findOne({ where: { proformaId: proforma.id }, rejectOnEmpty: true });
    expect(order.originalName).toBe('passwd.pdf');
    expect(order.storageName).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    const added = filesUnder(config.UPLOAD_DIR).filter((f) => !before.includes(f));
    expect(added).toEqual([path.join(path.resolve(config.UPLOAD_DIR), 'purchase-orders', order.storageName)]);
    for (const outside of [
      '/etc/passwd.pdf',
      path.resolve(config.UPLOAD_DIR, '../../etc/passwd.pdf'),
      path.resolve(config.UPLOAD_DIR, '../etc/passwd.pdf'),
    ]) {
      expect(existsSync(outside), outside).toBe(false);
    }
    // Served back as an attachment under its cleaned name, never sniffed.
    const download = await app.request(`/purchase-orders/${order.id}/file`, world.people.superClientA);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="passwd\.pdf"/);
    expect(download.headers.get('x-content-type-options')).toMatch(/^nosniff/);
  });

  it('cleans a path, quotes and control characters out of a name given to the procedure directly', async () => {
    const proforma = await pendingProformaOfA();
    const client = await sessionFor(world.people.superClientA);
    await client.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'purchase_order' }));
    const stored = await client.run(async (api) =>
      api.purchaseOrders.upload({
        proformaId: proforma.id,
        fileName: '..\\..\\windows\\"évil"\u0000\r\n.pdf',
        bytes: await purchaseOrderPdf(),
      }),
    );
    expect(stored.originalName).toBe('évil.pdf');
  });
});

describe('sequential-id probing across companies', () => {
  const around = (id: number) => [id - 2, id - 1, id, id + 1, id + 2].filter((n) => n > 0);

  it('answers NOT_FOUND to another company’s client for every neighbouring document and ticket id', async () => {
    const { a } = world;
    const probes: [string, (n: number) => (api: Awaited<ReturnType<typeof sessionFor>>) => Promise<unknown>, number][] = [
      ['proformas.mine', (n) => (b) => b.run((api) => api.proformas.mine({ id: n })), a.proforma.id],
      ['documents.pdf proforma', (n) => (b) => b.run((api) => api.documents.pdf({ kind: 'proforma', id: n })), a.proforma.id],
      ['documents.pdf invoice', (n) => (b) => b.run((api) => api.documents.pdf({ kind: 'invoice', id: n })), a.invoice.id],
      ['documents.pdf creditNote', (n) => (b) => b.run((api) => api.documents.pdf({ kind: 'creditNote', id: n })), a.creditNote.id],
      ['purchaseOrders.file', (n) => (b) => b.run((api) => api.purchaseOrders.file({ id: n })), a.purchaseOrder.id],
      ['tickets by GLPI id', (n) => (b) => b.run((api) => api.portal.tickets.conversation({ glpiId: n })), a.ticket.glpiId],
      ['tickets in the outbox', (n) => (b) => b.run((api) => api.portal.tickets.conversation({ outboxId: n })), a.outboxTicketId],
      ['asset detail', (n) => (b) => b.run((api) => api.portal.park.detail({ type: 'computers', glpiId: n })), a.asset.glpiId],
    ];
    const answers: string[] = [];
    for (const [name, call, id] of probes) {
      for (const n of around(id)) {
        for (const who of ['superClientB', 'client'] as const) {
          const outcome = await refusal(call(n)(await sessionFor(world.people[who])));
          // A client without subscription is stopped earlier for portal data; never given a row.
          const expected = who === 'client' && /ticket|asset/.test(name) ? 'FORBIDDEN' : 'NOT_FOUND';
          if (outcome?.code !== expected) answers.push(`${name} #${n} as ${who}: ${outcome ? outcome.code : 'DATA'}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it('answers 404 from the download routes and pages for another company’s ids, and serves the owner', async () => {
    const { a } = world;
    const urls = [
      ...around(a.proforma.id).map((n) => `/documents/proforma/${n}`),
      ...around(a.invoice.id).map((n) => `/documents/invoice/${n}`),
      ...around(a.creditNote.id).map((n) => `/documents/credit-note/${n}`),
      ...around(a.purchaseOrder.id).map((n) => `/purchase-orders/${n}/file`),
      ...around(a.proforma.id).map((n) => `/portal/proformas/${n}`),
      ...around(a.ticket.glpiId).map((n) => `/portal/tickets/${n}`),
      `/portal/tickets/outbox-${a.outboxTicketId}`,
    ];
    const leaks: string[] = [];
    for (const url of urls) {
      const res = await app.request(url, world.people.superClientB);
      if (res.status !== 404) leaks.push(`${url}: ${res.status}`);
    }
    expect(leaks).toEqual([]);

    for (const url of [
      `/documents/proforma/${a.proforma.id}`,
      `/documents/invoice/${a.invoice.id}`,
      `/documents/credit-note/${a.creditNote.id}`,
      `/purchase-orders/${a.purchaseOrder.id}/file`,
    ]) {
      const res = await app.request(url, world.people.superClientA);
      expect([url, res.status, res.headers.get('content-type')]).toEqual([url, 200, 'application/pdf']);
    }
    // A visitor is sent to log in; odd kinds and ids are plain 404s, never a server error.
    expect((await app.request(`/documents/invoice/${a.invoice.id}`, null)).status).toBe(302);
    for (const url of [
      '/documents/constructor/1',
      '/documents/__proto__/1',
      '/documents/toString/1',
      '/documents/invoice/0',
      '/documents/invoice/1e3',
      '/purchase-orders/-1/file',
    ]) {
      expect([url, (await app.request(url, world.people.superClientA)).status]).toEqual([url, 404]);
    }
  });
});

// The browser must receive the answer, not a connection reset: the server reads the oversized
// body to its end (without storing it) before answering.
describe('an oversized purchase order', () => {
  it('refuses an 11 MB file with the size message and stores nothing', async () => {
    const proforma = await pendingProformaOfA();
    await (
      await sessionFor(world.people.superClientA)
    ).run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'purchase_order' }));
    const before = filesUnder(config.UPLOAD_DIR);
    const big = Buffer.concat([await purchaseOrderPdf(), Buffer.alloc(11 * 1024 * 1024)]);
    const answer = await upload(proforma.id, 'bon.pdf', big).then(
      (res) => res.text().catch((error: unknown) => `reset: ${String(error)}`),
      (error: unknown) => `reset: ${String(error)}`,
    );
    expect(answer).toContain('Le fichier dépasse 10 Mo');
    expect(await PurchaseOrder.count({ where: { proformaId: proforma.id } })).toBe(0);
    expect(filesUnder(config.UPLOAD_DIR)).toEqual(before);
  });
});
