import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  // Writes toward GLPI (tickets, replies) land here first: nothing a client submits is lost while
  // GLPI is down, and the idempotency key, carried into GLPI, keeps a retried write from doubling.
  await qi.createTable('glpi_outbox', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    company_id: {
      type: DataTypes.INTEGER.UNSIGNED,
      allowNull: false,
      references: { model: 'companies', key: 'id' },
      onDelete: 'CASCADE',
    },
    user_id: {
      type: DataTypes.INTEGER.UNSIGNED,
      allowNull: false,
      references: { model: 'users', key: 'id' },
      onDelete: 'CASCADE',
    },
    kind: { type: DataTypes.ENUM('ticket', 'followup'), allowNull: false },
    idempotency_key: { type: DataTypes.CHAR(36), allowNull: false, unique: true },
    payload: { type: DataTypes.JSON, allowNull: false },
    // A reply names its ticket either by GLPI id or, before GLPI numbered it, by its outbox row.
    glpi_ticket_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    local_ticket_ref: {
      type: DataTypes.BIGINT.UNSIGNED,
      allowNull: true,
      references: { model: 'glpi_outbox', key: 'id' },
      onDelete: 'CASCADE',
    },
    state: { type: DataTypes.ENUM('pending', 'sending', 'delivered', 'failed'), allowNull: false, defaultValue: 'pending' },
    attempts: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    glpi_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    delivered_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('glpi_outbox', ['state', 'updated_at']);
  await qi.addIndex('glpi_outbox', ['company_id', 'kind', 'created_at']);
  await qi.addIndex('glpi_outbox', ['company_id', 'glpi_ticket_id']);
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('glpi_outbox');
};
