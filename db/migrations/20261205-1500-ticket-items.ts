import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * The assets a ticket is about: one row per GLPI Item_Ticket, whoever made the link (the portal at
 * creation, a technician in GLPI). Routed to the company of the ticket's entity; a link GLPI no
 * longer lists is kept with `deleted_at` (docs/decisions/181-ticket-items-synced.md).
 * `items_read_at` on the Ticket pair's sync state says the entity's cached tickets carry their links
 * (a cache filled before this migration gets them at its next cycle).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('glpi_ticket_items', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    /** The Item_Ticket's id. */
    glpi_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpi_ticket_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    /** Computer, Monitor…, and the asset's GLPI id. */
    itemtype: { type: DataTypes.STRING(100), allowNull: false },
    items_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpi_entity_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    company_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    deleted_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('glpi_ticket_items', ['glpi_id'], { unique: true, name: 'glpi_ticket_items_key' });
  await qi.addIndex('glpi_ticket_items', ['company_id', 'glpi_ticket_id'], { name: 'glpi_ticket_items_ticket' });
  await qi.addIndex('glpi_ticket_items', ['company_id', 'itemtype', 'items_id'], { name: 'glpi_ticket_items_asset' });
  await qi.addColumn('glpi_sync_state', 'items_read_at', { type: DataTypes.DATE, allowNull: true });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.removeColumn('glpi_sync_state', 'items_read_at');
  await qi.dropTable('glpi_ticket_items');
};
