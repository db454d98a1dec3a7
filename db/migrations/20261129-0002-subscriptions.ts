import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('subscriptions', {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    company_id: {
      type: DataTypes.INTEGER.UNSIGNED,
      allowNull: false,
      references: { model: 'companies', key: 'id' },
      onDelete: 'RESTRICT',
    },
    service_id: {
      type: DataTypes.INTEGER.UNSIGNED,
      allowNull: false,
      references: { model: 'services', key: 'id' },
      onDelete: 'RESTRICT',
    },
    // The tier bought, copied: later catalog edits do not change what the client paid for.
    tier_max_qty: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    monthly_price_da: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    months: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    start_at: { type: DataTypes.DATE, allowNull: false },
    end_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('subscriptions', ['company_id', 'end_at']);
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('subscriptions');
};
