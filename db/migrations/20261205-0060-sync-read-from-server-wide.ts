import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

const when = { type: DataTypes.DATE, allowNull: true };
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
};

/**
 * Sync against a real GLPI (docs/decisions/015-reading-changes-whatever-the-order-of-ties.md):
 * - `read_from`: where the next incremental read of a pair starts (GLPI text, inclusive), moved by
 *   GLPI's own clock so that a quiet cycle re-reads nothing; existing pairs start from their watermark.
 * - Server-wide pairs (follow-ups, dropdowns) have no company: entity 0 and a null company_id.
 * - Follow-ups are read server-wide by their own date_mod and routed to a company by their ticket:
 *   one row per GLPI follow-up, entity and company null until their ticket is in the cache.
 * - Dropdown tables (operating systems first) resolve numeric ids read without expand_dropdowns.
 * - glpi_sync_runs: what each cycle cost GLPI, for the back office's sync monitor.
 * - OS and Infocom rows are read again from scratch: read with expand_dropdowns, their `items_id`
 *   named the asset instead of identifying it, so those cached against a real GLPI point nowhere.
 * - A relinked company remembers the entity it leaves until that entity's traces are cleaned up,
 *   and each client's GLPI user gets an API token of its own (sealed: only the worker can open it).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.addColumn('glpi_sync_state', 'read_from', { type: DataTypes.STRING(19), allowNull: true });
  await qi.sequelize.query('UPDATE glpi_sync_state SET read_from = watermark');
  // MODIFY keeps the foreign key as it is (changeColumn with references would add a second one).
  await qi.sequelize.query('ALTER TABLE glpi_sync_state MODIFY company_id INT UNSIGNED NULL');
  // The per-company bulk follow-up pair is replaced by the server-wide one.
  await qi.sequelize.query("DELETE FROM glpi_sync_state WHERE itemtype = 'ITILFollowup'");

  await qi.sequelize.query(`DELETE f FROM glpi_ticket_followups f JOIN glpi_ticket_followups g ON g.glpi_id = f.glpi_id AND g.id > f.id`);
  await qi.removeIndex('glpi_ticket_followups', 'glpi_followups_key');
  await qi.sequelize.query(
    'ALTER TABLE glpi_ticket_followups MODIFY glpi_entity_id INT UNSIGNED NULL, MODIFY company_id INT UNSIGNED NULL',
  );
  await qi.addIndex('glpi_ticket_followups', ['glpi_id'], { unique: true, name: 'glpi_followups_key' });
  await qi.addIndex('glpi_ticket_followups', ['glpi_ticket_id'], { name: 'glpi_followups_ticket' });

  await qi.sequelize.query('DELETE FROM glpi_asset_details');
  await qi.sequelize.query("DELETE FROM glpi_sync_state WHERE itemtype IN ('Item_OperatingSystem', 'Infocom')");
  await qi.addColumn('glpi_asset_details', 'operating_system_glpi_id', { type: DataTypes.INTEGER.UNSIGNED, allowNull: true });
  await qi.addIndex('glpi_asset_details', ['operating_system_glpi_id'], { name: 'glpi_asset_details_os' });

  await qi.createTable('glpi_dropdowns', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    itemtype: { type: DataTypes.STRING(40), allowNull: false },
    glpi_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    name: { type: DataTypes.STRING(255), allowNull: true },
    /** What the cache shows for it: "Parent > Child" for tree dropdowns, a user's full name, the name otherwise. */
    label: { type: DataTypes.STRING(255), allowNull: true },
    /** The parent row of tree dropdowns (locations, categories, states…): their labels are rebuilt from it. */
    parent_glpi_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    glpi_updated_at: when,
    raw: { type: DataTypes.JSON, allowNull: false },
    deleted_at: when,
    ...stamps,
  });
  await qi.addIndex('glpi_dropdowns', ['itemtype', 'glpi_id'], { unique: true, name: 'glpi_dropdowns_key' });

  await qi.addColumn('glpi_company_links', 'retired_glpi_entity_id', { type: DataTypes.INTEGER.UNSIGNED, allowNull: true });
  await qi.addColumn('glpi_user_links', 'api_token_sealed', { type: DataTypes.STRING(255), allowNull: true });

  await qi.createTable('glpi_sync_runs', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    /** Null for the server-wide cycle (follow-ups, dropdowns). */
    company_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true, references: { model: 'companies', key: 'id' }, onDelete: 'CASCADE' },
    glpi_entity_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    started_at: { type: DataTypes.DATE, allowNull: false },
    duration_ms: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    /** HTTP requests sent to GLPI by the cycle (session set-up included). */
    requests: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    /** Rows GLPI returned, and rows that were new or changed in the cache. */
    rows_read: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    rows_changed: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    status: { type: DataTypes.ENUM('done', 'interrupted', 'failed'), allowNull: false },
    error: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('glpi_sync_runs', ['company_id', 'id'], { name: 'glpi_sync_runs_company' });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('glpi_sync_runs');
  await qi.removeColumn('glpi_user_links', 'api_token_sealed');
  await qi.removeColumn('glpi_company_links', 'retired_glpi_entity_id');
  await qi.dropTable('glpi_dropdowns');
  await qi.removeIndex('glpi_asset_details', 'glpi_asset_details_os');
  await qi.removeColumn('glpi_asset_details', 'operating_system_glpi_id');
  await qi.removeIndex('glpi_ticket_followups', 'glpi_followups_ticket');
  await qi.removeIndex('glpi_ticket_followups', 'glpi_followups_key');
  await qi.sequelize.query('DELETE FROM glpi_ticket_followups WHERE glpi_entity_id IS NULL OR company_id IS NULL');
  await qi.sequelize.query(
    'ALTER TABLE glpi_ticket_followups MODIFY glpi_entity_id INT UNSIGNED NOT NULL, MODIFY company_id INT UNSIGNED NOT NULL',
  );
  await qi.addIndex('glpi_ticket_followups', ['glpi_entity_id', 'glpi_id'], { unique: true, name: 'glpi_followups_key' });
  await qi.sequelize.query('DELETE FROM glpi_sync_state WHERE company_id IS NULL');
  await qi.sequelize.query('ALTER TABLE glpi_sync_state MODIFY company_id INT UNSIGNED NOT NULL');
  await qi.removeColumn('glpi_sync_state', 'read_from');
};
