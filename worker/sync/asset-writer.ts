import { escape } from 'mysql2';
import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { AssetDetailItemtype, AssetItemtype } from '../glpi/glpi-schemas';
import { glpiDateToUtc } from './glpi-time';
import {
  assetColumns,
  assetValues,
  detailColumns,
  detailValues,
  rawText,
  type ListedRow,
  type RowTarget,
  type SqlValue,
} from './glpi-rows';
import type { PairWriter } from './pair-writer';
import { labelsFor } from './dropdown-labels';
import { refId, refsOf } from './dropdown-refs';
import type { CompanyTarget, SyncContext } from './sync-context';
import { upsertRows, utcNow } from './upsert-batch';

type CachedTable = {
  table: 'glpi_assets' | 'glpi_asset_details';
  columns: readonly string[];
  /** A page's rows as the table keeps them (dropdown labels looked up in the page's transaction). */
  values(rows: ListedRow[], base: RowTarget, transaction: Transaction): Promise<SqlValue[][]>;
  /** Rows GLPI lists but the portal never shows (templates), left out of the reconcile. */
  shownOnly: string;
  /** After a page is written: what the assets' rows must now show. */
  afterWrite(rows: ListedRow[], transaction: Transaction): Promise<void>;
  afterDelete(ids: number[], transaction: Transaction): Promise<void>;
};

/**
 * Assets: one multi-row upsert per page, then the details already read for them copied on. Read
 * without expand_dropdowns (ten times cheaper for GLPI); their dropdowns' labels come from the
 * server-wide dropdown rows, and a licence's software from the entity's software rows.
 */
export function assetWriter(ctx: SyncContext, target: CompanyTarget, itemtype: AssetItemtype): PairWriter<ListedRow[]> {
  const refs = refsOf('glpi_assets', itemtype);
  return cachedRowsWriter(ctx, target, itemtype, {
    table: 'glpi_assets',
    columns: assetColumns,
    async values(rows, base, transaction) {
      const labels = await labelsFor(rows, refs, transaction);
      const software =
        itemtype === 'SoftwareLicense' ? await softwareNames(target.entityId, rows, transaction) : new Map<number, string | null>();
      return rows.map((row) => assetValues(itemtype, row, base, labels, software));
    },
    shownOnly: 'AND is_template = 0',
    async afterWrite(rows, transaction) {
      // Details read before their asset (an earlier cycle, another pair failing) wait in their table.
      await applyDetails(
        target.entityId,
        itemtype,
        rows.map((row) => row.id),
        transaction,
        false,
      );
      if (itemtype === 'Software')
        await showSoftwareNames(
          target.entityId,
          rows.map((row) => row.id),
          transaction,
        );
    },
    afterDelete: async () => undefined,
  });
}

/** The names of the software these licences are of: assets of the same entity. */
async function softwareNames(entity: number, licences: ListedRow[], transaction: Transaction): Promise<Map<number, string | null>> {
  const ids = [...new Set(licences.map((row) => refId(row, 'softwares_id')).filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; name: string | null }>(
    "SELECT glpi_id AS id, name FROM glpi_assets WHERE glpi_entity_id = :entity AND itemtype = 'Software' AND glpi_id IN (:ids)",
    { replacements: { entity, ids }, type: QueryTypes.SELECT, transaction },
  );
  return new Map(rows.map((row) => [Number(row.id), row.name]));
}

/** A software renamed (or read after its licences): its licences show its name (by primary key, as applyDetails). */
async function showSoftwareNames(entity: number, softwareIds: number[], transaction: Transaction): Promise<void> {
  if (softwareIds.length === 0) return;
  const licences = await sequelize.query<{ rid: number; name: string | null }>(
    `SELECT l.id AS rid, s.name FROM glpi_assets l
     JOIN glpi_assets s ON s.glpi_entity_id = l.glpi_entity_id AND s.itemtype = 'Software' AND s.glpi_id = l.licence_software_glpi_id
     WHERE l.glpi_entity_id = :entity AND l.itemtype = 'SoftwareLicense' AND l.licence_software_glpi_id IN (:softwareIds)`,
    { replacements: { entity, softwareIds }, type: QueryTypes.SELECT, transaction },
  );
  await updateByPrimaryKey('glpi_assets', 'licence_software', licences, transaction);
}

/** Sets one column of rows found beforehand, grouped by value: no range locks on the cache's tables. */
export async function updateByPrimaryKey(
  table: string,
  column: string,
  rows: Array<{ rid: number; name: string | null }>,
  transaction: Transaction,
): Promise<void> {
  const byValue = new Map<string | null, number[]>();
  for (const row of rows) {
    const ids = byValue.get(row.name) ?? [];
    ids.push(Number(row.rid));
    byValue.set(row.name, ids);
  }
  for (const [value, ids] of byValue) {
    for (let offset = 0; offset < ids.length; offset += 1_000) {
      // Escaped here: Sequelize's replacement parser rescans the statement text for each one.
      await sequelize.query(
        `UPDATE ${table} SET ${column} = ${escape(value)} WHERE id IN (${ids
          .slice(offset, offset + 1_000)
          .map((id) => escape(id))
          .join(',')})`,
        { transaction },
      );
    }
  }
}

/**
 * An asset's operating system (Item_OperatingSystem) or warranty (Infocom): kept in
 * glpi_asset_details, and copied onto the rows of the assets they describe. Read without
 * expand_dropdowns: expanded, GLPI gives `items_id` as the asset's name (GLPI-API.md), which cannot
 * identify it; the OS name comes from the dropdown table the server-wide pass keeps.
 */
export function assetDetailWriter(ctx: SyncContext, target: CompanyTarget, itemtype: AssetDetailItemtype): PairWriter<ListedRow[]> {
  const reapply = async (items: Array<{ itemtype: string; id: number }>, transaction: Transaction) => {
    const byType = new Map<string, number[]>();
    for (const item of items) {
      const ids = byType.get(item.itemtype) ?? [];
      ids.push(item.id);
      byType.set(item.itemtype, ids);
    }
    for (const [assetType, ids] of byType) await applyDetails(target.entityId, assetType, ids, transaction, true);
  };
  return {
    ...cachedRowsWriter(ctx, target, itemtype, {
      table: 'glpi_asset_details',
      columns: detailColumns,
      async values(rows, base, transaction) {
        const labels = await labelsFor(rows, refsOf('glpi_asset_details', 'Item_OperatingSystem'), transaction);
        return rows.map((row) => detailValues(itemtype, row, base, labels));
      },
      shownOnly: '',
      afterWrite: (rows, transaction) =>
        reapply(
          rows.flatMap((row) =>
            typeof row.itemtype === 'string' && typeof row.items_id === 'number' ? [{ itemtype: row.itemtype, id: row.items_id }] : [],
          ),
          transaction,
        ),
      async afterDelete(ids, transaction) {
        const items = await sequelize.query<{ itemtype: string; id: number }>(
          `SELECT item_itemtype AS itemtype, item_id AS id FROM glpi_asset_details
           WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND glpi_id IN (:ids)`,
          { replacements: { entity: target.entityId, itemtype, ids }, type: QueryTypes.SELECT, transaction },
        );
        await reapply(
          items.map((item) => ({ itemtype: item.itemtype, id: Number(item.id) })),
          transaction,
        );
      },
    }),
    // GLPI purges Infocoms, and answers a request for the trash with every one of them.
    hasTrash: itemtype !== 'Infocom',
  };
}

function cachedRowsWriter(ctx: SyncContext, target: CompanyTarget, itemtype: string, spec: CachedTable): PairWriter<ListedRow[]> {
  const key = { entity: target.entityId, itemtype };
  return {
    itemtype,
    expand: false,
    async prepare(_client, rows, mode) {
      if (mode.firstSync || mode.trash) return rows;
      // Rows re-read in the overlap below the watermark are left as they are. date_mod has a
      // one-second grain, so a second write within the same second only shows in the row itself.
      const cached = await cachedDates(
        spec.table,
        target.entityId,
        itemtype,
        rows.map((row) => row.id),
      );
      return rows.filter((row) => {
        const before = cached.get(row.id);
        return (
          before === undefined ||
          before.deleted ||
          before.d !== glpiDateToUtc(row.date_mod, ctx.options.glpiUtcOffsetMinutes) ||
          before.raw !== JSON.stringify(row)
        );
      });
    },
    async write(rows, mode, transaction) {
      const base = {
        entityId: target.entityId,
        companyId: target.companyId,
        offsetMinutes: ctx.options.glpiUtcOffsetMinutes,
        deletedAt: mode.deletedAt,
      };
      await upsertRows(spec.table, spec.columns, await spec.values(rows, base, transaction), transaction);
      if (rows.length > 0) await spec.afterWrite(rows, transaction);
      return rows.length;
    },
    async liveCount() {
      const [row] = await sequelize.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${spec.table} WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND deleted_at IS NULL`,
        { replacements: key, type: QueryTypes.SELECT },
      );
      return Number(row?.n ?? 0);
    },
    async markDeleted(ids: number[], transaction: Transaction) {
      if (ids.length === 0) return;
      await sequelize.query(
        `UPDATE ${spec.table} SET deleted_at = :now, updated_at = :now WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND glpi_id IN (:ids) AND deleted_at IS NULL`,
        { replacements: { ...key, ids, now: utcNow() }, transaction },
      );
      await spec.afterDelete(ids, transaction);
    },
    async cachedIdDates() {
      const rows = await sequelize.query<{ id: number; d: string | null }>(
        `SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d FROM ${spec.table}
         WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND deleted_at IS NULL ${spec.shownOnly}`,
        { replacements: key, type: QueryTypes.SELECT },
      );
      return new Map(rows.map((row) => [Number(row.id), row.d]));
    },
  };
}

async function cachedDates(
  table: string,
  entity: number,
  itemtype: string,
  ids: number[],
): Promise<Map<number, { d: string | null; deleted: boolean; raw: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; d: string | null; deleted: number; raw: unknown }>(
    `SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d, deleted_at IS NOT NULL AS deleted, raw
     FROM ${table} WHERE glpi_entity_id = :entity AND itemtype = :itemtype AND glpi_id IN (:ids)`,
    { replacements: { entity, itemtype, ids }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [Number(row.id), { d: row.d, deleted: Number(row.deleted) === 1, raw: rawText(row.raw) }]));
}

type Shown = { os: string | null; start: string | null; end: string | null };

/**
 * Copies the live details of these assets onto their rows: the first OS row's name, the latest
 * Infocom's warranty. `clearMissing`: assets left without details get nulls (a detail was purged);
 * otherwise only assets that have details are written (assets just read from GLPI).
 * The details are read by a plain SELECT and the assets updated by their unique key: an UPDATE
 * reading them in a subquery took shared gap locks on glpi_asset_details, and companies syncing at
 * the same time deadlocked on each other's inserts.
 */
export async function applyDetails(
  entity: number,
  itemtype: string,
  ids: number[],
  transaction: Transaction,
  clearMissing: boolean,
): Promise<void> {
  if (ids.length === 0) return;
  const details = await sequelize.query<{ id: number; kind: string; os: string | null; start: string | null; end: string | null }>(
    `SELECT item_id AS id, itemtype AS kind, operating_system AS os, DATE_FORMAT(warranty_start, '%Y-%m-%d') AS start,
            DATE_FORMAT(warranty_end, '%Y-%m-%d') AS end
     FROM glpi_asset_details WHERE glpi_entity_id = :entity AND item_itemtype = :itemtype AND item_id IN (:ids) AND deleted_at IS NULL
     ORDER BY glpi_id`,
    { replacements: { entity, itemtype, ids }, type: QueryTypes.SELECT, transaction },
  );
  const shown = new Map<number, Shown>(clearMissing ? ids.map((id) => [id, { os: null, start: null, end: null }]) : []);
  for (const detail of details) {
    const id = Number(detail.id);
    const row = shown.get(id) ?? { os: null, start: null, end: null };
    shown.set(id, row);
    if (detail.kind === 'Item_OperatingSystem') row.os ??= detail.os;
    else Object.assign(row, { start: detail.start, end: detail.end });
  }
  const entries = [...shown];
  for (let offset = 0; offset < entries.length; offset += 250) {
    const chunk = entries.slice(offset, offset + 250);
    const values = chunk.map(
      ([id, row]) => `SELECT ${escape(id)} AS id, ${escape(row.os)} AS os, ${escape(row.start)} AS ws, ${escape(row.end)} AS we`,
    );
    // The key range in the WHERE bounds what is locked whatever plan MariaDB picks.
    await sequelize.query(
      `UPDATE glpi_assets a JOIN (${values.join(' UNION ALL ')}) v ON a.glpi_id = v.id
       SET a.operating_system = v.os, a.warranty_start = v.ws, a.warranty_end = v.we
       WHERE a.glpi_entity_id = ${escape(entity)} AND a.itemtype = ${escape(itemtype)} AND a.glpi_id IN (${chunk.map(([id]) => escape(id)).join(',')})`,
      { transaction, type: QueryTypes.UPDATE },
    );
  }
}
