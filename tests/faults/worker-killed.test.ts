import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultPlatform, type FaultPlatform } from '../support/fault-harness';
import { expectConverged, expectDeliveredOnce, glpiTicketsCarrying, provisionedEntity, subscribedClient } from '../support/fault-glpi';
import type { PlatformProcess } from '../support/platform-process';
import { waitFor } from '../support/wait-for';

// The worker process killed with SIGKILL (no clean-up of any kind) in the middle of each kind of
// work, then started again: every piece of work completes, and none is done twice.
let p: FaultPlatform;
let worker: PlatformProcess;
let companyId: number;
let entityId: number;
let client: Awaited<ReturnType<typeof subscribedClient>>;

async function killWorker() {
  const exit = await worker.kill('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
}

beforeAll(async () => {
  p = await startFaultPlatform({
    glpi: { seed: { seed: 43, entities: 0, namedEntities: ['Numidia Froid SPA'], assets: 400, tickets: 60 } },
    env: { SYNC_TICKETS_EVERY_SECONDS: '3', SYNC_ASSETS_EVERY_MINUTES: '0.05' },
  });
  client = await subscribedClient(p.app, 'Numidia Froid SPA');
  companyId = client.company.id;
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('the worker killed with SIGKILL, then restarted', () => {
  it('during the first sync of a new client: the cache converges to GLPI, every row once', async () => {
    p.sim!.state.setKnobs({ latencyMs: 250 });
    worker = await p.startWorker();
    entityId = await provisionedEntity(p.app, companyId);
    await waitFor(() => p.app.models.GlpiAsset.count({ where: { glpiEntityId: entityId } }), {
      timeoutMs: 60_000,
      intervalMs: 25,
      what: 'the first rows cached',
    });
    await killWorker();
    expect(await p.app.cacheSnapshot(entityId), 'the kill landed before the first sync ended').not.toEqual(
      p.app.glpiSnapshot(p.sim!, entityId),
    );

    p.sim!.state.setKnobs({ latencyMs: 0 });
    worker = await p.startWorker();
    await expectConverged(p.app, p.sim!, entityId);
  }, 150_000);

  it('during ticket delivery, after GLPI created the tickets but before the worker heard back: no ticket twice', async () => {
    // Ticket creations reach GLPI; GLPI's answers to them are held back.
    await p.glpi!.setMode('hold-answers', /^POST \/apirest\.php\/Ticket[/ ]/);
    const entries: Array<Awaited<ReturnType<FaultPlatform['app']['queueTicket']>>> = [];
    for (const title of ['Serveur de fichiers lent', 'Badge refusé', 'Onduleur bip']) {
      entries.push(
        await p.app.queueTicket({ companyId, userId: client.user.id, title, content: `${title}.`, urgency: 3, type: 'incident' }),
      );
    }
    // GLPI has every ticket, the platform has recorded none of them.
    await waitFor(async () => entries.every((e) => glpiTicketsCarrying(p.sim!, entityId, e.idempotencyKey).length === 1), {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'GLPI to create the three tickets',
    });
    await killWorker();
    for (const row of await p.app.models.GlpiOutboxEntry.findAll({ where: { id: entries.map((e) => e.id) } })) {
      // `sending`, or `pending` again if the request had already timed out: either way not known as delivered.
      expect(['sending', 'pending']).toContain(row.state);
      expect(row.glpiId).toBeNull();
    }

    await p.glpi!.setMode('pass');
    worker = await p.startWorker();
    await expectDeliveredOnce(
      p.app,
      p.sim!,
      entityId,
      entries.map((e) => e.id),
    );
    await expectConverged(p.app, p.sim!, entityId);
  }, 120_000);

  it('twice in a row while the same mail is in flight: the mail is still sent once, without waiting for the stale-claim sweep', async () => {
    await worker?.kill('SIGKILL');
    await p.smtp.setMode('hold');
    const to = p.app.uniqueEmail('killed-twice');
    const entry = await p.app.enqueueMail({
      to,
      template: 'welcome',
      locale: 'fr',
      params: { name: 'Deux fois', portalUrl: `${p.appUrl}/portal` },
    });
    const claims = async () => (await p.app.models.EmailLogEntry.findByPk(entry.id))!;
    // Each worker claims it and stalls before the message (SMTP answers nothing), then dies.
    for (const claim of [1, 2]) {
      worker = await p.startWorker();
      await waitFor(async () => (await claims()).attempts === claim && (await claims()).state === 'sending', {
        timeoutMs: 30_000,
        intervalMs: 25,
        what: `claim ${claim} of the mail`,
      });
      await killWorker();
    }
    await p.smtp.setMode('pass');
    worker = await p.startWorker();
    // The sweep would take the claim back only after 10 minutes: the job itself must be taken up again.
    await waitFor(async () => (await claims()).state === 'sent', {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: 'the mail sent after two deaths of its worker',
      explain: async () => JSON.stringify((await claims()).toJSON()),
    });
    expect(p.mailsTo(to)).toHaveLength(1);
  }, 120_000);

  it('during PDF jobs and then during e-mail jobs: each document stored once, each mail received once', async () => {
    await worker?.kill('SIGKILL');
    const staff = await p.app.staffBrowser();
    const proformas = [];
    for (let i = 0; i < 16; i++) {
      const quote = await p.app.createQuote(client.user);
      proformas.push(await p.app.issueFromDraft(staff.browser, quote.id));
    }
    const ids = proformas.map((proforma) => proforma.id);
    const stored = () => p.app.models.Proforma.count({ where: { id: ids, pdfPath: { [Op.ne]: null } } });

    // SMTP answers nothing for now: mails stay in flight.
    await p.smtp.setMode('hold');
    worker = await p.startWorker();
    await waitFor(async () => (await stored()) > 0, { timeoutMs: 30_000, intervalMs: 10, what: 'a first PDF' });
    await killWorker();
    expect(await stored(), 'the kill landed while PDFs were being made').toBeLessThan(ids.length);

    worker = await p.startWorker();
    await waitFor(async () => (await stored()) === ids.length, { timeoutMs: 60_000, intervalMs: 100, what: 'every PDF' });
    await waitFor(async () => p.smtp.accepted() >= 2, { timeoutMs: 30_000, intervalMs: 50, what: 'mails in flight' });
    await killWorker();
    const mails = () => p.app.models.EmailLogEntry.findAll({ where: { recipient: client.user.email, template: 'proforma-issued' } });
    expect(
      (await mails()).some((mail) => mail.state === 'queued'),
      'the kill landed before the mails were sent',
    ).toBe(true);

    await p.smtp.setMode('pass');
    worker = await p.startWorker();
    await waitFor(async () => (await mails()).every((mail) => mail.state === 'sent'), {
      timeoutMs: 150_000,
      intervalMs: 200,
      what: 'every mail sent',
      explain: async () =>
        JSON.stringify(
          (await mails()).map((m) => ({ id: m.id, state: m.state, attempts: m.attempts, started: m.messageStartedAt, error: m.lastError })),
        ),
    });

    const rows = await p.app.models.Proforma.findAll({ where: { id: ids } });
    const documents = path.join(p.uploadDir, 'documents');
    for (const row of rows) {
      expect(readFileSync(path.join(p.uploadDir, row.pdfPath!)).subarray(0, 5).toString()).toBe('%PDF-');
      // Files of a killed render may remain beside it, but none of them is referenced.
      const referenced = rows.filter((other) => other.pdfPath?.startsWith(`documents/${row.number}-`));
      expect(referenced).toHaveLength(1);
    }
    expect(readdirSync(documents).filter((file) => file.endsWith('.pdf')).length).toBeGreaterThanOrEqual(ids.length);

    // One logged mail per document, each received exactly once with its PDF.
    const logged = await mails();
    expect(logged).toHaveLength(ids.length);
    // (The sync's own mails to this client — answered and solved tickets — are not counted here.)
    const received = p.mailsTo(client.user.email).filter((message) => logged.some((mail) => mail.subject === message.subject));
    for (const row of rows) {
      const withPdf = received.filter((message) =>
        message.attachments.some((a) => a.filename === `${row.number}.pdf` && a.content.subarray(0, 5).toString() === '%PDF-'),
      );
      expect(withPdf, row.number).toHaveLength(1);
    }
    expect(received.map((m) => m.subject).sort()).toEqual(logged.map((m) => m.subject!).sort());
  }, 300_000);
});
