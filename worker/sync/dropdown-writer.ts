import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import { decodeGlpiHtml } from '../glpi/glpi-html';
import { dropdownSchema, treeDropdownParents, undatedDropdowns, type DropdownItemtype } from '../glpi/glpi-schemas';
import { GlpiSchemaError } from '../glpi/glpi-errors';
import { applyDetails, updateByPrimaryKey } from './asset-writer';
import { dropdownRefs } from './dropdown-refs';
import { rawText, type ListedRow } from './glpi-rows';
import { glpiDateToUtc } from './glpi-time';
import type { PairWriter } from './pair-writer';
import type { SyncContext } from './sync-context';
import { upsertRows, utcNow } from './upsert-batch';

const columns = ['itemtype', 'glpi_id', 'name', 'label', 'parent_glpi_id', 'glpi_updated_at', 'raw', 'deleted_at'] as const;
const dropdownKey: ReadonlySet<string> = new Set(['itemtype', 'glpi_id']);
type Cached = { deleted: boolean; raw: string; label: string | null };
type Prepared = { rows: ListedRow[]; cached: Map<number, Cached> };

/**
 * A dropdown table of GLPI (operating systems, models, states, locations, users…), read server-wide
 * and kept in glpi_dropdowns, so that assets and tickets are read without expand_dropdowns. A label
 * that changes (a rename, a deletion, a parent renamed) reaches every cached row that shows it
 * (dropdown-refs.ts).
 */
export function dropdownWriter(ctx: SyncContext, itemtype: DropdownItemtype): PairWriter<Prepared> {
  const offset = ctx.options.glpiUtcOffsetMinutes;
  const parentKey = treeDropdownParents[itemtype];
  return {
    itemtype,
    expand: false,
    // Dropdowns have no trash in GLPI (users' is kept out of the lists): a deleted one is gone, and the reconcile finds it.
    hasTrash: false,
    ...(undatedDropdowns.has(itemtype) ? { wholeTable: true } : {}),
    async prepare(_client, rows) {
      const parsed = dropdownSchema.array().safeParse(rows);
      if (!parsed.success) throw new GlpiSchemaError(itemtype, parsed.error.issues, null);
      const cached = await cachedDropdowns(
        itemtype,
        rows.map((row) => row.id),
      );
      return {
        rows: rows.filter((row) => {
          const before = cached.get(row.id);
          return !before || before.deleted || before.raw !== JSON.stringify(row);
        }),
        cached,
      };
    },
    async write({ rows, cached }, mode, transaction) {
      await upsertRows(
        'glpi_dropdowns',
        columns,
        rows.map((row) => {
          const parent = parentKey && typeof row[parentKey] === 'number' && row[parentKey] > 0 ? row[parentKey] : null;
          return [
            itemtype,
            row.id,
            text(row.name),
            labelOf(itemtype, row),
            parent,
            glpiDateToUtc(row.date_mod, offset),
            JSON.stringify(row),
            mode.deletedAt,
          ];
        }),
        transaction,
        dropdownKey,
      );
      const relabelled = parentKey ? await relabelTree(itemtype, transaction) : [];
      const changed = rows
        .filter((row) => cached.get(row.id)?.label !== labelOf(itemtype, row) || cached.get(row.id)?.deleted)
        .map((row) => row.id);
      await showLabels(itemtype, [...new Set([...changed, ...relabelled])], transaction);
      return rows.length;
    },
    async liveCount() {
      const [row] = await sequelize.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM glpi_dropdowns WHERE itemtype = :itemtype AND deleted_at IS NULL',
        { replacements: { itemtype }, type: QueryTypes.SELECT },
      );
      return Number(row?.n ?? 0);
    },
    async markDeleted(ids, transaction) {
      if (ids.length === 0) return;
      await sequelize.query(
        'UPDATE glpi_dropdowns SET deleted_at = :now, updated_at = :now WHERE itemtype = :itemtype AND glpi_id IN (:ids) AND deleted_at IS NULL',
        { replacements: { itemtype, ids, now: utcNow() }, transaction },
      );
      const relabelled = parentKey ? await relabelTree(itemtype, transaction) : [];
      await showLabels(itemtype, [...ids, ...relabelled], transaction);
    },
    async cachedIdDates() {
      const rows = await sequelize.query<{ id: number; d: string | null }>(
        "SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d FROM glpi_dropdowns WHERE itemtype = :itemtype AND deleted_at IS NULL",
        { replacements: { itemtype }, type: QueryTypes.SELECT },
      );
      return new Map(rows.map((row) => [Number(row.id), row.d]));
    },
  };
}

/** What the cache shows: a user's full name as GLPI writes it (realname firstname), a tree's complete name, or the name. */
function labelOf(itemtype: DropdownItemtype, row: ListedRow): string | null {
  if (itemtype === 'User') return clip([text(row.realname), text(row.firstname)].filter(Boolean).join(' ') || text(row.name));
  if (treeDropdownParents[itemtype]) return clip(text(row.completename) ?? text(row.name));
  return clip(text(row.name));
}

/**
 * GLPI rewrites the complete names below a renamed or moved tree dropdown without touching their
 * date_mod (CommonTreeDropdown::regenerateTreeUnderID): the incremental read sees only the row that
 * changed. The labels of the whole tree are rebuilt here from parents and names; returns the ids
 * whose label moved.
 */
async function relabelTree(itemtype: DropdownItemtype, transaction: Transaction): Promise<number[]> {
  const rows = await sequelize.query<{ rid: number; id: number; name: string | null; label: string | null; parent: number | null }>(
    'SELECT id AS rid, glpi_id AS id, name, label, parent_glpi_id AS parent FROM glpi_dropdowns WHERE itemtype = :itemtype AND deleted_at IS NULL',
    { replacements: { itemtype }, type: QueryTypes.SELECT, transaction },
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const computed = new Map<number, string | null>();
  const labelOfRow = (id: number, depth = 0): string | null => {
    if (computed.has(id)) return computed.get(id) ?? null;
    const row = byId.get(id);
    if (!row) return null;
    const parent = row.parent === null ? null : Number(row.parent);
    const above = parent !== null && byId.has(parent) && depth < 64 ? labelOfRow(parent, depth + 1) : null;
    const label = clip(above ? `${above} > ${row.name ?? ''}` : row.name);
    computed.set(id, label);
    return label;
  };
  const moved = rows.filter((row) => labelOfRow(Number(row.id)) !== row.label);
  await updateByPrimaryKey(
    'glpi_dropdowns',
    'label',
    moved.map((row) => ({ rid: Number(row.rid), name: computed.get(Number(row.id)) ?? null })),
    transaction,
  );
  return moved.map((row) => Number(row.id));
}

/**
 * Writes the current labels of these dropdowns onto the cached rows that show them (an OS onto
 * the OS rows, then the assets). Rows are found by a plain SELECT and updated by primary key, so
 * that company syncs running meanwhile never wait on range locks taken here.
 */
async function showLabels(itemtype: DropdownItemtype, ids: number[], transaction: Transaction): Promise<void> {
  if (ids.length === 0) return;
  for (const ref of dropdownRefs[itemtype]) {
    const rows = await sequelize.query<{
      rid: number;
      name: string | null;
      entity: number | null;
      item: string | null;
      itemId: number | null;
    }>(
      `SELECT t.id AS rid, d.label AS name${ref.table === 'glpi_asset_details' ? ', t.glpi_entity_id AS entity, t.item_itemtype AS item, t.item_id AS itemId' : ''}
       FROM ${ref.table} t LEFT JOIN glpi_dropdowns d ON d.itemtype = :itemtype AND d.glpi_id = t.${ref.idColumn} AND d.deleted_at IS NULL
       WHERE t.${ref.idColumn} IN (:ids)${ref.itemtype && ref.table !== 'glpi_asset_details' ? ' AND t.itemtype = :rowType' : ''}`,
      { replacements: { itemtype, ids, rowType: ref.itemtype ?? null }, type: QueryTypes.SELECT, transaction },
    );
    await updateByPrimaryKey(ref.table, ref.column, rows, transaction);
    if (ref.table !== 'glpi_asset_details') continue;
    // An OS shows on its asset's own row too.
    const assets = new Map<string, number[]>();
    for (const row of rows) {
      const key = `${Number(row.entity)}:${row.item ?? ''}`;
      assets.set(key, [...(assets.get(key) ?? []), Number(row.itemId)]);
    }
    for (const [key, items] of assets) {
      const [entity, kind] = key.split(':') as [string, string];
      await applyDetails(Number(entity), kind, items, transaction, true);
    }
  }
}

async function cachedDropdowns(itemtype: string, ids: number[]): Promise<Map<number, Cached>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; deleted: number; raw: unknown; label: string | null }>(
    'SELECT glpi_id AS id, deleted_at IS NOT NULL AS deleted, raw, label FROM glpi_dropdowns WHERE itemtype = :itemtype AND glpi_id IN (:ids)',
    { replacements: { itemtype, ids }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [Number(row.id), { deleted: Number(row.deleted) === 1, raw: rawText(row.raw), label: row.label }]));
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? decodeGlpiHtml(value) : null;
}

function clip(value: string | null): string | null {
  return value !== null && value.length > 255 ? value.slice(0, 255) : value;
}
