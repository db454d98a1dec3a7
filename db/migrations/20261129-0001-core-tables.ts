import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

const id = { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true };
const bigId = { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
};
const fk = (table: string, onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT', allowNull = false) => ({
  type: DataTypes.INTEGER.UNSIGNED,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete,
  onUpdate: 'CASCADE',
});

export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('companies', {
    id,
    name: { type: DataTypes.STRING(200), allowNull: false },
    sector: { type: DataTypes.STRING(100), allowNull: true },
    employee_range: { type: DataTypes.STRING(20), allowNull: true },
    address: { type: DataTypes.STRING(500), allowNull: true },
    phone: { type: DataTypes.STRING(20), allowNull: true },
    // Algerian legal ids, printed on invoices: registre du commerce, NIF, NIS, article d'imposition.
    rc: { type: DataTypes.STRING(30), allowNull: true },
    nif: { type: DataTypes.STRING(20), allowNull: true },
    nis: { type: DataTypes.STRING(15), allowNull: true },
    ai: { type: DataTypes.STRING(11), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('companies', ['name']);

  await qi.createTable('users', {
    id,
    email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
    // Null until an invited employee sets a password.
    password_hash: { type: DataTypes.STRING(255), allowNull: true },
    first_name: { type: DataTypes.STRING(100), allowNull: false },
    last_name: { type: DataTypes.STRING(100), allowNull: false },
    phone: { type: DataTypes.STRING(20), allowNull: true },
    role: { type: DataTypes.ENUM('client', 'commercial', 'admin'), allowNull: false, defaultValue: 'client' },
    company_id: fk('companies', 'SET NULL', true),
    locale: { type: DataTypes.STRING(2), allowNull: false, defaultValue: 'fr' },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps,
  });
  await qi.addIndex('users', ['company_id']);
  await qi.addIndex('users', ['role']);

  // Lucia v3 session table: id, user_id, expires_at, plus our own attributes.
  await qi.createTable('sessions', {
    id: { type: DataTypes.STRING(255), primaryKey: true },
    user_id: fk('users', 'CASCADE'),
    expires_at: { type: DataTypes.DATE, allowNull: false },
    ip: { type: DataTypes.STRING(45), allowNull: true },
    user_agent: { type: DataTypes.STRING(255), allowNull: true },
  });
  await qi.addIndex('sessions', ['user_id']);

  await qi.createTable('password_reset_tokens', {
    // SHA-256 of the token mailed to the user: a database leak does not leak usable links.
    token_hash: { type: DataTypes.CHAR(64), primaryKey: true },
    user_id: fk('users', 'CASCADE'),
    expires_at: { type: DataTypes.DATE, allowNull: false },
    used_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });

  await qi.createTable('services', {
    id,
    code: { type: DataTypes.STRING(30), allowNull: false, unique: true },
    name_fr: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    priced_by: { type: DataTypes.ENUM('tickets_per_month', 'pcs', 'max'), allowNull: false },
    scope_fr: { type: DataTypes.JSON, allowNull: false },
    scope_en: { type: DataTypes.JSON, allowNull: false },
    position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps,
  });

  await qi.createTable('price_tiers', {
    id,
    service_id: fk('services', 'CASCADE'),
    min_qty: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    max_qty: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    // Whole dinars: catalog prices are round amounts; documents compute their own totals.
    monthly_price_da: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('price_tiers', ['service_id', 'min_qty'], { unique: true });

  await qi.createTable('payment_methods', {
    code: { type: DataTypes.STRING(30), primaryKey: true },
    name_fr: { type: DataTypes.STRING(100), allowNull: false },
    name_en: { type: DataTypes.STRING(100), allowNull: false },
    position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });

  await qi.createTable('faqs', {
    id,
    question_fr: { type: DataTypes.STRING(300), allowNull: false },
    answer_fr: { type: DataTypes.TEXT, allowNull: false },
    question_en: { type: DataTypes.STRING(300), allowNull: false },
    answer_en: { type: DataTypes.TEXT, allowNull: false },
    position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    published: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...timestamps,
  });

  await qi.createTable('login_events', {
    id: bigId,
    user_id: fk('users', 'CASCADE'),
    // Denormalised so that the "connections" statistics of a company are one indexed range scan.
    company_id: fk('companies', 'SET NULL', true),
    ip: { type: DataTypes.STRING(45), allowNull: true },
    user_agent: { type: DataTypes.STRING(255), allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('login_events', ['company_id', 'created_at']);
  await qi.addIndex('login_events', ['user_id', 'created_at']);

  await qi.createTable('notifications', {
    id: bigId,
    user_id: fk('users', 'CASCADE'),
    // An i18n key and its parameters: the text follows the reader's language.
    kind: { type: DataTypes.STRING(60), allowNull: false },
    params: { type: DataTypes.JSON, allowNull: false },
    link: { type: DataTypes.STRING(300), allowNull: true },
    read_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('notifications', ['user_id', 'read_at']);

  await qi.createTable('audit_log', {
    id: bigId,
    // Kept when the actor's account is deactivated: users are never deleted.
    actor_user_id: fk('users', 'SET NULL', true),
    action: { type: DataTypes.STRING(80), allowNull: false },
    record_type: { type: DataTypes.STRING(40), allowNull: false },
    record_id: { type: DataTypes.STRING(40), allowNull: true },
    details: { type: DataTypes.JSON, allowNull: true },
    ip: { type: DataTypes.STRING(45), allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('audit_log', ['record_type', 'record_id']);
  await qi.addIndex('audit_log', ['actor_user_id', 'created_at']);
  await qi.addIndex('audit_log', ['created_at']);

  await qi.createTable('email_log', {
    id: bigId,
    recipient: { type: DataTypes.STRING(254), allowNull: false },
    template: { type: DataTypes.STRING(60), allowNull: false },
    locale: { type: DataTypes.STRING(2), allowNull: false, defaultValue: 'fr' },
    // What the mail job needs to render and send again (resend from the back-office).
    params: { type: DataTypes.JSON, allowNull: false },
    subject: { type: DataTypes.STRING(300), allowNull: true },
    state: { type: DataTypes.ENUM('queued', 'sent', 'failed'), allowNull: false, defaultValue: 'queued' },
    attempts: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    message_id: { type: DataTypes.STRING(300), allowNull: true },
    sent_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('email_log', ['state', 'created_at']);
  await qi.addIndex('email_log', ['recipient']);

  await qi.createTable('contact_messages', {
    id,
    name: { type: DataTypes.STRING(200), allowNull: false },
    email: { type: DataTypes.STRING(254), allowNull: false },
    phone: { type: DataTypes.STRING(20), allowNull: true },
    company: { type: DataTypes.STRING(200), allowNull: true },
    message: { type: DataTypes.TEXT, allowNull: false },
    ip: { type: DataTypes.STRING(45), allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  for (const table of [
    'contact_messages',
    'email_log',
    'audit_log',
    'notifications',
    'login_events',
    'faqs',
    'payment_methods',
    'price_tiers',
    'services',
    'password_reset_tokens',
    'sessions',
    'users',
    'companies',
  ]) {
    await qi.dropTable(table);
  }
};
