import { afterEach, describe, expect, it } from 'vitest';
import { GlpiPermissionError, GlpiSessionError } from './glpi-errors';
import { clientEntityIds, liveIds, startHarness, type Harness } from './glpi-test-support';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const count = (h: Harness, path: string) => h.requests((p) => p === path).length;

describe('GlpiSession', () => {
  it('re-opens a session that expires in the middle of paging, back on the same entity', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [, entityId = 0] = clientEntityIds(sim);
    const expected = liveIds(sim, 'Computer', entityId);
    const ids = await pool.withEntity(entityId, async (client) => {
      const seen: number[] = [];
      for await (const page of client.pages('Computer', { pageSize: 4 })) {
        seen.push(...page.items.map((item) => item.id));
        // GLPI forgot the session (PHP garbage collection): the next page meets 401.
        if (seen.length === 4) sim.state.sessions.expireAll();
      }
      return seen;
    });
    expect(ids).toEqual(expected);
    expect(count(harness, '/initSession')).toBe(2);
    expect(count(harness, '/changeActiveEntities')).toBe(2);
    expect(harness.requests().filter((request) => request.status === 401)).toHaveLength(1);
  });

  it('re-opens a session that outlived the session lifetime', async () => {
    // A lifetime no loaded machine reaches between two requests of one listing; the idleness is then
    // granted by the simulator rather than waited for.
    harness = await startHarness({ sim: { knobs: { sessionLifetimeMs: 60_000 } } });
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const ticketIds = liveIds(sim, 'Ticket', entityId);
    const lease = await pool.acquire(entityId);
    const first = await lease.client.listAll('Ticket');
    sim.state.sessions.idleFor(60_001);
    const second = await lease.client.listAll('Ticket');
    lease.release();
    expect(first.map((ticket) => ticket.id)).toEqual(ticketIds);
    expect(second.map((ticket) => ticket.id)).toEqual(ticketIds);
    expect(count(harness, '/initSession')).toBe(2);
  });

  it('re-opens only once when concurrent requests meet the same dead session', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const [a = 0, b = 0, c = 0] = liveIds(sim, 'Computer', entityId);
    await pool.withEntity(entityId, async (client) => {
      await client.getItem('Computer', a);
      sim.state.sessions.expireAll();
      const items = await Promise.all([a, b, c].map((id) => client.getItem('Computer', id)));
      expect(items.map((item) => item.id)).toEqual([a, b, c]);
    });
    expect(count(harness, '/initSession')).toBe(2);
  });

  it('kills its sessions on close', async () => {
    harness = await startHarness({ maxSessions: 2 });
    const { sim, pool } = harness;
    const [first = 0, second = 0] = clientEntityIds(sim);
    await Promise.all([first, second].map((entityId) => pool.withEntity(entityId, (client) => client.listIds('Computer'))));
    expect(sim.state.sessions.size).toBe(2);
    await pool.close();
    expect(count(harness, '/killSession')).toBe(2);
    expect(sim.state.sessions.size).toBe(0);
  });

  it('refuses an entity GLPI will not switch to (GLPI answers 200 false)', async () => {
    harness = await startHarness();
    const error = await harness.pool.withEntity(999, (client) => client.listIds('Computer')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GlpiPermissionError);
    expect(error).toMatchObject({ code: 'entity_switch_refused' });
    expect(count(harness, '/Computer')).toBe(0);
  });

  it('fails on a bad user token without retrying', async () => {
    harness = await startHarness({ config: { userToken: 'not-the-token' } });
    const [entityId = 0] = clientEntityIds(harness.sim);
    const error = await harness.pool.withEntity(entityId, (client) => client.listIds('Computer')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GlpiSessionError);
    expect(error).toMatchObject({ code: 'ERROR_GLPI_LOGIN_USER_TOKEN' });
    expect(count(harness, '/initSession')).toBe(1);
  });

  it('sends the App-Token when GLPI requires one', async () => {
    harness = await startHarness({ sim: { appToken: 'app-secret' } });
    const [entityId = 0] = clientEntityIds(harness.sim);
    const ids = await harness.pool.withEntity(entityId, (client) => client.listIds('Computer'));
    expect(ids).toEqual(liveIds(harness.sim, 'Computer', entityId));

    const withoutToken = await startHarness({ sim: { appToken: 'app-secret' }, config: { appToken: undefined } });
    try {
      const error = await withoutToken.pool.withEntity(entityId, (client) => client.listIds('Computer')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GlpiSessionError);
      expect(error).toMatchObject({ code: 'ERROR_APP_TOKEN_PARAMETERS_MISSING' });
    } finally {
      await withoutToken.close();
    }
  });
});
