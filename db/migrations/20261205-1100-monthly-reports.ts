import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * One monthly report per client company and calendar month (Algiers): the figures as they were
 * computed from the cache (JSON), so that every earlier month reads the same each time it is
 * downloaded, in whichever language, while the cache moves on. `mailed_at` is set in the
 * transaction that queues the managers' mails: a regenerated report is never mailed twice.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('monthly_reports', {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    company_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, references: { model: 'companies', key: 'id' }, onDelete: 'CASCADE' },
    /** `YYYY-MM`, the Algiers calendar month reported on. */
    month: { type: DataTypes.CHAR(7), allowNull: false },
    figures: { type: DataTypes.JSON, allowNull: false },
    generated_at: { type: DataTypes.DATE, allowNull: false },
    /** The staff member who asked for a regeneration; null when the worker's schedule made it. */
    regenerated_by: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    mailed_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('monthly_reports', ['company_id', 'month'], { unique: true, name: 'monthly_reports_company_month' });
  await qi.addIndex('monthly_reports', ['month'], { name: 'monthly_reports_month' });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('monthly_reports');
};
