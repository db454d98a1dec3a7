import { purchaseOrderPdf } from '../integration/billing-support';
import { fixturePassword } from '../support/fixtures';
import { uniqueEmail } from '../support/trpc-caller';
import { missingId, type World } from './security-world';

/**
 * Who may call each tRPC procedure, declared by hand. The authorization matrix fails for a
 * procedure of the router that is missing here: adding a procedure means deciding who may call it.
 *
 * public: anyone · authed: anyone logged in · clientAccount: a client, with or without a company
 * yet · client: a client of a company · superClient: a client whose company is subscribed now ·
 * staff: commercial or admin · admin: admin only.
 */
export const accessLevels = ['public', 'authed', 'clientAccount', 'client', 'superClient', 'staff', 'admin'] as const;
export type AccessLevel = (typeof accessLevels)[number];

export const procedureAccess: Record<string, AccessLevel> = {
  'auth.register': 'public',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.requestPasswordReset': 'public',
  'auth.resetPassword': 'public',
  'auth.changePassword': 'authed',
  'auth.me': 'public',
  'profile.get': 'authed',
  'profile.update': 'authed',
  'profile.updateCompany': 'client',
  'catalog.services': 'public',
  'catalog.paymentMethods': 'public',
  'catalog.faq': 'public',
  'contact.submit': 'public',
  'notifications.list': 'authed',
  'notifications.markRead': 'authed',

  'quotes.estimate': 'public',
  'quotes.submit': 'clientAccount',
  'quotes.mine': 'clientAccount',
  'quotes.myCompany': 'clientAccount',
  'quotes.prefill': 'client',
  'quotes.cancel': 'client',
  'quotes.list': 'staff',
  'quotes.detail': 'staff',
  'quotes.logCall': 'staff',
  'quotes.markContacted': 'staff',

  'proformas.draft': 'staff',
  'proformas.issue': 'staff',
  'proformas.get': 'staff',
  'proformas.ofQuote': 'staff',
  'proformas.recordPayment': 'staff',
  'proformas.mine': 'client',
  'proformas.accept': 'client',
  'proformas.refuse': 'client',
  'purchaseOrders.upload': 'client',
  'purchaseOrders.review': 'staff',
  'purchaseOrders.file': 'authed',
  'invoices.list': 'staff',
  'invoices.get': 'staff',
  'invoices.issue': 'staff',
  'invoices.markPaid': 'staff',
  'invoices.issueCreditNote': 'staff',
  'subscriptions.activate': 'staff',
  'subscriptions.current': 'client',
  'subscriptions.ofCompany': 'staff',
  'documents.list': 'client',
  'documents.home': 'client',
  'documents.pdf': 'authed',

  'portal.status': 'client',
  'portal.access': 'client',
  'portal.header': 'authed',
  'portal.dashboard.get': 'superClient',
  'portal.park.list': 'superClient',
  'portal.park.detail': 'superClient',
  'portal.park.csv': 'superClient',
  'portal.tickets.list': 'superClient',
  'portal.tickets.conversation': 'superClient',
  'portal.tickets.create': 'superClient',
  'portal.tickets.reply': 'superClient',
  'portal.notifications.page': 'authed',
  'portal.notifications.unread': 'authed',
  'portal.staff.overPlan': 'staff',

  'glpi.provisioningState': 'staff',
  'glpi.retryProvisioning': 'staff',
  'glpi.linkEntity': 'staff',
  'backoffice.today': 'staff',
  'backoffice.companies.list': 'staff',
  'backoffice.companies.overview': 'staff',
  'backoffice.companies.timeline': 'staff',
  'backoffice.companies.audit': 'staff',
  'backoffice.companies.syncMonitor': 'staff',
  'backoffice.companies.syncNow': 'staff',

  'admin.employees.list': 'admin',
  'admin.employees.create': 'admin',
  'admin.employees.resendInvitation': 'admin',
  'admin.employees.changeRole': 'admin',
  'admin.employees.deactivate': 'admin',
  'admin.employees.reactivate': 'admin',
  'admin.faq.list': 'admin',
  'admin.faq.create': 'admin',
  'admin.faq.update': 'admin',
  'admin.faq.setPublished': 'admin',
  'admin.faq.move': 'admin',
  'admin.faq.reorder': 'admin',
  'admin.catalog.services': 'admin',
  'admin.catalog.updateService': 'admin',
  'admin.catalog.createTier': 'admin',
  'admin.catalog.updateTier': 'admin',
  'admin.catalog.deleteTier': 'admin',
  'admin.dashboard.overview': 'admin',
  'admin.emails.list': 'admin',
  'admin.emails.resend': 'admin',
  'admin.queues.overview': 'admin',
  'admin.queues.failed': 'admin',
  'admin.queues.retry': 'admin',
  'admin.health.glpi': 'admin',
  'admin.audit.search': 'admin',
  'admin.exports.invoicesCsv': 'staff',
};

/**
 * An input for every procedure that takes one. Reads name company A's records (so that the
 * company scoping is exercised); mutations that would change shared rows name a missing id and
 * pass the guard with NOT_FOUND; a few send an input zod refuses on purpose (noted), which also
 * proves the guard let them through.
 */
const faq = { questionFr: 'Question ?', answerFr: 'Réponse', questionEn: 'Question?', answerEn: 'Answer', published: false };
const line = { description: 'Support', quantity: 1, unitPriceDa: 1_000, discountPercent: 0 };

export const sampleInputs: Record<string, (w: World) => unknown> = {
  'auth.register': () => ({ firstName: 'Matrice', lastName: 'Test', email: uniqueEmail('matrix'), phone: '0551234567', password: 'a-long-password' }),
  'auth.login': (w) => ({ email: w.people.clientWithoutCompany!.email, password: fixturePassword }),
  'auth.requestPasswordReset': () => ({ email: uniqueEmail('nobody') }),
  'auth.resetPassword': () => ({ token: 'x'.repeat(43), password: 'a-long-password' }),
  'auth.changePassword': () => ({ currentPassword: 'not-the-password', newPassword: 'another-long-password' }),
  'profile.update': () => ({ firstName: 'Prénom', lastName: 'Nom', phone: '0551234567' }),
  // Refused by zod: a valid one would rewrite the caller's company.
  'profile.updateCompany': () => ({ name: '' }),
  'catalog.faq': () => ({ q: 'abonnement' }),
  'contact.submit': () => ({ name: 'Visiteur', email: uniqueEmail('contact'), message: 'Bonjour' }),
  'notifications.markRead': () => ({ ids: 'all' }),

  'quotes.estimate': () => ({ serviceCode: 'support', ticketsPerMonth: 15 }),
  // Refused by zod: a valid one would give the company-less account a company.
  'quotes.submit': () => ({}),
  'quotes.prefill': (w) => ({ quoteId: w.a.quote.id }),
  'quotes.cancel': () => ({ quoteId: missingId }),
  'quotes.list': () => ({}),
  'quotes.detail': (w) => ({ quoteId: w.a.quote.id }),
  'quotes.logCall': () => ({ quoteId: missingId, outcome: 'reached' }),
  'quotes.markContacted': () => ({ quoteId: missingId }),

  'proformas.draft': (w) => ({ quoteRequestId: w.a.quote.id }),
  'proformas.issue': () => ({ quoteRequestId: missingId, lines: [line] }),
  'proformas.get': (w) => ({ id: w.a.proforma.id }),
  'proformas.ofQuote': (w) => ({ quoteRequestId: w.a.quote.id }),
  'proformas.recordPayment': () => ({ proformaId: missingId, method: 'cash' }),
  'proformas.mine': (w) => ({ id: w.a.proforma.id }),
  'proformas.accept': () => ({ proformaId: missingId, paymentMethod: 'transfer' }),
  'proformas.refuse': () => ({ proformaId: missingId }),
  'purchaseOrders.upload': async () => ({ proformaId: missingId, fileName: 'bc.pdf', bytes: await purchaseOrderPdf() }),
  'purchaseOrders.review': () => ({ purchaseOrderId: missingId, decision: 'refuse', reason: 'Illisible' }),
  'purchaseOrders.file': (w) => ({ id: w.a.purchaseOrder.id }),
  'invoices.list': () => ({}),
  'invoices.get': (w) => ({ id: w.a.invoice.id }),
  'invoices.issue': () => ({ proformaId: missingId }),
  'invoices.markPaid': () => ({ invoiceId: missingId }),
  'invoices.issueCreditNote': () => ({ invoiceId: missingId, reason: 'Erreur de saisie' }),
  'subscriptions.activate': () => ({ invoiceId: missingId }),
  'subscriptions.ofCompany': (w) => ({ companyId: w.companyA.id }),
  'documents.pdf': (w) => ({ kind: 'invoice', id: w.a.invoice.id }),

  'portal.park.list': () => ({ type: 'computers' }),
  'portal.park.detail': (w) => ({ type: 'computers', glpiId: w.a.asset.glpiId }),
  'portal.park.csv': () => ({ type: 'computers' }),
  'portal.tickets.list': () => ({}),
  'portal.tickets.conversation': (w) => ({ glpiId: w.a.ticket.glpiId }),
  'portal.tickets.create': () => ({ title: 'Matrice', content: 'Bonjour', urgency: 3, type: 'incident' }),
  'portal.tickets.reply': () => ({ outboxId: missingId, content: 'Merci' }),
  'portal.notifications.page': () => ({}),
  'portal.staff.overPlan': () => ({}),

  'glpi.provisioningState': (w) => ({ companyId: w.companyA.id }),
  'glpi.retryProvisioning': () => ({ companyId: missingId }),
  'glpi.linkEntity': () => ({ companyId: missingId, entityId: 1 }),
  'backoffice.today': () => ({}),
  'backoffice.companies.list': () => ({}),
  'backoffice.companies.overview': (w) => ({ companyId: w.companyA.id }),
  'backoffice.companies.timeline': (w) => ({ companyId: w.companyA.id }),
  'backoffice.companies.audit': (w) => ({ companyId: w.companyA.id }),
  'backoffice.companies.syncMonitor': (w) => ({ companyId: w.companyA.id }),
  'backoffice.companies.syncNow': () => ({ companyId: missingId }),

  'admin.employees.create': () => ({ firstName: 'Nouvel', lastName: 'Employé', email: uniqueEmail('employee'), role: 'commercial' }),
  'admin.employees.resendInvitation': () => ({ userId: missingId }),
  'admin.employees.changeRole': () => ({ userId: missingId, role: 'commercial' }),
  'admin.employees.deactivate': () => ({ userId: missingId }),
  'admin.employees.reactivate': () => ({ userId: missingId }),
  'admin.faq.create': () => faq,
  'admin.faq.update': () => ({ id: missingId, ...faq }),
  'admin.faq.setPublished': () => ({ id: missingId, published: false }),
  'admin.faq.move': () => ({ id: missingId, direction: 'down' }),
  'admin.faq.reorder': () => ({ ids: [missingId] }),
  'admin.catalog.updateService': () => ({ id: missingId, nameFr: 'Service', nameEn: 'Service', scopeFr: ['Un'], scopeEn: ['One'], active: false }),
  'admin.catalog.createTier': () => ({ serviceId: missingId, minQty: 1, maxQty: 5, monthlyPriceDa: 1_000 }),
  'admin.catalog.updateTier': () => ({ id: missingId, minQty: 1, maxQty: 5, monthlyPriceDa: 1_000 }),
  'admin.catalog.deleteTier': () => ({ id: missingId }),
  'admin.emails.list': () => ({}),
  'admin.emails.resend': () => ({ id: missingId }),
  'admin.queues.failed': () => ({ queue: 'mail' }),
  'admin.queues.retry': () => ({ queue: 'mail', jobId: 'no-such-job' }),
  'admin.audit.search': () => ({ person: 'Test' }),
  'admin.exports.invoicesCsv': () => ({ from: '2020-01-01', to: '2020-01-31' }),
};

/** Company A's records by id, read as the super-client of company B: each must answer NOT_FOUND. */
export const foreignReads: Record<string, (w: World) => unknown> = {
  'proformas.mine': (w) => ({ id: w.a.proforma.id }),
  'purchaseOrders.file': (w) => ({ id: w.a.purchaseOrder.id }),
  'documents.pdf': (w) => ({ kind: 'invoice', id: w.a.invoice.id }),
  'quotes.prefill': (w) => ({ quoteId: w.a.quote.id }),
  'portal.park.detail': (w) => ({ type: 'computers', glpiId: w.a.asset.glpiId }),
  'portal.tickets.conversation': (w) => ({ glpiId: w.a.ticket.glpiId }),
};
