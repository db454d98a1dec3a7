import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

const id = { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true };
const glpiId = { type: DataTypes.INTEGER.UNSIGNED, allowNull: false };
const company = {
  type: DataTypes.INTEGER.UNSIGNED,
  allowNull: false,
  references: { model: 'companies', key: 'id' },
  onDelete: 'CASCADE',
};
const text = (length = 255) => ({ type: DataTypes.STRING(length), allowNull: true });
const when = { type: DataTypes.DATE, allowNull: true };
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
};

/**
 * The local copy of each client's GLPI items that every portal page reads (the web never asks GLPI).
 * Rows are keyed by (entity, item type, GLPI id) and soft-deleted when GLPI trashes or purges them.
 * Dates are UTC; `company_id` is denormalised so that the portal's queries need no join.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('glpi_assets', {
    id,
    glpi_entity_id: glpiId,
    itemtype: { type: DataTypes.STRING(32), allowNull: false },
    glpi_id: glpiId,
    company_id: company,
    name: text(),
    serial: text(),
    inventory_number: text(),
    model: text(),
    manufacturer: text(),
    type: text(),
    state: text(),
    location: text(),
    user_name: text(),
    operating_system: text(),
    warranty_start: { type: DataTypes.DATEONLY, allowNull: true },
    warranty_end: { type: DataTypes.DATEONLY, allowNull: true },
    /** Software licences: seats (-1 unlimited), the licensed software and the expiry day. */
    licence_seats: { type: DataTypes.INTEGER, allowNull: true },
    licence_software: text(),
    licence_expires_on: { type: DataTypes.DATEONLY, allowNull: true },
    /** GLPI lists template rows with the items (and counts them in Content-Range): kept, never shown. */
    is_template: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    glpi_created_at: when,
    glpi_updated_at: when,
    raw: { type: DataTypes.JSON, allowNull: false },
    deleted_at: when,
    ...stamps,
  });
  await qi.addIndex('glpi_assets', ['glpi_entity_id', 'itemtype', 'glpi_id'], { unique: true, name: 'glpi_assets_key' });
  await qi.addIndex('glpi_assets', ['company_id', 'itemtype', 'deleted_at', 'name'], { name: 'glpi_assets_company_type_name' });
  await qi.addIndex('glpi_assets', ['company_id', 'itemtype', 'state'], { name: 'glpi_assets_company_type_state' });
  await qi.addIndex('glpi_assets', ['company_id', 'itemtype', 'location'], { name: 'glpi_assets_company_type_location' });
  await qi.addIndex('glpi_assets', ['company_id', 'warranty_end'], { name: 'glpi_assets_company_warranty' });
  await qi.addIndex('glpi_assets', ['company_id', 'licence_expires_on'], { name: 'glpi_assets_company_licence_expiry' });

  await qi.createTable('glpi_tickets', {
    id,
    glpi_entity_id: glpiId,
    glpi_id: glpiId,
    company_id: company,
    name: text(),
    content: { type: DataTypes.TEXT('medium'), allowNull: true },
    /** GLPI codes: 1 new, 2 assigned, 3 planned, 4 pending, 5 solved, 6 closed. */
    status: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    urgency: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    impact: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
    priority: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    /** 1 incident, 2 request. */
    type: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    category: text(),
    requester_glpi_user_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    recipient_name: text(),
    opened_at: when,
    taken_at: when,
    solved_at: when,
    closed_at: when,
    time_to_own: when,
    time_to_resolve: when,
    glpi_updated_at: when,
    raw: { type: DataTypes.JSON, allowNull: false },
    deleted_at: when,
    ...stamps,
  });
  await qi.addIndex('glpi_tickets', ['glpi_entity_id', 'glpi_id'], { unique: true, name: 'glpi_tickets_key' });
  await qi.addIndex('glpi_tickets', ['company_id', 'deleted_at', 'status', 'opened_at'], { name: 'glpi_tickets_company_status' });
  await qi.addIndex('glpi_tickets', ['company_id', 'urgency'], { name: 'glpi_tickets_company_urgency' });
  await qi.addIndex('glpi_tickets', ['company_id', 'opened_at'], { name: 'glpi_tickets_company_opened' });
  await qi.addIndex('glpi_tickets', ['company_id', 'glpi_updated_at'], { name: 'glpi_tickets_company_updated' });

  await qi.createTable('glpi_ticket_followups', {
    id,
    glpi_entity_id: glpiId,
    glpi_id: glpiId,
    glpi_ticket_id: glpiId,
    company_id: company,
    glpi_user_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    author_name: text(),
    content: { type: DataTypes.TEXT('medium'), allowNull: true },
    /** Technicians' notes: never shown to clients, kept so that the cache mirrors GLPI. */
    is_private: { type: DataTypes.BOOLEAN, allowNull: false },
    posted_at: when,
    glpi_updated_at: when,
    raw: { type: DataTypes.JSON, allowNull: false },
    deleted_at: when,
    ...stamps,
  });
  await qi.addIndex('glpi_ticket_followups', ['glpi_entity_id', 'glpi_id'], { unique: true, name: 'glpi_followups_key' });
  await qi.addIndex('glpi_ticket_followups', ['company_id', 'glpi_ticket_id', 'posted_at'], { name: 'glpi_followups_company_ticket' });
  await qi.addIndex('glpi_ticket_followups', ['glpi_entity_id', 'glpi_ticket_id'], { name: 'glpi_followups_entity_ticket' });

  await qi.createTable('glpi_sync_state', {
    id,
    glpi_entity_id: glpiId,
    itemtype: { type: DataTypes.STRING(32), allowNull: false },
    company_id: company,
    /** GLPI's own `date_mod` text of the newest item committed (GLPI's clock and zone, never ours). */
    watermark: { type: DataTypes.STRING(19), allowNull: true },
    last_success_at: when,
    last_attempt_at: when,
    last_duration_ms: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    last_items: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    last_full_reconcile_at: when,
    last_error: { type: DataTypes.TEXT, allowNull: true },
    last_error_at: when,
    cycle_count: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
    /** Set while a pass is running; progress of the first full sync, from Content-Range. */
    running_since: when,
    progress_done: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    progress_total: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    ...stamps,
  });
  await qi.addIndex('glpi_sync_state', ['glpi_entity_id', 'itemtype'], { unique: true, name: 'glpi_sync_state_key' });
  await qi.addIndex('glpi_sync_state', ['company_id'], { name: 'glpi_sync_state_company' });

  await qi.createTable('glpi_sync_events', {
    id,
    company_id: company,
    glpi_entity_id: glpiId,
    kind: { type: DataTypes.ENUM('ticket_solved', 'ticket_closed', 'ticket_status_changed', 'followup_added'), allowNull: false },
    glpi_ticket_id: glpiId,
    glpi_followup_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    status_from: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
    status_to: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
    ticket_name: text(),
    /** What makes an event unique: the same change seen twice (overlap, restart) is recorded once. */
    dedupe_key: { type: DataTypes.STRING(160), allowNull: false, unique: true },
    occurred_at: when,
    notified_at: when,
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('glpi_sync_events', ['notified_at', 'id'], { name: 'glpi_sync_events_pending' });
  await qi.addIndex('glpi_sync_events', ['company_id', 'glpi_ticket_id'], { name: 'glpi_sync_events_company_ticket' });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('glpi_sync_events');
  await qi.dropTable('glpi_sync_state');
  await qi.dropTable('glpi_ticket_followups');
  await qi.dropTable('glpi_tickets');
  await qi.dropTable('glpi_assets');
};
