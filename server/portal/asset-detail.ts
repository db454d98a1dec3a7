import { GlpiAsset } from '../db/models';
import { notFound } from '../errors';
import { syncFreshness } from '../glpi-cache/sync-freshness';
import { assetColumns, assetSlugs, type AssetSlug } from './asset-types';

type RawValue = string | number | boolean | null;

/**
 * Every field the cache holds for one asset of the company: the portal's columns and GLPI's raw
 * row (scalars only; links and nested objects are GLPI's plumbing). Another company's asset, a
 * trashed one or a template is "not found".
 */
export async function assetDetail(companyId: number, type: AssetSlug, glpiId: number) {
  const itemtype = assetSlugs[type];
  const asset = await GlpiAsset.findOne({ where: { companyId, itemtype, glpiId, deletedAt: null, isTemplate: false } });
  if (!asset) throw notFound();
  const fields = assetColumns
    .filter((column) => asset[column] !== null && asset[column] !== '')
    .map((column) => ({ column, value: asset[column] instanceof Date ? (asset[column] as Date).toISOString() : (asset[column] as string | number) }));
  const raw: Array<{ key: string; value: RawValue }> = [];
  if (asset.raw && typeof asset.raw === 'object' && !Array.isArray(asset.raw)) {
    for (const [key, value] of Object.entries(asset.raw as Record<string, unknown>)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) raw.push({ key, value: value as RawValue });
    }
  }
  const freshness = await syncFreshness(companyId);
  return {
    type, itemtype, glpiId: asset.glpiId, name: asset.name, fields, raw,
    glpiCreatedAt: asset.glpiCreatedAt, glpiUpdatedAt: asset.glpiUpdatedAt,
    syncedAt: freshness.byItemtype[itemtype] ?? null,
  };
}
