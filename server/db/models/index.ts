/** Every model, with its associations declared once. Import models from here. */
import { AuditEntry } from './audit-entry';
import { Company } from './company';
import { CreditNote } from './credit-note';
import { Invoice } from './invoice';
import { Proforma } from './proforma';
import { PurchaseOrder } from './purchase-order';
import { QuoteCall } from './quote-call';
import { QuoteRequest } from './quote-request';
import { SubscriptionReminder } from './subscription-reminder';
import { ContactMessage } from './contact-message';
import { EmailLogEntry } from './email-log-entry';
import { Faq } from './faq';
import { GlpiAsset } from './glpi-asset';
import { GlpiCompanyLink } from './glpi-company-link';
import { GlpiSyncEvent } from './glpi-sync-event';
import { GlpiSyncRun } from './glpi-sync-run';
import { GlpiSyncState } from './glpi-sync-state';
import { GlpiTicket } from './glpi-ticket';
import { GlpiTicketFollowup } from './glpi-ticket-followup';
import { GlpiTicketSolution } from './glpi-ticket-solution';
import { TicketSurvey } from './ticket-survey';
import { GlpiOutboxEntry } from './glpi-outbox-entry';
import { GlpiUserLink } from './glpi-user-link';
import { LoginEvent } from './login-event';
import { MonthlyReport } from './monthly-report';
import { Notification } from './notification';
import { PasswordResetToken } from './password-reset-token';
import { PendingRegistration } from './pending-registration';
import { Payment } from './payment';
import { PaymentMethod } from './payment-method';
import { PaymentProof } from './payment-proof';
import { PriceTier } from './price-tier';
import { Service } from './service';
import { Subscription } from './subscription';
import { User } from './user';
import { invalidateOnWrite } from '../../cache/model-invalidation';

// Rows that web processes keep in local caches (docs/decisions/013-web-request-costs.md).
invalidateOnWrite(User, 'user', 'id');
invalidateOnWrite(Notification, 'user', 'userId');
invalidateOnWrite(Subscription, 'company', 'companyId');

Company.hasMany(User, { foreignKey: 'companyId', as: 'users' });
User.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
Service.hasMany(PriceTier, { foreignKey: 'serviceId', as: 'tiers' });
PriceTier.belongsTo(Service, { foreignKey: 'serviceId', as: 'service' });
Company.hasMany(Subscription, { foreignKey: 'companyId', as: 'subscriptions' });
Subscription.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
Subscription.belongsTo(Service, { foreignKey: 'serviceId', as: 'service' });

Company.hasMany(QuoteRequest, { foreignKey: 'companyId', as: 'quoteRequests' });
QuoteRequest.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
QuoteRequest.belongsTo(User, { foreignKey: 'requesterUserId', as: 'requester' });
QuoteRequest.belongsTo(Service, { foreignKey: 'serviceId', as: 'service' });
QuoteRequest.hasMany(QuoteCall, { foreignKey: 'quoteRequestId', as: 'calls' });
QuoteCall.belongsTo(User, { foreignKey: 'userId', as: 'caller' });
QuoteRequest.hasMany(Proforma, { foreignKey: 'quoteRequestId', as: 'proformas' });
Proforma.belongsTo(QuoteRequest, { foreignKey: 'quoteRequestId', as: 'quoteRequest' });
Proforma.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
Proforma.belongsTo(Service, { foreignKey: 'serviceId', as: 'service' });
Proforma.hasMany(PurchaseOrder, { foreignKey: 'proformaId', as: 'purchaseOrders' });
PurchaseOrder.belongsTo(Proforma, { foreignKey: 'proformaId', as: 'proforma' });
Proforma.hasMany(Invoice, { foreignKey: 'proformaId', as: 'invoices' });
Invoice.belongsTo(Proforma, { foreignKey: 'proformaId', as: 'proforma' });
Invoice.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
Invoice.hasOne(CreditNote, { foreignKey: 'invoiceId', as: 'creditNote' });
CreditNote.belongsTo(Invoice, { foreignKey: 'invoiceId', as: 'invoice' });
Subscription.belongsTo(Invoice, { foreignKey: 'invoiceId', as: 'invoice' });
Subscription.hasMany(SubscriptionReminder, { foreignKey: 'subscriptionId', as: 'reminders' });
Company.hasOne(GlpiCompanyLink, { foreignKey: 'companyId', as: 'glpiLink' });
GlpiCompanyLink.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
User.hasOne(GlpiUserLink, { foreignKey: 'userId', as: 'glpiLink' });
Proforma.hasMany(PaymentProof, { foreignKey: 'proformaId', as: 'paymentProofs' });
Proforma.hasMany(Payment, { foreignKey: 'proformaId', as: 'payments' });
Invoice.hasMany(Payment, { foreignKey: 'invoiceId', as: 'payments' });
MonthlyReport.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });

export {
  AuditEntry,
  Company,
  ContactMessage,
  CreditNote,
  EmailLogEntry,
  Faq,
  GlpiAsset,
  GlpiCompanyLink,
  GlpiSyncEvent,
  GlpiSyncRun,
  GlpiSyncState,
  GlpiTicket,
  GlpiTicketFollowup,
  GlpiTicketSolution,
  GlpiOutboxEntry,
  GlpiUserLink,
  Invoice,
  LoginEvent,
  MonthlyReport,
  Notification,
  PasswordResetToken,
  Payment,
  PaymentMethod,
  PaymentProof,
  PendingRegistration,
  PriceTier,
  Proforma,
  PurchaseOrder,
  QuoteCall,
  QuoteRequest,
  Service,
  Subscription,
  SubscriptionReminder,
  TicketSurvey,
  User,
};
