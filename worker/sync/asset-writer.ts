import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { AssetItemtype } from '../glpi/glpi-schemas';
import { glpiDateToUtc } from './glpi-time';
import { assetColumns, assetValues, rawText, type ListedRow } from './glpi-rows';
import type { PairWriter } from './pair-writer';
import type { SyncContext, SyncTarget } from './sync-context';
import { upsertRows, utcNow } from './upsert-batch';

/** Assets need nothing but their own rows: one multi-row upsert per page. */
export function assetWriter(ctx: SyncContext, target: SyncTarget, itemtype: AssetItemtype): PairWriter<ListedRow[]> {
  const key = { entity: target.entityId, itemtype };
  return {
    itemtype,
    table: 'glpi_assets',
    async prepare(_client, rows, mode) {
      if (mode.firstSync || mode.trash) return rows;
      // Rows re-read in the overlap below the watermark are left as they are. date_mod has a
      // one-second grain, so a second write within the same second only shows in the row itself.
      const cached = await cachedDates(target.entityId, itemtype, rows.map((row) => row.id));
      return rows.filter((row) => {
        const before = cached.get(row.id);
        return before === undefined || before.deleted || before.d !== glpiDateToUtc(row.date_mod, ctx.options.glpiUtcOffsetMinutes)
          || before.raw !== JSON.stringify(row);
      });
    },
    async write(rows, mode, transaction) {
      const base = { entityId: target.entityId, companyId: target.companyId, offsetMinutes: ctx.options.glpiUtcOffsetMinutes, deletedAt: mode.deletedAt };
      await upsertRows('glpi_assets', assetColumns, rows.map((row) => assetValues(itemtype, row, base)), transaction);
      return rows.length;
    },
    async liveCount() {
      const [row] = await sequelize.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM glpi_assets WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND deleted_at IS NULL',
        { replacements: key, type: QueryTypes.SELECT },
      );
      return Number(row?.n ?? 0);
    },
    async markDeleted(ids: number[], transaction: Transaction) {
      if (ids.length === 0) return;
      await sequelize.query(
        'UPDATE glpi_assets SET deleted_at = :now, updated_at = :now WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND glpi_id IN (:ids) AND deleted_at IS NULL',
        { replacements: { ...key, ids, now: utcNow() }, transaction },
      );
    },
    async cachedIdDates() {
      const rows = await sequelize.query<{ id: number; d: string | null }>(
        `SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d FROM glpi_assets
         WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND deleted_at IS NULL AND is_template = 0`,
        { replacements: key, type: QueryTypes.SELECT },
      );
      return new Map(rows.map((row) => [Number(row.id), row.d]));
    },
  };
}

async function cachedDates(entity: number, itemtype: string, ids: number[]): Promise<Map<number, { d: string | null; deleted: boolean; raw: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; d: string | null; deleted: number; raw: unknown }>(
    `SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d, deleted_at IS NOT NULL AS deleted, raw
     FROM glpi_assets WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND glpi_id IN (:ids)`,
    { replacements: { entity, itemtype, ids }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [Number(row.id), { d: row.d, deleted: Number(row.deleted) === 1, raw: rawText(row.raw) }]));
}
