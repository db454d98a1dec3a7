import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * Quota warnings already sent: one row per (company, kind, month), so a warning at 80 % or at 100 %
 * of the plan goes out once a month however often the job runs or how many workers run it.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('quota_warnings', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    company_id: {
      type: DataTypes.INTEGER.UNSIGNED,
      allowNull: false,
      references: { model: 'companies', key: 'id' },
      onDelete: 'CASCADE',
    },
    /** `tickets_80`, `tickets_100`, `computers_80`, `computers_100`. */
    kind: { type: DataTypes.STRING(32), allowNull: false },
    /** `YYYY-MM` in Africa/Algiers. */
    month: { type: DataTypes.CHAR(7), allowNull: false },
    used: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    allowed: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('quota_warnings', ['company_id', 'kind', 'month'], { unique: true, name: 'quota_warnings_once' });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('quota_warnings');
};
