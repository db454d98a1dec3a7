import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { GlpiAsset } from '../db/models';
import { syncFreshness } from '../glpi-cache/sync-freshness';
import { assetColumnSchema, assetSlugs, assetSlugSchema, columnsBySlug, type AssetColumn, type AssetSlug } from './asset-types';

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value ? value : undefined));

/** What a list (and its CSV export) is filtered and ordered by; read from the page's query string. */
export const assetFilterSchema = z.object({
  type: assetSlugSchema,
  q: optionalText,
  state: optionalText,
  location: optionalText,
  sort: assetColumnSchema.optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
});
export type AssetFilter = z.infer<typeof assetFilterSchema>;
export type AssetFilterInput = z.input<typeof assetFilterSchema>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The live, visible rows of one type of the company: the company id is always in the query. */
export function assetWhere(companyId: number, filter: Pick<AssetFilter, 'type' | 'q' | 'state' | 'location'>): WhereOptions<GlpiAsset> {
  const and: WhereOptions<GlpiAsset>[] = [{ companyId, itemtype: assetSlugs[filter.type], deletedAt: null, isTemplate: false }];
  if (filter.state) and.push({ state: filter.state });
  if (filter.location) and.push({ location: filter.location });
  if (filter.q) {
    const like = { [Op.like]: `%${escapeLike(filter.q)}%` };
    and.push({
      [Op.or]: [
        { name: like },
        { serial: like },
        { inventoryNumber: like },
        { userName: like },
        { model: like },
        { licenceSoftware: like },
      ],
    });
  }
  return { [Op.and]: and };
}

export function assetOrder(filter: Pick<AssetFilter, 'type' | 'sort' | 'dir'>): Array<[string, string]> {
  const sort: AssetColumn = filter.sort && columnsBySlug[filter.type].includes(filter.sort) ? filter.sort : 'name';
  const dir = filter.dir === 'desc' ? 'DESC' : 'ASC';
  // The GLPI id breaks ties so that pages never repeat or skip a row.
  return [
    [sort, dir],
    ['glpiId', dir],
  ];
}

export function assetRow(asset: GlpiAsset, columns: AssetColumn[]) {
  const values: Partial<Record<AssetColumn, string | number | null>> = {};
  for (const column of columns) {
    const value = asset[column];
    values[column] = value instanceof Date ? value.toISOString() : value;
  }
  return { glpiId: asset.glpiId, values };
}

/** One page of a type's list, with the values its filters offer and when the type was last synced. */
export async function listAssets(companyId: number, input: AssetFilterInput) {
  const filter = assetFilterSchema.parse(input);
  const itemtype = assetSlugs[filter.type];
  const columns = columnsBySlug[filter.type];
  const base = { companyId, itemtype, deletedAt: null, isTemplate: false };
  const [{ rows, count }, states, locations, freshness] = await Promise.all([
    GlpiAsset.findAndCountAll({
      where: assetWhere(companyId, filter),
      order: assetOrder(filter),
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    }),
    distinctValues(base, 'state'),
    distinctValues(base, 'location'),
    syncFreshness(companyId),
  ]);
  return {
    type: filter.type as AssetSlug,
    itemtype,
    columns,
    filter,
    rows: rows.map((asset) => assetRow(asset, columns)),
    total: count,
    pageCount: Math.max(1, Math.ceil(count / filter.pageSize)),
    states,
    locations,
    syncedAt: freshness.byItemtype[itemtype] ?? null,
  };
}

async function distinctValues(where: WhereOptions<GlpiAsset>, column: 'state' | 'location'): Promise<string[]> {
  const rows = await GlpiAsset.findAll({
    where: { [Op.and]: [where, { [column]: { [Op.ne]: null } }] },
    attributes: [column],
    group: [column],
    order: [[column, 'ASC']],
    limit: 200,
    raw: true,
  });
  return rows.map((row) => row[column]).filter((value): value is string => typeof value === 'string' && value !== '');
}
