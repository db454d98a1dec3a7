import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * Invoices and subscriptions get a stored state, changed only through their state machine
 * (server/sales/pipeline-states.ts, applied by apply-transition.ts; decision 100), and what
 * subscription changes need (issue 17):
 * - invoices: unpaid → paid → credited (backfilled from paid_at and credit notes);
 * - subscriptions: the course of the contract (active, cancelled_at_term, replaced by a tier change,
 *   cancelled by a credit note) — running or ended stays derived from the dates; opt-in automatic
 *   renewal and the renewal pro-forma the worker issued for it (once);
 * - pro-formas: what they sell (a sale, a renewal, a tier change of a subscription from a date);
 *   a renewal pro-forma is issued by the worker, by no one.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.addColumn('invoices', 'status', {
    type: DataTypes.ENUM('unpaid', 'paid', 'credited'),
    allowNull: false,
    defaultValue: 'unpaid',
  });
  await qi.sequelize.query("UPDATE invoices SET status = 'paid' WHERE paid_at IS NOT NULL");
  await qi.sequelize.query("UPDATE invoices SET status = 'credited' WHERE id IN (SELECT invoice_id FROM credit_notes)");

  await qi.addColumn('subscriptions', 'status', {
    type: DataTypes.ENUM('active', 'cancelled_at_term', 'replaced', 'cancelled'),
    allowNull: false,
    defaultValue: 'active',
  });
  await qi.sequelize.query("UPDATE subscriptions SET status = 'cancelled' WHERE invoice_id IN (SELECT invoice_id FROM credit_notes)");
  await qi.addColumn('subscriptions', 'auto_renew', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  await qi.addColumn('subscriptions', 'cancel_requested_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('subscriptions', 'renewal_proforma_id', {
    type: DataTypes.INTEGER.UNSIGNED,
    allowNull: true,
    references: { model: 'proformas', key: 'id' },
    onDelete: 'SET NULL',
    onUpdate: 'CASCADE',
  });

  await qi.addColumn('proformas', 'purpose', {
    type: DataTypes.ENUM('sale', 'renewal', 'tier_change'),
    allowNull: false,
    defaultValue: 'sale',
  });
  await qi.addColumn('proformas', 'subscription_id', {
    type: DataTypes.INTEGER.UNSIGNED,
    allowNull: true,
    references: { model: 'subscriptions', key: 'id' },
    onDelete: 'RESTRICT',
    onUpdate: 'CASCADE',
  });
  await qi.addColumn('proformas', 'effective_on', { type: DataTypes.DATEONLY, allowNull: true });
  await qi.changeColumn('proformas', 'issued_by_user_id', { type: DataTypes.INTEGER.UNSIGNED, allowNull: true });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.sequelize.query('DELETE FROM proformas WHERE issued_by_user_id IS NULL');
  await qi.changeColumn('proformas', 'issued_by_user_id', { type: DataTypes.INTEGER.UNSIGNED, allowNull: false });
  for (const column of ['effective_on', 'subscription_id', 'purpose']) await qi.removeColumn('proformas', column);
  for (const column of ['renewal_proforma_id', 'cancel_requested_at', 'auto_renew', 'status'])
    await qi.removeColumn('subscriptions', column);
  await qi.removeColumn('invoices', 'status');
};
