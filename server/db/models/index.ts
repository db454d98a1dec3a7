/** Every model, with its associations declared once. Import models from here. */
import { AuditEntry } from './audit-entry';
import { Company } from './company';
import { ContactMessage } from './contact-message';
import { EmailLogEntry } from './email-log-entry';
import { Faq } from './faq';
import { LoginEvent } from './login-event';
import { Notification } from './notification';
import { PasswordResetToken } from './password-reset-token';
import { PaymentMethod } from './payment-method';
import { PriceTier } from './price-tier';
import { Service } from './service';
import { Subscription } from './subscription';
import { User } from './user';

Company.hasMany(User, { foreignKey: 'companyId', as: 'users' });
User.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
Service.hasMany(PriceTier, { foreignKey: 'serviceId', as: 'tiers' });
PriceTier.belongsTo(Service, { foreignKey: 'serviceId', as: 'service' });
Company.hasMany(Subscription, { foreignKey: 'companyId', as: 'subscriptions' });
Subscription.belongsTo(Company, { foreignKey: 'companyId', as: 'company' });
Subscription.belongsTo(Service, { foreignKey: 'serviceId', as: 'service' });

export {
  AuditEntry,
  Company,
  ContactMessage,
  EmailLogEntry,
  Faq,
  LoginEvent,
  Notification,
  PasswordResetToken,
  PaymentMethod,
  PriceTier,
  Service,
  Subscription,
  User,
};
