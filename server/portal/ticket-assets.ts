import { QueryTypes } from 'sequelize';
import { sequelize } from '../db/sequelize';
import { assetSlugOf, type AssetSlug } from './asset-types';
import { visibleTicketIds, type TicketScope } from './ticket-scope';

export type LinkedAsset = { itemtype: string; slug: AssetSlug | null; glpiId: number; name: string | null };

/**
 * The assets GLPI links to a ticket (Item_Ticket, synced by worker/sync/ticket-items.ts), whoever
 * linked them. Only live assets of the company's own cached park: a link to an item of another
 * entity (GLPI lets a technician make one) or to something the portal does not show is left out.
 */
export async function linkedAssets(companyId: number, glpiTicketId: number): Promise<LinkedAsset[]> {
  const rows = await sequelize.query<{ itemtype: string; glpiId: number; name: string | null }>(
    `SELECT a.itemtype, a.glpi_id AS glpiId, a.name FROM glpi_ticket_items i
       JOIN glpi_assets a ON a.company_id = i.company_id AND a.itemtype = i.itemtype AND a.glpi_id = i.items_id
        AND a.deleted_at IS NULL AND a.is_template = 0
      WHERE i.company_id = :companyId AND i.glpi_ticket_id = :glpiTicketId AND i.deleted_at IS NULL
      ORDER BY a.itemtype, a.name, a.glpi_id`,
    { replacements: { companyId, glpiTicketId }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({ itemtype: row.itemtype, slug: assetSlugOf(row.itemtype), glpiId: Number(row.glpiId), name: row.name }));
}

/** The company's live tickets about one asset, newest first, as the caller's ticket list scopes them (a member: their own). */
export async function ticketsAboutAsset(scope: TicketScope, itemtype: string, glpiId: number) {
  const visible = await visibleTicketIds(scope);
  if (visible !== null && visible.length === 0) return [];
  const rows = await sequelize.query<{ glpiId: number; name: string | null; status: number; openedAt: Date | null }>(
    `SELECT t.glpi_id AS glpiId, t.name, t.status, t.opened_at AS openedAt FROM glpi_ticket_items i
       JOIN glpi_tickets t ON t.company_id = i.company_id AND t.glpi_id = i.glpi_ticket_id AND t.deleted_at IS NULL
      WHERE i.company_id = :companyId AND i.itemtype = :itemtype AND i.items_id = :glpiId AND i.deleted_at IS NULL
        ${visible === null ? '' : 'AND t.glpi_id IN (:visible)'}
      ORDER BY t.opened_at DESC, t.glpi_id DESC`,
    { replacements: { companyId: scope.companyId, itemtype, glpiId, visible }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({ glpiId: Number(row.glpiId), name: row.name, status: Number(row.status), openedAt: row.openedAt }));
}
