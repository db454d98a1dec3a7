import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

const id = { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
};
const ref = (table: string, allowNull = false, onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT') => ({
  type: DataTypes.INTEGER.UNSIGNED,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: allowNull && onDelete === 'RESTRICT' ? 'SET NULL' : onDelete,
  onUpdate: 'CASCADE',
});
// Money on documents is in centimes (BIGINT): VAT and discounts make fractions of a dinar.
const cents = { type: DataTypes.BIGINT, allowNull: false };

export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('quote_requests', {
    id,
    company_id: ref('companies'),
    requester_user_id: ref('users'),
    service_id: ref('services'),
    duration_months: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    tickets_per_month: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    pcs_count: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    software_count: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    description: { type: DataTypes.TEXT, allowNull: true },
    // Null when the quantity is above the top tier: the commercial sets the price.
    estimated_monthly_price_da: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    status: {
      type: DataTypes.ENUM('new', 'contacted', 'proforma_sent', 'accepted', 'refused', 'expired', 'cancelled'),
      allowNull: false,
      defaultValue: 'new',
    },
    contacted_at: { type: DataTypes.DATE, allowNull: true },
    // A renewal or a new request made from an earlier one (pre-filled form).
    previous_quote_id: ref('quote_requests', true),
    ...timestamps,
  });
  await qi.addIndex('quote_requests', ['status', 'created_at']);
  await qi.addIndex('quote_requests', ['company_id']);

  await qi.createTable('quote_calls', {
    id,
    quote_request_id: ref('quote_requests', false, 'CASCADE'),
    user_id: ref('users'),
    outcome: { type: DataTypes.ENUM('reached', 'no_answer', 'call_back', 'not_interested'), allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('quote_calls', ['quote_request_id']);

  // Gapless numbering: one row per (document kind, year), locked FOR UPDATE while a number is taken.
  await qi.createTable('document_sequences', {
    kind: { type: DataTypes.STRING(2), primaryKey: true },
    year: { type: DataTypes.SMALLINT.UNSIGNED, primaryKey: true },
    last_number: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
  });

  await qi.createTable('proformas', {
    id,
    number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    quote_request_id: ref('quote_requests'),
    company_id: ref('companies'),
    issued_by_user_id: ref('users'),
    service_id: ref('services'),
    // What is sold, copied from the tier at issue time: later catalog edits never change it.
    tier_max_qty: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    months: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    lines: { type: DataTypes.JSON, allowNull: false },
    total_excl_tax_cents: cents,
    vat_rate_percent: { type: DataTypes.DECIMAL(5, 2), allowNull: false },
    vat_cents: cents,
    total_incl_tax_cents: cents,
    valid_until: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.ENUM('pending', 'accepted', 'refused', 'expired'), allowNull: false, defaultValue: 'pending' },
    payment_method: { type: DataTypes.STRING(30), allowNull: true, references: { model: 'payment_methods', key: 'code' } },
    refusal_reason: { type: DataTypes.STRING(1000), allowNull: true },
    accepted_at: { type: DataTypes.DATE, allowNull: true },
    refused_at: { type: DataTypes.DATE, allowNull: true },
    // A cash, transfer or cheque payment recorded by a commercial (the alternative to a purchase order).
    payment_recorded_at: { type: DataTypes.DATE, allowNull: true },
    payment_reference: { type: DataTypes.STRING(100), allowNull: true },
    pdf_path: { type: DataTypes.STRING(300), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('proformas', ['company_id', 'status']);
  await qi.addIndex('proformas', ['status', 'valid_until']);

  await qi.createTable('purchase_orders', {
    id,
    proforma_id: ref('proformas'),
    company_id: ref('companies'),
    uploaded_by_user_id: ref('users'),
    // Random storage name under UPLOAD_DIR; the client's file name is kept for display only.
    storage_name: { type: DataTypes.STRING(100), allowNull: false },
    original_name: { type: DataTypes.STRING(255), allowNull: false },
    mime_type: { type: DataTypes.STRING(100), allowNull: false },
    size_bytes: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    po_number: { type: DataTypes.STRING(100), allowNull: true },
    amount_cents: { type: DataTypes.BIGINT, allowNull: true },
    status: { type: DataTypes.ENUM('pending', 'accepted', 'refused'), allowNull: false, defaultValue: 'pending' },
    refusal_reason: { type: DataTypes.STRING(1000), allowNull: true },
    reviewed_by_user_id: ref('users', true),
    reviewed_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('purchase_orders', ['proforma_id']);
  await qi.addIndex('purchase_orders', ['status']);

  await qi.createTable('invoices', {
    id,
    number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    proforma_id: ref('proformas'),
    company_id: ref('companies'),
    issued_by_user_id: ref('users'),
    // The buyer's identity as printed: an issued invoice never changes when the company is edited.
    buyer: { type: DataTypes.JSON, allowNull: false },
    lines: { type: DataTypes.JSON, allowNull: false },
    total_excl_tax_cents: cents,
    vat_rate_percent: { type: DataTypes.DECIMAL(5, 2), allowNull: false },
    vat_cents: cents,
    total_incl_tax_cents: cents,
    payment_method: { type: DataTypes.STRING(30), allowNull: false, references: { model: 'payment_methods', key: 'code' } },
    purchase_order_id: ref('purchase_orders', true),
    due_date: { type: DataTypes.DATEONLY, allowNull: false },
    paid_at: { type: DataTypes.DATE, allowNull: true },
    pdf_path: { type: DataTypes.STRING(300), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('invoices', ['company_id']);
  await qi.addIndex('invoices', ['proforma_id']);
  await qi.addIndex('invoices', ['created_at']);

  await qi.createTable('credit_notes', {
    id,
    number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    invoice_id: ref('invoices'),
    company_id: ref('companies'),
    issued_by_user_id: ref('users'),
    reason: { type: DataTypes.STRING(1000), allowNull: false },
    total_excl_tax_cents: cents,
    vat_cents: cents,
    total_incl_tax_cents: cents,
    pdf_path: { type: DataTypes.STRING(300), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('credit_notes', ['invoice_id'], { unique: true });

  await qi.addColumn('subscriptions', 'invoice_id', ref('invoices', true));
  await qi.addColumn('subscriptions', 'quote_request_id', ref('quote_requests', true));

  // One row per reminder sent: the unique key is what makes "exactly once" hold when the job runs twice.
  await qi.createTable('subscription_reminders', {
    subscription_id: { ...ref('subscriptions', false, 'CASCADE'), primaryKey: true },
    kind: { type: DataTypes.ENUM('d30', 'd7', 'd1', 'd0'), primaryKey: true },
    // The end date the reminder was about: a renewal moves the end and allows new reminders.
    end_at: { type: DataTypes.DATE, primaryKey: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('subscription_reminders');
  await qi.removeColumn('subscriptions', 'quote_request_id');
  await qi.removeColumn('subscriptions', 'invoice_id');
  for (const table of ['credit_notes', 'invoices', 'purchase_orders', 'proformas', 'document_sequences', 'quote_calls', 'quote_requests']) {
    await qi.dropTable(table);
  }
};
