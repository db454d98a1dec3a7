import { seedCatalog } from '../../db/seeds/seed-catalog';
import { lucia } from '../../server/auth/lucia';
import { MonthlyReport, type User } from '../../server/db/models';
import { computeReportFigures } from '../../server/reports/report-figures';
import { previousMonth } from '../../server/reports/report-month';
import { createQuote, issueFromDraft, matchingOrder, purchaseOrderPdf } from '../integration/billing-support';
import { insertAsset, insertFollowup, insertTicket } from '../integration/portal-support';
import { createCompany, createUser, giveActiveSubscription } from '../support/fixtures';
import { testClient } from '../support/trpc-caller';

/**
 * The people and records the security suites probe: two subscribed companies (A and B; A's manager
 * is its super-client, beside a member and a billing contact of A: issue 18), a client
 * company without subscription, a client account without company, a commercial and an admin, and
 * company A's whole paper trail (quote, pro-forma, purchase order, invoice, credit note) plus its
 * cached GLPI ticket, asset and a ticket still in the outbox.
 */
export const roles = [
  'anonymous',
  'client',
  'clientWithoutCompany',
  'superClientA',
  'superClientB',
  'memberA',
  'billingA',
  'commercial',
  'admin',
] as const;
export type Role = (typeof roles)[number];
export type Browser = ReturnType<typeof testClient>;

/** An id no table reaches (INT columns stop at 2^31 - 1). */
export const missingId = 2_000_000_000;

let entityCounter = 700_000 + (process.pid % 1000) * 100;

/** A fresh browser with its own new session for this user (no password hashing: the matrix makes hundreds). */
export async function sessionFor(user: User | null): Promise<Browser> {
  const browser = testClient();
  if (user) browser.setSessionId((await lucia.createSession(user.id, {})).id);
  return browser;
}

async function subscribedCompany(label: string) {
  const company = await createCompany({ name: `Sécurité ${label} ${process.pid}-${Date.now()}` });
  const user = await createUser('client', company.id);
  await giveActiveSubscription(company.id);
  entityCounter += 1;
  return { company, user, entityId: entityCounter };
}

export async function buildWorld() {
  await seedCatalog();
  const commercial = await createUser('commercial');
  const admin = await createUser('admin');
  const a = await subscribedCompany('A');
  const b = await subscribedCompany('B');
  const plainCompany = await createCompany();
  const people: Record<Role, User | null> = {
    anonymous: null,
    client: await createUser('client', plainCompany.id),
    clientWithoutCompany: await createUser('client', null),
    superClientA: a.user,
    superClientB: b.user,
    memberA: await createUser('client', a.company.id, 'member'),
    billingA: await createUser('client', a.company.id, 'billing'),
    commercial,
    admin,
  };

  // Company A's documents, through the real procedures (numbers, PDFs and scoping as in production).
  const staff = await sessionFor(commercial);
  const clientA = await sessionFor(a.user);
  const quote = await createQuote(a.user);
  const proforma = await issueFromDraft(staff, quote.id);
  await clientA.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'purchase_order' }));
  const purchaseOrder = await clientA.run(async (api) =>
    api.purchaseOrders.upload({ proformaId: proforma.id, fileName: 'bc-a.pdf', bytes: await purchaseOrderPdf() }),
  );
  await staff.run((api) =>
    api.purchaseOrders.review({ purchaseOrderId: purchaseOrder.id, decision: 'accept', ...matchingOrder(proforma, 'BC-A') }),
  );
  const invoice = await staff.run((api) => api.invoices.issue({ proformaId: proforma.id }));
  const creditNote = await staff.run((api) => api.invoices.issueCreditNote({ invoiceId: invoice.id, reason: 'Erreur de saisie' }));

  const ticket = await insertTicket({ companyId: a.company.id, entityId: a.entityId }, { name: 'Imprimante A en panne' });
  await insertFollowup(ticket);
  const asset = await insertAsset({ companyId: a.company.id, entityId: a.entityId });
  const outboxTicket = await clientA.run((api) =>
    api.portal.tickets.create({ title: 'Ticket A en attente', content: 'Bonjour', urgency: 3, type: 'incident' }),
  );
  const reportMonth = previousMonth();
  const report = await MonthlyReport.create({
    companyId: a.company.id,
    month: reportMonth,
    figures: await computeReportFigures(a.company.id, reportMonth),
    generatedAt: new Date(),
    regeneratedBy: null,
    mailedAt: null,
  });

  return {
    people,
    companyA: a.company,
    companyB: b.company,
    entityA: a.entityId,
    entityB: b.entityId,
    a: { quote, proforma, purchaseOrder, invoice, creditNote, ticket, asset, outboxTicketId: outboxTicket.outboxId, report },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
