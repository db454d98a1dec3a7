import { randomUUID } from 'node:crypto';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError } from '../glpi/glpi-errors';
import type { GlpiItem } from '../glpi/glpi-schemas';

/**
 * A GLPI entity id names "this company's entity" only while GLPI keeps that entity: GLPI hands a
 * purged entity's id to the next one created when its counter goes back (a restored backup, a
 * reinstalled or reseeded GLPI), and a link kept by id alone would then read and write another
 * company's data. So provisioning writes a marker of its own into the entity's comment, and the
 * link is checked against it (docs/decisions/050-glpi-ids-that-come-back.md).
 */
const markerPattern = /\[Y-tech link ([0-9a-f-]{36})\]/g;

export const newIdentityMarker = (): string => randomUUID();

export function markerLine(marker: string): string {
  return `[Y-tech link ${marker}]`;
}

/** The markers an entity's comment carries (the comment as parsed: decoded from GLPI's storage encoding). */
export function markersOf(comment: unknown): string[] {
  if (typeof comment !== 'string') return [];
  return [...comment.matchAll(markerPattern)].map((match) => match[1]!);
}

/** The entity's comment with this marker instead of any earlier one; what staff wrote there is kept. */
export function commentWithMarker(comment: unknown, marker: string): string {
  const kept = typeof comment === 'string' ? comment.replace(markerPattern, '').trim() : '';
  return kept ? `${kept}\n${markerLine(marker)}` : markerLine(marker);
}

export type IdentityVerdict =
  { ok: true; entity: GlpiItem<'Entity'>; adopted: boolean } | { ok: false; problem: string; entity: GlpiItem<'Entity'> | null };

/**
 * Is the entity at `link.glpiEntityId` still the one this link was made with? The marker decides;
 * a link made before markers existed (no marker recorded) is checked by name once, and the entity
 * then receives a marker (`adopted`), so that the next check no longer depends on a name that
 * technicians may change.
 */
export async function checkEntityIdentity(
  client: GlpiClient,
  link: { glpiEntityId: number; glpiEntityName: string | null; identityMarker: string | null },
  scopeEntityId: number,
): Promise<IdentityVerdict> {
  let entity: GlpiItem<'Entity'>;
  try {
    entity = await readEntity(client, link.glpiEntityId, scopeEntityId);
  } catch (error) {
    if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) {
      return {
        ok: false,
        entity: null,
        problem: `GLPI entity ${link.glpiEntityId} no longer exists (purged, or GLPI was reset or restored)`,
      };
    }
    throw error;
  }
  const markers = markersOf(entity.comment);
  if (link.identityMarker !== null) {
    if (markers.includes(link.identityMarker)) return { ok: true, entity, adopted: false };
    return {
      ok: false,
      entity,
      problem: `GLPI entity ${link.glpiEntityId} is now "${entity.name}", not the entity this company was linked to (its Y-tech marker is missing)`,
    };
  }
  const sameName = (entity.name ?? '').trim().toLowerCase() === (link.glpiEntityName ?? '').trim().toLowerCase();
  if (sameName && markers.length === 0) return { ok: true, entity, adopted: true };
  return {
    ok: false,
    entity,
    problem:
      markers.length > 0
        ? `GLPI entity ${link.glpiEntityId} carries another link's Y-tech marker`
        : `GLPI entity ${link.glpiEntityId} is now "${entity.name}", not "${link.glpiEntityName ?? ''}"`,
  };
}

/**
 * A session sees the entities created since its last switch only after switching again
 * (GLPI-API.md, Session): a 404 or 403 is believed only once the session's scope is refreshed.
 */
async function readEntity(client: GlpiClient, entityId: number, scopeEntityId: number): Promise<GlpiItem<'Entity'>> {
  try {
    return await client.getItem('Entity', entityId);
  } catch (error) {
    if (!(error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError)) throw error;
    await client.useEntity(scopeEntityId, true);
    return client.getItem('Entity', entityId);
  }
}

/** Writes the marker into the entity's comment (one request). */
export async function stampEntity(client: GlpiClient, entity: { id: number; comment?: unknown }, marker: string): Promise<void> {
  await client.update('Entity', entity.id, { comment: commentWithMarker(entity.comment, marker) });
}
