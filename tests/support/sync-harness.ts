import { pino } from 'pino';
import { QueryTypes } from 'sequelize';
import { GlpiCompanyLink, GlpiUserLink } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { startGlpiSimulator, type GlpiSimulator, type SimulatorOptions } from '../../tools/glpi-sim/glpi-simulator';
import { clientEntityIds } from '../../worker/glpi/glpi-test-support';
import { GlpiSessionPool } from '../../worker/glpi/glpi-session-pool';
import { CircuitBreaker } from '../../worker/sync/circuit-breaker';
import { syncCompany, syncServerWide, type CompanySyncResult } from '../../worker/sync/sync-company';
import { defaultSyncOptions, syncedAssetTypes, type SyncContext, type SyncOptions } from '../../worker/sync/sync-context';
import { markerLine, newIdentityMarker } from '../../worker/provisioning/entity-identity';
import { createCompany } from './fixtures';

export type SyncHarness = {
  sim: GlpiSimulator;
  ctx: SyncContext & { breaker: CircuitBreaker };
  entityIds: number[];
  companyOf: Map<number, number>;
  /** One cycle of everything: the server-wide reads, then every company. */
  syncAll(): Promise<CompanySyncResult[]>;
  /** What the worker does for one company in a cycle: the server-wide reads, then that company. */
  cycle(companyId: number): Promise<CompanySyncResult>;
  close(): Promise<void>;
};

const cacheTables = [
  'glpi_assets',
  'glpi_asset_details',
  'glpi_tickets',
  'glpi_ticket_items',
  'glpi_ticket_followups',
  'glpi_sync_state',
  'glpi_sync_events',
];

/**
 * Follow-ups and dropdowns are read server-wide, keyed by GLPI's own ids: a GLPI started by an
 * earlier file of this database (another simulator, the real one) must leave none behind.
 */
async function forgetServerWideState(): Promise<void> {
  await sequelize.query('DELETE FROM glpi_ticket_followups');
  await sequelize.query('DELETE FROM glpi_ticket_solutions');
  await sequelize.query('DELETE FROM glpi_ticket_documents');
  await sequelize.query('DELETE FROM glpi_dropdowns');
  await sequelize.query('DELETE FROM glpi_sync_state WHERE company_id IS NULL');
}

/**
 * A simulator, one company linked to each of its client entities, and a sync context on a pool
 * of its own. Simulated entity ids repeat between test files sharing a database (files of one
 * vitest worker run one after the other), so rows a previous file left for them are removed first.
 */
export async function startSyncHarness(input: { sim?: SimulatorOptions; options?: Partial<SyncOptions> } = {}): Promise<SyncHarness> {
  const sim = await startGlpiSimulator(input.sim ?? { seed: { seed: 7, entities: 2, assets: 120, tickets: 30 } });
  const entityIds = clientEntityIds(sim);
  await forgetEntities(entityIds);
  await forgetServerWideState();
  const companyOf = new Map<number, number>();
  for (const entityId of entityIds) {
    const company = await createCompany();
    // Linked as provisioning links: the entity carries the link's marker (entity-identity.ts).
    const identityMarker = newIdentityMarker();
    sim.state.update('Entity', entityId, { comment: markerLine(identityMarker) });
    await GlpiCompanyLink.create({
      companyId: company.id,
      glpiEntityId: entityId,
      glpiEntityName: sim.state.store.entityName(entityId),
      identityMarker,
      provisioningState: 'done',
      lastError: null,
      provisionedAt: new Date(),
    });
    companyOf.set(entityId, company.id);
  }
  const logger = pino({ level: 'silent' });
  const pool = new GlpiSessionPool({
    config: {
      baseUrl: sim.url,
      userToken: sim.userToken,
      timeoutMs: 3_000,
      maxConcurrent: 4,
      maxPerSecond: 10_000,
      retries: 1,
      retryBaseMs: 5,
      retryMaxMs: 20,
    },
    logger,
  });
  const ctx = {
    pool,
    logger,
    stop: { stopping: false },
    // The simulator stamps dates in UTC.
    options: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0, ...input.options },
    breaker: new CircuitBreaker({ threshold: 100, probeAfterMs: 1 }),
  };
  return {
    sim,
    ctx,
    entityIds,
    companyOf,
    syncAll: async () => {
      const results: CompanySyncResult[] = [await syncServerWide(ctx)];
      for (const companyId of companyOf.values()) results.push(await syncCompany(ctx, { companyId }));
      return results;
    },
    cycle: async (companyId) => {
      // Two jobs in the worker: one failing never stops the other.
      const server = await syncServerWide(ctx).then(
        () => null,
        (error: unknown) => error,
      );
      const company = await syncCompany(ctx, { companyId });
      if (server !== null) throw server;
      return company;
    },
    close: async () => {
      await pool.close();
      await sim.close();
    },
  };
}

async function forgetEntities(entityIds: number[]): Promise<void> {
  for (const table of cacheTables) {
    await sequelize.query(`DELETE FROM ${table} WHERE glpi_entity_id IN (:entityIds)`, { replacements: { entityIds } });
  }
  await GlpiCompanyLink.destroy({ where: { glpiEntityId: entityIds } });
}

/**
 * For files that start a fresh simulator and let provisioning create entities and users: the ids
 * it hands out (3, 4…) are the ones a previous file's simulator gave, so every link and cached row
 * an earlier file left in this database would point at the wrong GLPI items.
 */
export async function forgetEarlierSimulators(): Promise<void> {
  for (const table of cacheTables) await sequelize.query(`DELETE FROM ${table}`);
  await forgetServerWideState();
  await GlpiUserLink.destroy({ where: {} });
  await GlpiCompanyLink.destroy({ where: {} });
}

type Snapshot = Record<string, Array<Record<string, unknown>>>;

/** GLPI's live items of an entity, in the shape the cache keeps (decoded text, GLPI dates as UTC text). */
export function glpiSnapshot(sim: GlpiSimulator, entityId: number): Snapshot {
  const snapshot: Snapshot = {};
  for (const itemtype of syncedAssetTypes) {
    snapshot[itemtype] = sim.state
      .rows(itemtype, entityId)
      .filter((row) => row.is_deleted === 0 && row.is_template !== 1)
      .map((row) => ({ id: row.id, name: row.name === '' ? null : row.name, date: row.date_mod }));
  }
  const tickets = sim.state.tickets(entityId).filter((row) => row.is_deleted === 0);
  snapshot.Ticket = tickets.map((row) => ({ id: row.id, name: row.name, status: row.status, date: row.date_mod }));
  snapshot.ITILFollowup = tickets
    .flatMap((ticket) =>
      (ticket.followups as Array<Record<string, unknown>>).map((f) => ({ id: f.id, ticket: ticket.id, private: f.is_private })),
    )
    .sort((a, b) => Number(a.id) - Number(b.id));
  return snapshot;
}

/** The same shape, read from the cache tables (live rows only). */
export async function cacheSnapshot(entityId: number): Promise<Snapshot> {
  const q = (sql: string, replacements: Record<string, unknown>) =>
    sequelize.query<Record<string, unknown>>(sql, { replacements, type: QueryTypes.SELECT });
  const snapshot: Snapshot = {};
  for (const itemtype of syncedAssetTypes) {
    snapshot[itemtype] = await q(
      `SELECT glpi_id AS id, name, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS date FROM glpi_assets
       WHERE glpi_entity_id = :entityId AND itemtype = :itemtype AND deleted_at IS NULL AND is_template = 0 ORDER BY glpi_id`,
      { entityId, itemtype },
    );
  }
  snapshot.Ticket = (
    await q(
      `SELECT glpi_id AS id, name, status, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS date FROM glpi_tickets
     WHERE glpi_entity_id = :entityId AND deleted_at IS NULL ORDER BY glpi_id`,
      { entityId },
    )
  ).map((row) => ({ ...row, status: Number(row.status) }));
  snapshot.ITILFollowup = (
    await q(
      `SELECT f.glpi_id AS id, f.glpi_ticket_id AS ticket, f.is_private AS private FROM glpi_ticket_followups f
     JOIN glpi_tickets t ON t.glpi_entity_id = f.glpi_entity_id AND t.glpi_id = f.glpi_ticket_id AND t.deleted_at IS NULL
     WHERE f.glpi_entity_id = :entityId AND f.deleted_at IS NULL ORDER BY f.glpi_id`,
      { entityId },
    )
  ).map((row) => ({ ...row, private: Number(row.private) }));
  return snapshot;
}

/** Rows per (entity, type, id): the unique key holds, but a test of "no duplicate" should say so itself. */
export async function duplicateKeys(entityId: number): Promise<number> {
  const [row] = await sequelize.query<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT itemtype, glpi_id FROM glpi_assets WHERE glpi_entity_id = :entityId GROUP BY itemtype, glpi_id HAVING COUNT(*) > 1) d`,
    { replacements: { entityId }, type: QueryTypes.SELECT },
  );
  return Number(row?.n ?? 0);
}
