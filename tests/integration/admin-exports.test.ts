import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loader as csvRoute } from '../../app/routes/backoffice.admin.exports.invoices[.]csv';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { Service, type Invoice } from '../../server/db/models';
import { makeInvoice, makeProforma, makeQuote } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, loggedIn } from '../support/fixtures';

beforeAll(seedCatalog);
afterAll(closeTestResources);

/** A small RFC 4180 reader with `;` (quoted fields may hold `;`, `""` and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
const cents = (frenchDecimal: string) => {
  expect(frenchDecimal).toMatch(/^-?\d+,\d{2}$/);
  return Math.round(Number(frenchDecimal.replace(',', '.')) * 100);
};

// A period long past, that only this file writes invoices into.
const period = { from: '2019-03-01', to: '2019-03-31' };
let inPeriod: Invoice[] = [];

beforeAll(async () => {
  const service = await Service.findOne({ where: { code: 'support' }, rejectOnEmpty: true });
  const commercial = await createUser('commercial');
  const company = await createCompany({ name: '=Société "Essai"; Alger', nif: '000116009876543' });
  const client = await createUser('client', company.id);
  const invoice = async (exclTaxCents: number, issuedAt: string, paidAt: Date | null = null) => {
    const proforma = await makeProforma(await makeQuote(company, client, service.id, 'accepted'), commercial, 'accepted', exclTaxCents);
    return makeInvoice(proforma, company, { exclTaxCents, issuedAt: new Date(issuedAt), paidAt, paymentMethod: 'cheque' });
  };
  inPeriod = [
    await invoice(1_234_567, '2019-03-01T00:30:00+01:00', new Date('2019-03-20T10:00:00+01:00')), // 28 Feb in UTC, 1 March in Algiers
    await invoice(9_999_999, '2019-03-15T12:00:00+01:00'),
    await invoice(100, '2019-03-31T23:30:00+01:00'),
  ];
  await invoice(5_000_000, '2019-02-28T23:50:00+01:00'); // February in Algiers
  await invoice(7_000_000, '2019-04-01T00:10:00+01:00'); // April in Algiers
});

describe('accountant export of invoices', () => {
  it('lists exactly the period’s invoices (Algiers days) and its totals equal the sum of the invoices', async () => {
    const commercial = await loggedIn(await createUser('commercial'));
    const file = await commercial.run((api) => api.admin.exports.invoicesCsv(period));
    expect(file.csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(file.csv.slice(1));
    expect(header).toEqual(['Numéro', 'Date', 'Client', 'NIF', 'Montant HT', 'TVA', 'Montant TTC', 'Mode de paiement', 'Date de paiement']);
    expect(rows.map((r) => r[0])).toEqual(inPeriod.map((i) => i.number));
    expect(file.count).toBe(3);

    const sum = (column: number) => rows.reduce((total, r) => total + cents(r[column]!), 0);
    const dbSum = (key: 'totalExclTaxCents' | 'vatCents' | 'totalInclTaxCents') => inPeriod.reduce((total, i) => total + Number(i[key]), 0);
    expect([sum(4), sum(5), sum(6)]).toEqual([dbSum('totalExclTaxCents'), dbSum('vatCents'), dbSum('totalInclTaxCents')]);
    expect(sum(4) + sum(5)).toBe(sum(6));

    const first = rows[0]!;
    expect(first[1]).toBe('01/03/2019');
    expect(first[2]).toBe(`'=Société "Essai"; Alger`); // quoted for ";" and '"', defused as a formula
    expect(first[3]).toBe('000116009876543');
    expect(first[4]).toBe('12345,67');
    expect(first[7]).toBe('Chèque');
    expect(first[8]).toBe('20/03/2019');
    expect(rows[1]![8]).toBe('');
  });

  it('is downloaded from the resource route as UTF-8 CSV by staff, and refused to clients', async () => {
    const staff = await loggedIn(await createUser('admin'));
    const request = (sessionId: string | null) =>
      new Request(`http://localhost:3000/backoffice/admin/exports/invoices.csv?from=${period.from}&to=${period.to}`, {
        headers: sessionId ? { cookie: `ytech_session=${sessionId}` } : {},
      });
    const response = await csvRoute({
      request: request(staff.sessionId),
      params: {},
      context: { clientAddress: '127.0.0.1', cspNonce: 'test' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="factures-${period.from}-${period.to}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const client = await loggedIn(await createUser('client', (await createCompany()).id));
    const refused = await csvRoute({
      request: request(client.sessionId),
      params: {},
      context: { clientAddress: '127.0.0.1', cspNonce: 'test' },
    }).then(
      (r) => r,
      (r: unknown) => r as Response,
    );
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/portal');
  });
});
