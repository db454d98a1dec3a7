import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

const assetRefs = ['model', 'type', 'manufacturer', 'state', 'location', 'user', 'licence_software'];
const ticketRefs = ['category', 'recipient'];
const glpiId = { type: DataTypes.INTEGER.UNSIGNED, allowNull: true };

/**
 * Assets and tickets are read without expand_dropdowns (GLPI resolves every foreign key row by row
 * when asked: ten times slower, GLPI-API.md): each row keeps the ids of the dropdowns it shows, whose
 * names come from glpi_dropdowns and follow their renames (worker/sync/dropdown-refs.ts). Every
 * asset and ticket pair is read again once, in full, to fill them.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  for (const ref of assetRefs) await qi.addColumn('glpi_assets', `${ref}_glpi_id`, glpiId);
  for (const ref of ticketRefs) await qi.addColumn('glpi_tickets', `${ref}_glpi_id`, glpiId);
  // Follow-ups find their ticket by GLPI's id alone (they are read server-wide, worker/sync/sync-followups.ts).
  await qi.addIndex('glpi_tickets', ['glpi_id'], { name: 'glpi_tickets_glpi_id' });
  await qi.sequelize.query(
    `UPDATE glpi_sync_state SET read_from = NULL
     WHERE itemtype IN ('Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense', 'Ticket')`,
  );
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.removeIndex('glpi_tickets', 'glpi_tickets_glpi_id');
  for (const ref of ticketRefs) await qi.removeColumn('glpi_tickets', `${ref}_glpi_id`);
  for (const ref of assetRefs) await qi.removeColumn('glpi_assets', `${ref}_glpi_id`);
};
