import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { GlpiConfig } from '../../worker/glpi/glpi-config';
import { GlpiSessionPool } from '../../worker/glpi/glpi-session-pool';
import { CircuitBreaker } from '../../worker/sync/circuit-breaker';
import { syncCompany, syncServerWide, type CompanySyncResult } from '../../worker/sync/sync-company';
import { defaultSyncOptions, type SyncContext, type SyncOptions } from '../../worker/sync/sync-context';
import { startCountingProxy } from './counting-http-proxy';
import { cachePicture, glpiPicture, pictureDifferences } from './cache-vs-glpi';
import { GlpiApiDriver } from './glpi-api-driver';
import { addLinkedClient } from './linked-client';
import { forgetEarlierSimulators } from './sync-harness';
import { closeRealGlpiConnection, realGlpi, type RealGlpi } from './real-glpi';

export type RealSyncHarness = {
  glpi: RealGlpi;
  /** The Super-Admin, switched to the root entity, recursive. */
  driver: GlpiApiDriver;
  ctx: SyncContext & { breaker: CircuitBreaker };
  /** `METHOD /path?query` of every request the sync sent to GLPI (through a relay of its own). */
  syncRequests: string[];
  /** This file's own parent entity in the shared GLPI. */
  parentEntityId: number;
  /** A new client entity under the file's parent (or under `parentId`), with a company linked to it. */
  addClient(name?: string, parentId?: number): Promise<{ entityId: number; companyId: number }>;
  /** What the worker does for one company in a cycle: the server-wide reads, then that company. */
  cycle(companyId: number): Promise<CompanySyncResult>;
  /** Differences between GLPI and the cache for that entity (empty: equal). */
  differences(entityId: number): Promise<string[]>;
  close(): Promise<void>;
};

/**
 * The sync pointed at the run's real GLPI 10.0.12. GLPI is shared by the run's files: each file
 * works under a parent entity of its own, so ids and totals of other files never reach it.
 */
export async function startRealSyncHarness(
  input: { options?: Partial<SyncOptions>; http?: Partial<GlpiConfig>; glpi?: RealGlpi } = {},
): Promise<RealSyncHarness> {
  const glpi = input.glpi ?? (await realGlpi());
  // Files before this one in this database linked companies to entities of other GLPIs (simulators):
  // the real GLPI hands out the same ids.
  await forgetEarlierSimulators();
  const driver = await GlpiApiDriver.open(glpi.url, glpi.userToken);
  const tag = randomBytes(3).toString('hex');
  const parentEntityId = await driver.createOne('Entity', { name: `Tests ${process.pid} ${tag}`, entities_id: 0 });
  await driver.switchTo(0, true);
  const logger = pino({ level: process.env.SYNC_TEST_LOG ?? 'silent' });
  // The GLPI is shared with other files: a relay of the harness's own sees only this sync's requests.
  const relay = await startCountingProxy(glpi.url);
  const pool = new GlpiSessionPool({
    config: {
      baseUrl: relay.url,
      userToken: glpi.userToken,
      timeoutMs: 30_000,
      maxConcurrent: 4,
      maxPerSecond: 10_000,
      retries: 1,
      retryBaseMs: 5,
      retryMaxMs: 20,
      ...input.http,
    },
    logger,
  });
  const ctx = {
    pool,
    logger,
    stop: { stopping: false },
    // start-glpi.sh: the server clock is UTC and GLPI's time zone is unset.
    options: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0, ...input.options },
    breaker: new CircuitBreaker({ threshold: 100, probeAfterMs: 1 }),
  };
  let clients = 0;
  return {
    glpi,
    driver,
    ctx,
    parentEntityId,
    syncRequests: relay.seen,
    async addClient(name, parentId) {
      clients += 1;
      return addLinkedClient(driver, parentId ?? parentEntityId, name ?? `Client ${tag} ${clients}`);
    },
    cycle: async (companyId) => {
      const server = await syncServerWide(ctx);
      if (server.status === 'done' && server.failures.length > 0)
        throw new Error(`server-wide reads failed: ${JSON.stringify(server.failures)}`);
      return syncCompany(ctx, { companyId });
    },
    differences: async (entityId) => pictureDifferences(await glpiPicture(driver, entityId), await cachePicture(entityId)),
    async close() {
      await pool.close();
      await relay.close();
      await driver.close();
      await closeRealGlpiConnection();
    },
  };
}
