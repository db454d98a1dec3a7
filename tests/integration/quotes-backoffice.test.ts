import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { AuditEntry, Notification, QuoteCall, QuoteRequest } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createCompany, createUser, loggedIn } from '../support/fixtures';

beforeAll(seedCatalog);
afterAll(closeTestResources);

/** A client of a fresh company with one submitted request; the company name is unique to this run. */
async function requestFrom(companyName: string) {
  const client = await clientOfNewCompany();
  const { quoteId } = await client.browser.run((api) =>
    api.quotes.submit({
      company: { name: companyName, sector: 'Commerce', employeeRange: '1-5', address: 'Blida', phone: '0550000001' },
      serviceCode: 'management',
      pcsCount: 4,
      softwareCount: 2,
      durationMonths: 3,
    }),
  );
  return { ...client, quoteId };
}

const run = `${process.pid}${Date.now()}`;
const staff = async () => loggedIn(await createUser('commercial'));

describe('the commercial quote list', () => {
  it('searches by company (metacharacters are letters), filters, sorts, pages and counts per status', async () => {
    const commercial = await staff();
    const tag = `Zq${run}`;
    const a = await requestFrom(`${tag} Alpha 100% Bio`);
    const b = await requestFrom(`${tag} Beta_Sarl`);
    const c = await requestFrom(`${tag} Gamma l'Oasis`);
    await commercial.run((api) => api.quotes.markContacted({ quoteId: b.quoteId }));

    const all = await commercial.run((api) => api.quotes.list({ search: tag, sort: 'company_asc' }));
    expect(all.items.map((i) => i.id)).toEqual([a.quoteId, b.quoteId, c.quoteId]);
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({ new: 2, contacted: 1, proforma_sent: 0 });
    expect(all.countAll).toBe(3);

    const desc = await commercial.run((api) => api.quotes.list({ search: tag, sort: 'company_desc' }));
    expect(desc.items.map((i) => i.id)).toEqual([c.quoteId, b.quoteId, a.quoteId]);
    const newest = await commercial.run((api) => api.quotes.list({ search: tag, sort: 'date_desc' }));
    expect(newest.items[0]!.id).toBe(c.quoteId);
    const oldest = await commercial.run((api) => api.quotes.list({ search: tag, sort: 'date_asc' }));
    expect(oldest.items[0]!.id).toBe(a.quoteId);
    const byStatus = await commercial.run((api) => api.quotes.list({ search: tag, sort: 'status_asc' }));
    expect(byStatus.items.at(-1)!.id).toBe(b.quoteId);

    const contacted = await commercial.run((api) => api.quotes.list({ search: tag, status: 'contacted' }));
    expect(contacted.items.map((i) => i.id)).toEqual([b.quoteId]);
    // Counts describe the search, whatever status chip is selected.
    expect(contacted.counts.new).toBe(2);

    const page1 = await commercial.run((api) => api.quotes.list({ search: tag, sort: 'company_asc', pageSize: 2, page: 1 }));
    const page2 = await commercial.run((api) => api.quotes.list({ search: tag, sort: 'company_asc', pageSize: 2, page: 2 }));
    expect(page1.items.map((i) => i.id)).toEqual([a.quoteId, b.quoteId]);
    expect(page2.items.map((i) => i.id)).toEqual([c.quoteId]);
    expect(page1.pageCount).toBe(2);

    // `%`, `_` and `'` match themselves only: no widening, no broken SQL.
    const percent = await commercial.run((api) => api.quotes.list({ search: `${tag} Alpha 100%` }));
    expect(percent.items.map((i) => i.id)).toEqual([a.quoteId]);
    expect((await commercial.run((api) => api.quotes.list({ search: '%' }))).items.every((i) => i.companyName.includes('%'))).toBe(true);
    expect((await commercial.run((api) => api.quotes.list({ search: `${tag}_` }))).total).toBe(0);
    expect((await commercial.run((api) => api.quotes.list({ search: 'Beta_Sarl' }))).items.map((i) => i.id)).toContain(b.quoteId);
    expect((await commercial.run((api) => api.quotes.list({ search: `Gamma l'Oasis` }))).items.map((i) => i.id)).toEqual([c.quoteId]);
    expect((await commercial.run((api) => api.quotes.list({ search: `' OR 1=1 -- ` }))).total).toBe(0);
  });
});

describe('a quote request in the back-office', () => {
  it('shows company, contact, calls and a timeline; logs a call; marks contacted once', async () => {
    const commercial = await staff();
    const { quoteId, user } = await requestFrom(`Detail ${run}`);

    const call = await commercial.run((api) => api.quotes.logCall({ quoteId, outcome: 'no_answer', note: 'Messagerie, rappeler demain.' }));
    expect(call.outcome).toBe('no_answer');
    await commercial.run((api) => api.quotes.logCall({ quoteId, outcome: 'reached' }));
    expect(await QuoteCall.count({ where: { quoteRequestId: quoteId } })).toBe(2);
    // A call alone does not change the status.
    expect((await QuoteRequest.findByPk(quoteId))!.status).toBe('new');

    const marked = await commercial.run((api) => api.quotes.markContacted({ quoteId }));
    expect(marked.status).toBe('contacted');
    const stored = (await QuoteRequest.findByPk(quoteId))!;
    expect(stored.status).toBe('contacted');
    expect(stored.contactedAt).toBeInstanceOf(Date);
    expect(await AuditEntry.count({ where: { recordType: 'quote_request', recordId: String(quoteId), action: 'quote.contacted' } })).toBe(
      1,
    );
    expect(await Notification.count({ where: { userId: user.id, kind: 'quoteContacted' } })).toBe(1);

    await expect(commercial.run((api) => api.quotes.markContacted({ quoteId }))).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'errors.illegalTransition.quote',
    });
    expect(await AuditEntry.count({ where: { recordId: String(quoteId), action: 'quote.contacted' } })).toBe(1);

    const detail = await commercial.run((api) => api.quotes.detail({ quoteId }));
    expect(detail).toMatchObject({
      status: 'contacted',
      company: { name: `Detail ${run}`, phone: '+213550000001' },
      requester: { email: user.email },
      service: { code: 'management' },
      pcsCount: 4,
      estimatedMonthlyPriceDa: 30_000,
      proformas: [],
    });
    expect(detail.calls.map((c) => c.outcome)).toEqual(['reached', 'no_answer']);
    expect(detail.calls[1]!.note).toBe('Messagerie, rappeler demain.');
    expect(detail.timeline.map((e) => e.kind)).toEqual(['quote_submit', 'quote_call', 'quote_call', 'quote_contacted']);
  });

  it('refuses a call with an unknown outcome, and answers not found for a missing request', async () => {
    const commercial = await staff();
    const { quoteId } = await requestFrom(`Outcome ${run}`);
    await expect(commercial.run((api) => api.quotes.logCall({ quoteId, outcome: 'maybe' as 'reached' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(commercial.run((api) => api.quotes.detail({ quoteId: 999_999_999 }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(commercial.run((api) => api.quotes.markContacted({ quoteId: 999_999_999 }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('what a client may do', () => {
  it('lists and pre-fills from its own company only; another company’s request is not found', async () => {
    const mine = await requestFrom(`Mine ${run}`);
    const theirs = await requestFrom(`Theirs ${run}`);

    const list = await mine.browser.run((api) => api.quotes.mine());
    expect(list.map((q) => q.id)).toEqual([mine.quoteId]);

    const prefill = await mine.browser.run((api) => api.quotes.prefill({ quoteId: mine.quoteId }));
    expect(prefill).toMatchObject({
      previousQuoteId: mine.quoteId,
      serviceCode: 'management',
      pcsCount: 4,
      softwareCount: 2,
      durationMonths: 3,
      company: { name: `Mine ${run}` },
    });

    await expect(mine.browser.run((api) => api.quotes.prefill({ quoteId: theirs.quoteId }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(mine.browser.run((api) => api.quotes.cancel({ quoteId: theirs.quoteId }))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // A renewal made from an earlier request keeps the link to it.
    const again = await mine.browser.run((api) =>
      api.quotes.submit({
        company: prefill.company,
        serviceCode: 'management',
        pcsCount: 30,
        softwareCount: 2,
        durationMonths: 12,
        previousQuoteId: theirs.quoteId,
      }),
    );
    // …but only to one of the same company's requests.
    expect((await QuoteRequest.findByPk(again.quoteId))!.previousQuoteId).toBeNull();
  });

  it('cannot call the staff procedures', async () => {
    const { browser, quoteId } = await requestFrom(`Forbidden ${run}`);
    await expect(browser.run((api) => api.quotes.list({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(browser.run((api) => api.quotes.detail({ quoteId }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(browser.run((api) => api.quotes.logCall({ quoteId, outcome: 'reached' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(browser.run((api) => api.quotes.markContacted({ quoteId }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await QuoteRequest.findByPk(quoteId))!.status).toBe('new');
  });

  it('cancels its own new request, and only once', async () => {
    const { browser, quoteId } = await requestFrom(`Cancel ${run}`);
    await browser.run((api) => api.quotes.cancel({ quoteId }));
    expect((await QuoteRequest.findByPk(quoteId))!.status).toBe('cancelled');
    await expect(browser.run((api) => api.quotes.cancel({ quoteId }))).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('a client account without a company has no requests yet', async () => {
    const company = await createCompany();
    const user = await createUser('client', null);
    const browser = await loggedIn(user);
    expect(await browser.run((api) => api.quotes.mine())).toEqual([]);
    await expect(browser.run((api) => api.quotes.prefill({ quoteId: 1 }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(company.id).toBeGreaterThan(0);
  });
});
