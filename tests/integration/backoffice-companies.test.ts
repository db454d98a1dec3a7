import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { recordAudit } from '../../server/audit/record-audit';
import { AuditEntry, GlpiCompanyLink, GlpiSyncState, QuoteCall, Service } from '../../server/db/models';
import { makeInvoice, makeProforma, makeQuote, refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createCompany, createUser, giveActiveSubscription, loggedIn } from '../support/fixtures';
import { testClient } from '../support/trpc-caller';
import { insertTicket } from './portal-support';
import { creditNote, dayMs, newEntityId, purchaseOrder, subscription } from './backoffice-support';

beforeAll(seedCatalog);
afterAll(closeTestResources);

const run = `Bq${process.pid}${Date.now()}`;
const staff = async () => loggedIn(await createUser('commercial'));
const daysFromNow = (days: number) => new Date(Date.now() + days * dayMs);

/** Four companies named with this run's tag, one per subscription state; the active one linked to GLPI and synced. */
async function fourCompanies() {
  const alpha = await createCompany({ name: `${run} Alpha 100% Bio` });
  const beta = await createCompany({ name: `${run} Beta_Sarl` });
  const gamma = await createCompany({ name: `${run} Gamma l'Oasis` });
  const delta = await createCompany({ name: `${run} Delta` });
  await subscription(alpha.id, 'support', daysFromNow(-10), daysFromNow(80), 10);
  await subscription(beta.id, 'management', daysFromNow(-100), daysFromNow(-10));
  await subscription(delta.id, 'full', daysFromNow(5), daysFromNow(95), 30);
  const entityId = newEntityId();
  await GlpiCompanyLink.create({
    companyId: alpha.id,
    glpiEntityId: entityId,
    glpiEntityName: alpha.name,
    provisioningState: 'done',
    lastError: null,
    provisionedAt: new Date(),
  });
  const older = new Date(Date.now() - 3 * 3600_000);
  await GlpiSyncState.create({
    glpiEntityId: entityId,
    itemtype: 'Computer',
    companyId: alpha.id,
    watermark: '2026-01-01 00:00:00',
    lastSuccessAt: older,
    lastAttemptAt: older,
    lastDurationMs: 10,
    lastItems: 1,
    lastFullReconcileAt: null,
    lastError: null,
    lastErrorAt: null,
    runningSince: null,
    progressDone: null,
    progressTotal: null,
  });
  await GlpiSyncState.create({
    glpiEntityId: entityId,
    itemtype: 'Ticket',
    companyId: alpha.id,
    watermark: '2026-01-01 00:00:00',
    lastSuccessAt: new Date(),
    lastAttemptAt: new Date(),
    lastDurationMs: 10,
    lastItems: 2,
    lastFullReconcileAt: null,
    lastError: null,
    lastErrorAt: null,
    runningSince: null,
    progressDone: null,
    progressTotal: null,
  });
  for (let i = 0; i < 3; i += 1) await insertTicket({ companyId: alpha.id, entityId });
  return { alpha, beta, gamma, delta, entityId, older };
}

describe('the clients list', () => {
  it('searches by name (SQL metacharacters are letters), filters by subscription state, sorts and pages', async () => {
    const commercial = await staff();
    const { alpha, beta, gamma, delta, entityId, older } = await fourCompanies();
    const list = (
      input: Parameters<Parameters<typeof commercial.run>[0]>[0]['backoffice']['companies']['list'] extends (i: infer I) => unknown
        ? I
        : never,
    ) => commercial.run((api) => api.backoffice.companies.list(input));

    const all = await list({ search: run, sort: 'name_asc' });
    expect(all.items.map((c) => c.id)).toEqual([alpha.id, beta.id, delta.id, gamma.id]);
    expect(all.total).toBe(4);
    expect(all.counts).toEqual({ active: 1, upcoming: 1, ended: 1, none: 1 });
    expect((await list({ search: run, sort: 'name_desc' })).items.map((c) => c.id)).toEqual([gamma.id, delta.id, beta.id, alpha.id]);

    const row = all.items[0]!;
    expect(row).toMatchObject({
      subscriptionState: 'active',
      plans: [{ serviceCode: 'support', tierMaxQty: 10 }],
      glpi: { entityId, provisioningState: 'done' },
      sync: { pairs: 2 },
      quota: [{ kind: 'tickets', used: 3, allowed: 10 }],
    });
    // The oldest of the item types' last successes (MySQL keeps whole seconds).
    expect(Math.abs(new Date(row.sync.lastSyncAt!).getTime() - older.getTime())).toBeLessThan(1000);
    expect(all.items.find((c) => c.id === gamma.id)).toMatchObject({
      subscriptionState: 'none',
      plans: [],
      glpi: { entityId: null, provisioningState: 'none' },
      sync: { pairs: 0, lastSyncAt: null },
      quota: [],
    });
    expect(all.items.find((c) => c.id === beta.id)).toMatchObject({ subscriptionState: 'ended', plans: [{ serviceCode: 'management' }] });
    expect(all.items.find((c) => c.id === delta.id)).toMatchObject({
      subscriptionState: 'upcoming',
      plans: [{ serviceCode: 'full', tierMaxQty: 30 }],
    });

    for (const [state, company] of [
      ['active', alpha],
      ['ended', beta],
      ['none', gamma],
      ['upcoming', delta],
    ] as const) {
      const filtered = await list({ search: run, subscription: state });
      expect([state, filtered.items.map((c) => c.id)]).toEqual([state, [company.id]]);
      // Counts follow the search, whatever the filter.
      expect(filtered.counts.active).toBe(1);
    }

    // `%`, `_` and quotes are searched as typed, never as wildcards or SQL.
    expect((await list({ search: `${run} Alpha 100%` })).items.map((c) => c.id)).toEqual([alpha.id]);
    expect((await list({ search: `${run}%` })).total).toBe(0);
    expect((await list({ search: `${run}_` })).total).toBe(0);
    expect((await list({ search: 'Beta_Sarl' })).items.map((c) => c.id)).toContain(beta.id);
    expect((await list({ search: `${run} Gamma l'Oasis` })).items.map((c) => c.id)).toEqual([gamma.id]);
    expect((await list({ search: `${run}' OR '1'='1` })).total).toBe(0);
    expect((await list({ search: `${run}\\` })).total).toBe(0);

    const page1 = await list({ search: run, sort: 'name_asc', pageSize: 3, page: 1 });
    const page2 = await list({ search: run, sort: 'name_asc', pageSize: 3, page: 2 });
    expect(page1.items.map((c) => c.id)).toEqual([alpha.id, beta.id, delta.id]);
    expect(page2.items.map((c) => c.id)).toEqual([gamma.id]);
    expect(page2).toMatchObject({ total: 4, pageCount: 2 });

    // Subscription end: soonest first, companies that never subscribed last.
    expect((await list({ search: run, sort: 'end_asc' })).items.map((c) => c.id)).toEqual([beta.id, alpha.id, delta.id, gamma.id]);
    // Stalest sync first: only Alpha has sync pairs.
    expect((await list({ search: run, sort: 'sync_asc' })).items[0]!.id).toBe(alpha.id);
  });
});

describe('the company page', () => {
  it('has its identity, people, documents, subscriptions, timeline, audit trail and sync monitor', async () => {
    const staffUser = await createUser('commercial');
    const commercial = await loggedIn(staffUser);
    const company = await createCompany({ name: `${run} Page` });
    const client = await createUser('client', company.id);
    await loggedIn(client); // a log-in the page reports
    const colleague = await createUser('client', company.id);
    const service = await Service.findOne({ where: { code: 'full' }, rejectOnEmpty: true });
    const quote = await makeQuote(company, client, service.id, 'accepted');
    await QuoteCall.create({ quoteRequestId: quote.id, userId: staffUser.id, outcome: 'reached', note: 'Rappeler lundi' });
    const proforma = await makeProforma(quote, staffUser, 'accepted');
    const order = await purchaseOrder(proforma, client, 'accepted');
    const invoice = await makeInvoice(proforma, company, { exclTaxCents: 500_000, paidAt: new Date() });
    const note = await creditNote(invoice, staffUser);
    const running = await subscription(company.id, 'full', daysFromNow(-20), daysFromNow(70), 20);
    const past = await subscription(company.id, 'support', daysFromNow(-200), daysFromNow(-30));
    await recordAudit({ actorUserId: staffUser.id, action: 'proforma.issue', recordType: 'proforma', recordId: proforma.id });
    await recordAudit({ actorUserId: staffUser.id, action: 'company.update', recordType: 'company', recordId: company.id });
    // Someone else's records stay out of this company's trail.
    const other = await createCompany();
    const otherProforma = await makeProforma(
      await makeQuote(other, await createUser('client', other.id), service.id),
      staffUser,
      'pending',
    );
    await recordAudit({ actorUserId: staffUser.id, action: 'proforma.issue', recordType: 'proforma', recordId: otherProforma.id });

    const overview = await commercial.run((api) => api.backoffice.companies.overview({ companyId: company.id }));
    expect(overview.company).toMatchObject({
      id: company.id,
      name: company.name,
      nif: company.nif,
      rc: company.rc,
      nis: company.nis,
      ai: company.ai,
      address: company.address,
    });
    expect(overview.people.map((p) => p.id)).toEqual([client.id, colleague.id]);
    expect(overview.people[0]).toMatchObject({ email: client.email, loginCount: 1 });
    expect(overview.people[0]!.lastLoginAt).not.toBeNull();
    expect(overview.people[1]).toMatchObject({ lastLoginAt: null, loginCount: 0 });
    expect(overview.documents.proformas.map((p) => p.id)).toEqual([proforma.id]);
    expect(overview.documents.purchaseOrders.map((o) => o.id)).toEqual([order.id]);
    expect(overview.documents.invoices).toMatchObject([{ id: invoice.id, number: invoice.number, credited: true }]);
    expect(overview.documents.creditNotes).toMatchObject([{ id: note.id, invoiceNumber: invoice.number }]);
    expect(overview.subscriptions.map((s) => [s.id, s.state])).toEqual([
      [running.id, 'active'],
      [past.id, 'ended'],
    ]);
    expect(overview.current).toMatchObject({ id: running.id, tierMaxQty: 20 });
    expect(overview.glpi).toMatchObject({ provisioningState: 'none', entityId: null });
    expect(overview.quota.map((line) => line.kind)).toEqual(['tickets', 'computers']);

    const timeline = await commercial.run((api) => api.backoffice.companies.timeline({ companyId: company.id }));
    const kinds = timeline.map((entry) => entry.kind);
    for (const kind of [
      'quoteRequested',
      'quoteCalled',
      'proformaIssued',
      'proformaAccepted',
      'purchaseOrderUploaded',
      'purchaseOrderAccepted',
      'invoiceIssued',
      'invoicePaid',
      'creditNoteIssued',
      'subscriptionActivated',
      'subscriptionEnded',
    ] as const) {
      expect(kinds).toContain(kind);
    }
    const dates = timeline.map((entry) => new Date(entry.at).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(timeline.find((entry) => entry.kind === 'quoteCalled')).toMatchObject({
      code: 'reached',
      note: 'Rappeler lundi',
      link: `/backoffice/quotes/${quote.id}`,
    });
    expect(timeline.find((entry) => entry.kind === 'creditNoteIssued')).toMatchObject({
      reference: note.number,
      link: `/backoffice/invoices/${invoice.id}`,
    });

    const audit = await commercial.run((api) => api.backoffice.companies.audit({ companyId: company.id }));
    const trail = audit.entries.map((entry) => [entry.recordType, entry.recordId]);
    expect(trail).toEqual(
      expect.arrayContaining([
        ['proforma', String(proforma.id)],
        ['company', String(company.id)],
      ]),
    );
    expect(trail).not.toContainEqual(['proforma', String(otherProforma.id)]);
    expect(audit.entries.find((entry) => entry.recordType === 'company')!.actor).toEqual({ name: 'Staff Test', role: 'commercial' });
  });

  it('shows the sync per item type and queues "sync now" only for a company linked to GLPI', async () => {
    const commercial = await staff();
    const { alpha } = await fourCompanies();
    const monitor = await commercial.run((api) => api.backoffice.companies.syncMonitor({ companyId: alpha.id }));
    expect(monitor.pairs.filter((pair) => !pair.serverWide).map((pair) => [pair.itemtype, pair.cachedItems])).toEqual([
      ['Computer', 0],
      ['Ticket', 3],
    ]);

    expect(await commercial.run((api) => api.backoffice.companies.syncNow({ companyId: alpha.id }))).toEqual({ ok: true });
    expect(await AuditEntry.count({ where: { action: 'glpi.syncNow', recordType: 'company', recordId: String(alpha.id) } })).toBe(1);
    const unlinked = await createCompany();
    expect(await refusal(commercial.run((api) => api.backoffice.companies.syncNow({ companyId: unlinked.id })))).toEqual({
      code: 'CONFLICT',
      message: 'errors.backoffice.notLinked',
    });
    expect(await commercial.run((api) => api.backoffice.companies.syncMonitor({ companyId: unlinked.id }))).toEqual({
      pairs: [],
      runs: [],
    });
  });

  it('answers NOT_FOUND for a company that does not exist', async () => {
    const commercial = await staff();
    const missing = { companyId: 2_000_000_000 };
    const calls = [
      () => commercial.run((api) => api.backoffice.companies.overview(missing)),
      () => commercial.run((api) => api.backoffice.companies.timeline(missing)),
      () => commercial.run((api) => api.backoffice.companies.audit(missing)),
      () => commercial.run((api) => api.backoffice.companies.syncMonitor(missing)),
      () => commercial.run((api) => api.backoffice.companies.syncNow(missing)),
    ];
    for (const call of calls) expect(await refusal(call())).toEqual({ code: 'NOT_FOUND', message: 'errors.notFound' });
  });
});

describe('who may use the commercial workspace', () => {
  it('refuses visitors and clients, lets commercials and admins in', async () => {
    const company = await createCompany();
    const input = { companyId: company.id };
    const calls: Array<[string, (api: Parameters<Parameters<ReturnType<typeof testClient>['run']>[0]>[0]) => Promise<unknown>]> = [
      ['today', (api) => api.backoffice.today()],
      ['companies.list', (api) => api.backoffice.companies.list({})],
      ['companies.overview', (api) => api.backoffice.companies.overview(input)],
      ['companies.timeline', (api) => api.backoffice.companies.timeline(input)],
      ['companies.audit', (api) => api.backoffice.companies.audit(input)],
      ['companies.syncMonitor', (api) => api.backoffice.companies.syncMonitor(input)],
      ['companies.syncNow', (api) => api.backoffice.companies.syncNow(input)],
    ];
    const client = (await clientOfNewCompany()).browser;
    const superClient = await clientOfNewCompany();
    await giveActiveSubscription(superClient.company.id);
    const admin = await loggedIn(await createUser('admin'));
    const commercial = await staff();
    for (const [name, call] of calls) {
      expect([name, await refusal(testClient().run(call))]).toEqual([name, { code: 'UNAUTHORIZED', message: 'errors.unauthenticated' }]);
      for (const browser of [client, superClient.browser]) {
        expect([name, await refusal(browser.run(call))]).toEqual([name, { code: 'FORBIDDEN', message: 'errors.forbidden' }]);
      }
      // Staff pass; "sync now" on a company without GLPI is refused for that reason, not for who asks.
      const expected = name === 'companies.syncNow' ? { code: 'CONFLICT', message: 'errors.backoffice.notLinked' } : null;
      for (const browser of [commercial, admin]) expect([name, await refusal(browser.run(call))]).toEqual([name, expected]);
    }
  });
});
