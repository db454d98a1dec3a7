import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

const id = { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true };
const ref = (table: string, allowNull = false) => ({
  type: DataTypes.INTEGER.UNSIGNED,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: allowNull ? 'SET NULL' : 'RESTRICT',
  onUpdate: 'CASCADE',
});
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
};

/**
 * Billing the way Algerian companies pay (issue 17, decision 030):
 * - a purchase order's review records what the order says (pro-forma number cited, date, HT and
 *   TTC amounts), what did not match, and the written reason of a staff override;
 * - a transfer's or cheque's proof uploaded by the client, confirmed by staff;
 * - every payment received, with its receipt number (REC-YYYY-NNNN: the sequence kind grows to
 *   three letters).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.changeColumn('document_sequences', 'kind', { type: DataTypes.STRING(3), allowNull: false });

  await qi.addColumn('purchase_orders', 'proforma_reference', { type: DataTypes.STRING(30), allowNull: true });
  await qi.addColumn('purchase_orders', 'po_date', { type: DataTypes.DATEONLY, allowNull: true });
  await qi.addColumn('purchase_orders', 'amount_excl_tax_cents', { type: DataTypes.BIGINT, allowNull: true });
  await qi.addColumn('purchase_orders', 'mismatches', { type: DataTypes.JSON, allowNull: true });
  await qi.addColumn('purchase_orders', 'override_reason', { type: DataTypes.STRING(1000), allowNull: true });

  await qi.createTable('payment_proofs', {
    id,
    proforma_id: ref('proformas'),
    company_id: ref('companies'),
    uploaded_by_user_id: ref('users'),
    method: { type: DataTypes.ENUM('transfer', 'cheque'), allowNull: false },
    bank_reference: { type: DataTypes.STRING(100), allowNull: false },
    storage_name: { type: DataTypes.STRING(100), allowNull: false },
    original_name: { type: DataTypes.STRING(255), allowNull: false },
    mime_type: { type: DataTypes.STRING(100), allowNull: false },
    size_bytes: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    status: { type: DataTypes.ENUM('pending', 'confirmed', 'rejected'), allowNull: false, defaultValue: 'pending' },
    rejection_reason: { type: DataTypes.STRING(1000), allowNull: true },
    reviewed_by_user_id: ref('users', true),
    reviewed_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('payment_proofs', ['proforma_id']);
  await qi.addIndex('payment_proofs', ['company_id']);

  await qi.createTable('payments', {
    id,
    receipt_number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    company_id: ref('companies'),
    proforma_id: ref('proformas', true),
    invoice_id: ref('invoices', true),
    payment_proof_id: ref('payment_proofs', true),
    method: { type: DataTypes.ENUM('cash', 'transfer', 'cheque'), allowNull: false },
    amount_cents: { type: DataTypes.BIGINT, allowNull: false },
    paid_on: { type: DataTypes.DATEONLY, allowNull: false },
    reference: { type: DataTypes.STRING(100), allowNull: true },
    recorded_by_user_id: ref('users'),
    pdf_path: { type: DataTypes.STRING(255), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('payments', ['company_id']);
  await qi.addIndex('payments', ['invoice_id']);
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('payments');
  await qi.dropTable('payment_proofs');
  for (const column of ['override_reason', 'mismatches', 'amount_excl_tax_cents', 'po_date', 'proforma_reference'])
    await qi.removeColumn('purchase_orders', column);
  await qi.sequelize.query('DELETE FROM document_sequences WHERE CHAR_LENGTH(kind) > 2');
  await qi.changeColumn('document_sequences', 'kind', { type: DataTypes.STRING(2), allowNull: false });
};
