import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCompany, syncServerWide } from '../../worker/sync/sync-company';
import { closeTestResources } from '../support/close-resources';
import { cacheSnapshot, glpiSnapshot, startSyncHarness, type SyncHarness } from '../support/sync-harness';

// The worker syncs several companies at once (WORKER_CONCURRENCY): their transactions share the cache tables.
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sim: { seed: { seed: 5, entities: 4, assets: 1600, tickets: 40 } }, options: { pageSize: 60 } });
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

describe('companies synced at the same time', () => {
  it('finish their first syncs without a failure and each hold what GLPI holds', async () => {
    // The server-wide reads (follow-ups) run beside them too: each routes what the other wrote first.
    const results = await Promise.all([
      syncServerWide(h.ctx),
      ...[...h.companyOf.values()].map((companyId) => syncCompany(h.ctx, { companyId })),
    ]);
    for (const result of results) {
      expect(result.status).toBe('done');
      if (result.status === 'done') expect(result.failures).toEqual([]);
    }
    for (const entityId of h.entityIds) expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
  });
});
