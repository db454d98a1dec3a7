import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * The heartbeat each web process writes on the primary and reads back on every read replica: the
 * age of the newest beat a replica holds is its lag (server/db/replica-monitor.ts). One row; it
 * exists whether replicas are configured or not, so that adding one needs no migration.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('replication_heartbeats', {
    id: { type: DataTypes.TINYINT.UNSIGNED, primaryKey: true },
    beat_at: { type: DataTypes.DATE(3), allowNull: false },
  });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('replication_heartbeats');
};
