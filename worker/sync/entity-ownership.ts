import { GlpiCompanyLink } from '../../server/db/models';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError } from '../glpi/glpi-errors';
import type { ListedRow } from './glpi-rows';
import type { PairWriter } from './pair-writer';
import type { CompanyTarget } from './sync-context';

/**
 * A company's entity is read with its sub-entities (its sites, decision 300). A row there belongs
 * to the company unless it lies in the subtree of another company's entity (staff linked a company
 * to a site of another, or a technician moved one client's entity under another's): the nearest
 * linked entity up its tree owns it, whichever session read it.
 *
 * Parents are asked of GLPI only for entities other than the company's own, and remembered a few
 * minutes (an entity moved in GLPI is seen by then; its items move with the next reconcile).
 */
const parentTtlMs = 5 * 60_000;
const parents = new Map<number, { parent: number | null; at: number }>();

async function parentOf(client: GlpiClient, entityId: number): Promise<number | null> {
  const known = parents.get(entityId);
  if (known && Date.now() - known.at < parentTtlMs) return known.parent;
  const parent = await client.getItem('Entity', entityId).then(
    (entity) => entity.entities_id ?? null,
    (error: unknown) => {
      // An entity the service account cannot read ends the walk: no company is found above it.
      if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) return null;
      throw error;
    },
  );
  parents.set(entityId, { parent, at: Date.now() });
  return parent;
}

/** The company whose linked entity is nearest above `entityId`, itself included; null if none. */
async function ownerOf(client: GlpiClient, entityId: number, linked: Map<number, number>): Promise<number | null> {
  const seen = new Set<number>();
  for (let current: number | null = entityId; current !== null && !seen.has(current); current = await parentOf(client, current)) {
    const owner = linked.get(current);
    if (owner !== undefined) return owner;
    seen.add(current);
  }
  return null;
}

/** Linked entity → its company. */
async function linkedEntities(): Promise<Map<number, number>> {
  const links = await GlpiCompanyLink.findAll({ attributes: ['companyId', 'glpiEntityId'] });
  return new Map(links.flatMap((link) => (link.glpiEntityId === null ? [] : [[link.glpiEntityId, link.companyId] as const])));
}

/** Ids of the page's rows that lie in another company's subtree (none, nearly always: no query, no GLPI request then). */
async function foreignIds(
  client: GlpiClient,
  target: CompanyTarget,
  rows: ListedRow[],
  links: () => Promise<Map<number, number>>,
): Promise<Set<number>> {
  const elsewhere = new Set<number>();
  for (const row of rows) {
    const entityId = row.entities_id;
    if (typeof entityId === 'number' && entityId !== target.entityId) elsewhere.add(entityId);
  }
  const foreign = new Set<number>();
  if (elsewhere.size === 0) return foreign;
  const linked = await links();
  const foreignEntities = new Set<number>();
  for (const entityId of elsewhere) {
    const owner = await ownerOf(client, entityId, linked);
    if (owner !== null && owner !== target.companyId) foreignEntities.add(entityId);
  }
  for (const row of rows) if (foreignEntities.has(row.entities_id as number)) foreign.add(row.id);
  return foreign;
}

/**
 * The writer of a company pair, fed only the company's own rows. A row found in another company's
 * subtree is marked deleted here: it may have been the company's until a technician moved it.
 */
export function ownRowsOnly<P>(target: CompanyTarget, writer: PairWriter<P>): PairWriter<{ own: P; foreign: number[] }> {
  // Read once per pair's cycle, when a page first holds a row from another entity.
  let linked: Promise<Map<number, number>> | null = null;
  const links = () => (linked ??= linkedEntities());
  return {
    ...writer,
    async prepare(client, rows, mode) {
      const foreign = await foreignIds(client, target, rows, links);
      const own = await writer.prepare(client, foreign.size === 0 ? rows : rows.filter((row) => !foreign.has(row.id)), mode);
      return { own, foreign: [...foreign] };
    },
    async write(prepared, mode, transaction) {
      const changed = await writer.write(prepared.own, mode, transaction);
      if (prepared.foreign.length > 0) await writer.markDeleted(prepared.foreign, transaction);
      return changed;
    },
  };
}
