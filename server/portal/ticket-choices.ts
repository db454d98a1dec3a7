import { QueryTypes } from 'sequelize';
import { GlpiAsset, GlpiCompanyLink } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { ticketAssetTypes, type TicketPayload } from '../glpi-outbox/outbox-payload';

export type TicketCategory = { id: number; label: string };

/**
 * The ticket categories a client may choose, from the dropdowns the sync keeps: those GLPI shows to
 * self-service (`is_helpdeskvisible`), of the company's entity, or recursive from above it — never
 * one that belongs to another client's entity.
 */
export async function ticketCategories(companyId: number): Promise<TicketCategory[]> {
  const link = await GlpiCompanyLink.findByPk(companyId, { attributes: ['glpiEntityId'] });
  if (link?.glpiEntityId == null) return [];
  const rows = await sequelize.query<{ id: number; label: string | null }>(
    `SELECT d.glpi_id AS id, COALESCE(d.label, d.name) AS label FROM glpi_dropdowns d
     WHERE d.itemtype = 'ITILCategory' AND d.deleted_at IS NULL
       AND JSON_VALUE(d.raw, '$.is_helpdeskvisible') = 1
       AND (JSON_VALUE(d.raw, '$.entities_id') = :entity
         OR (JSON_VALUE(d.raw, '$.is_recursive') = 1
           AND JSON_VALUE(d.raw, '$.entities_id') NOT IN (SELECT l.glpi_entity_id FROM glpi_company_links l WHERE l.glpi_entity_id IS NOT NULL)))
     ORDER BY label`,
    { replacements: { entity: link.glpiEntityId }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({ id: Number(row.id), label: row.label ?? '' }));
}

/**
 * A new ticket's category and asset must be ones the client may name: a category offered to them,
 * an asset of their own park. Anything else is refused on its field, never passed on to GLPI.
 */
export async function assertTicketChoices(companyId: number, payload: Pick<TicketPayload, 'categoryId' | 'asset'>): Promise<void> {
  if (payload.categoryId !== undefined) {
    const categories = await ticketCategories(companyId);
    if (!categories.some((category) => category.id === payload.categoryId)) {
      throw new AppError('BAD_INPUT', 'validation.choice', { field: 'categoryId' });
    }
  }
  if (payload.asset !== undefined) {
    const asset = await GlpiAsset.findOne({
      where: { companyId, itemtype: payload.asset.itemtype, glpiId: payload.asset.glpiId, deletedAt: null, isTemplate: false },
      attributes: ['id'],
    });
    if (!asset) throw new AppError('BAD_INPUT', 'validation.choice', { field: 'asset' });
  }
}

export type TicketAssetChoice = { itemtype: string; glpiId: number; name: string };

/** The company's assets a ticket may be about, by type then name (templates and trashed rows left out). */
export async function ticketAssets(companyId: number): Promise<TicketAssetChoice[]> {
  const rows = await GlpiAsset.findAll({
    where: { companyId, deletedAt: null, isTemplate: false, itemtype: [...ticketAssetTypes] },
    attributes: ['itemtype', 'glpiId', 'name'],
    order: [
      ['itemtype', 'ASC'],
      ['name', 'ASC'],
      ['glpiId', 'ASC'],
    ],
    limit: 2_000,
  });
  return rows.map((row) => ({ itemtype: row.itemtype, glpiId: row.glpiId, name: row.name ?? `#${row.glpiId}` }));
}
