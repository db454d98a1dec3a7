import { rm } from 'node:fs/promises';
import { TRPCError } from '@trpc/server';
import PDFDocument from 'pdfkit';
import { expect } from 'vitest';
import { config } from '../../server/config';
import { QuoteRequest, Service, type User } from '../../server/db/models';
import type { PipelineState } from '../../server/sales/pipeline-states';
import { clientOfNewCompany, createUser, loggedIn } from '../support/fixtures';
import { refusalOf } from '../support/refusal';

/** Shared set-up of the billing tests: quote requests, logged-in staff, files to upload. */

export type Browser = Awaited<ReturnType<typeof loggedIn>>;

export async function staffBrowser(role: 'commercial' | 'admin' = 'commercial') {
  const user = await createUser(role);
  return { user, browser: await loggedIn(user) };
}

/** A quote request written directly (the quote form is another area's); by default 15 support tickets a month for 12 months. */
export async function createQuote(
  requester: User,
  options: {
    serviceCode?: string;
    durationMonths?: number;
    ticketsPerMonth?: number | null;
    pcsCount?: number | null;
    status?: PipelineState<'quote'>;
  } = {},
) {
  const service = await Service.findOne({ where: { code: options.serviceCode ?? 'support' }, rejectOnEmpty: true });
  return QuoteRequest.create({
    companyId: requester.companyId!,
    requesterUserId: requester.id,
    serviceId: service.id,
    durationMonths: options.durationMonths ?? 12,
    ticketsPerMonth: options.ticketsPerMonth === undefined ? 15 : options.ticketsPerMonth,
    pcsCount: options.pcsCount ?? null,
    softwareCount: null,
    description: 'Besoin de support pour nos postes.',
    estimatedMonthlyPriceDa: null,
    status: options.status ?? 'contacted',
    contactedAt: null,
    previousQuoteId: null,
  });
}

/** Issues a pro-forma from the draft's pre-filled lines (a typed price where the draft has none). */
export async function issueFromDraft(staff: Browser, quoteRequestId: number, typedPriceDa = 500_000) {
  const draft = await staff.run((api) => api.proformas.draft({ quoteRequestId }));
  return staff.run((api) =>
    api.proformas.issue({ quoteRequestId, lines: draft.lines.map((l) => ({ ...l, unitPriceDa: l.unitPriceDa ?? typedPriceDa })) }),
  );
}

/** A client company with a contacted quote and a pending pro-forma issued by a commercial. */
export async function clientWithProforma(staff: Browser, quoteOptions: Parameters<typeof createQuote>[1] = {}) {
  const client = await clientOfNewCompany();
  const quote = await createQuote(client.user, quoteOptions);
  const proforma = await issueFromDraft(staff, quote.id);
  return { ...client, quote, proforma };
}

/** …and accepted by the client, who will pay by purchase order. */
export async function clientWithAcceptedProforma(staff: Browser, quoteOptions: Parameters<typeof createQuote>[1] = {}) {
  const setup = await clientWithProforma(staff, quoteOptions);
  await setup.browser.run((api) => api.proformas.accept({ proformaId: setup.proforma.id, paymentMethod: 'purchase_order' }));
  return setup;
}

/** What a reviewer types from an order that agrees with its pro-forma on every check. */
export function matchingOrder(
  proforma: { number: string; totalExclTaxCents: number; totalInclTaxCents: number },
  poNumber = 'BC-2026-118',
) {
  return {
    poNumber,
    proformaReference: proforma.number,
    poDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date()),
    amountExclTaxDa: proforma.totalExclTaxCents / 100,
    amountDa: proforma.totalInclTaxCents / 100,
  };
}

/** Expects a refusal with this i18n key; returns the error for more checks (code, params). */
export async function expectAppError(promise: Promise<unknown>, key: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${key}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).message).toBe(key);
  return refusalOf(error);
}

/** The i18n keys of a zod refusal, by field. */
export async function expectFieldErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const issues = JSON.parse((error as TRPCError).message) as { path: (string | number)[]; message: string }[];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
}

/** A small but real PDF, as a client's scanner or accounting software would make. */
export function purchaseOrderPdf(text = 'Bon de commande n° BC-2026-118'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

/** A 1×1 PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The test files point UPLOAD_DIR at a temporary folder of their own (vi.hoisted); removed at the end. */
export async function removeTestUploads() {
  if (config.UPLOAD_DIR.startsWith('/tmp/ytech-billing-tests-')) await rm(config.UPLOAD_DIR, { recursive: true, force: true });
}
