import { cacheTransaction } from './cache-transaction';
import { sequelize } from '../../server/db/sequelize';
import { refreshDashboard } from '../../server/glpi-cache/dashboard-aggregates';
import { utcNow } from './upsert-batch';

/**
 * A company relinked to another GLPI entity keeps nothing of the one it left: its cached items and
 * sync state go (its figures must not count them), its follow-ups go back to "not routed" (they
 * belong to GLPI's tickets, which may yet move). Events already notified stay, as history.
 */
export async function forgetEntityOfCompany(entityId: number, companyId: number): Promise<void> {
  await cacheTransaction(async (transaction) => {
    // A fresh options object per query: Sequelize consumes the replacements it is given.
    const scope = () => ({ replacements: { entityId, companyId, now: utcNow() }, transaction });
    for (const table of ['glpi_assets', 'glpi_asset_details', 'glpi_tickets', 'glpi_ticket_items', 'glpi_sync_state']) {
      await sequelize.query(`DELETE FROM ${table} WHERE glpi_entity_id = :entityId AND company_id = :companyId`, scope());
    }
    await sequelize.query(
      'UPDATE glpi_ticket_followups SET glpi_entity_id = NULL, company_id = NULL, updated_at = :now WHERE glpi_entity_id = :entityId AND company_id = :companyId',
      scope(),
    );
  });
  await refreshDashboard(companyId);
}
