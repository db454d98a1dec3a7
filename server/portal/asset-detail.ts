import { GlpiAsset } from '../db/models';
import { notFound } from '../errors';
import { syncFreshness } from '../glpi-cache/sync-freshness';
import { assetColumns, assetSlugs, type AssetSlug } from './asset-types';
import { ticketsAboutAsset } from './ticket-assets';
import type { TicketScope } from './ticket-scope';

/** GLPI's own fields a client can read something in; the rest of its row is plumbing (ids, flags, entity paths). */
export const assetDetailKeys = ['comment', 'contact', 'contact_num', 'uuid'] as const;
export type AssetDetailKey = (typeof assetDetailKeys)[number];

// GLPI stores text HTML-encoded ("Siège &#62; Étage 1"): a client reads the characters.
const decodeGlpiText = (value: string) =>
  value.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[lower] ?? whole;
  });

/**
 * What the cache holds for one asset of the company, in a client's terms: the portal's columns and
 * the few GLPI fields that mean something to them, text decoded, and the tickets about it that the
 * caller may see. Another company's asset, a trashed one or a template is "not found".
 */
export async function assetDetail(scope: TicketScope, type: AssetSlug, glpiId: number) {
  const { companyId } = scope;
  const itemtype = assetSlugs[type];
  const asset = await GlpiAsset.findOne({ where: { companyId, itemtype, glpiId, deletedAt: null, isTemplate: false } });
  if (!asset) throw notFound();
  const fields = assetColumns
    .filter((column) => asset[column] !== null && asset[column] !== '')
    .map((column) => {
      const value = asset[column] as unknown;
      return {
        column,
        value: value instanceof Date ? value.toISOString() : typeof value === 'string' ? decodeGlpiText(value) : (value as number),
      };
    });
  const row = asset.raw && typeof asset.raw === 'object' && !Array.isArray(asset.raw) ? (asset.raw as Record<string, unknown>) : {};
  const details = assetDetailKeys
    .map((key) => ({ key, value: row[key] }))
    .filter(
      (entry): entry is { key: AssetDetailKey; value: string | number } =>
        (typeof entry.value === 'string' && entry.value.trim() !== '') || typeof entry.value === 'number',
    )
    .map(({ key, value }) => ({ key, value: typeof value === 'string' ? decodeGlpiText(value) : String(value) }));
  const [freshness, tickets] = await Promise.all([syncFreshness(companyId), ticketsAboutAsset(scope, itemtype, asset.glpiId)]);
  return {
    type,
    itemtype,
    glpiId: asset.glpiId,
    name: asset.name ? decodeGlpiText(asset.name) : asset.name,
    fields,
    details,
    glpiCreatedAt: asset.glpiCreatedAt,
    glpiUpdatedAt: asset.glpiUpdatedAt,
    syncedAt: freshness.byItemtype[itemtype] ?? null,
    tickets,
  };
}
