import { afterEach, describe, expect, it } from 'vitest';
import { GlpiNetworkError, GlpiNotFoundError, GlpiPermissionError, GlpiRangeError, GlpiRequestError } from './glpi-errors';
import { RequestLimiter } from './glpi-limiter';
import { clientEntityIds, liveIds, startHarness, type Harness } from './glpi-test-support';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function scoped(h: Harness) {
  const [entityId = 0, otherEntityId = 0] = clientEntityIds(h.sim);
  const lease = await h.pool.acquire(entityId);
  return { client: lease.client, release: lease.release, entityId, otherEntityId };
}

const attemptsOf = (h: Harness, path: string) => h.requests((p) => p === path).length;

describe('GlpiHttp retries and errors', () => {
  it('retries 5xx answers with back-off, then succeeds', async () => {
    harness = await startHarness();
    const { client, release, entityId } = await scoped(harness);
    const [id = 0] = liveIds(harness.sim, 'Computer', entityId);
    harness.sim.state.failNext = { count: 2, status: 503 };
    const item = await client.getItem('Computer', id);
    release();
    expect(item.id).toBe(id);
    expect(harness.requests((p) => p === `/Computer/${id}`).map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it('retries a request that timed out', async () => {
    harness = await startHarness({ config: { timeoutMs: 150 } });
    const { client, release, entityId } = await scoped(harness);
    const [id = 0] = liveIds(harness.sim, 'Computer', entityId);
    harness.sim.state.failNext = { count: 1, hangMs: 400 };
    const item = await client.getItem('Computer', id);
    release();
    expect(item.id).toBe(id);
    expect(harness.logLines.some((line) => line.includes('"timedOut":true'))).toBe(true);
  });

  it('gives up after the configured retries with a retryable network error when GLPI is down', async () => {
    harness = await startHarness({ config: { retries: 2 } });
    const { client, release, entityId } = await scoped(harness);
    const [id = 0] = liveIds(harness.sim, 'Computer', entityId);
    harness.sim.state.setKnobs({ down: 'bad-gateway' });
    const badGateway = await client.getItem('Computer', id).catch((caught: unknown) => caught);
    expect(badGateway).toBeInstanceOf(GlpiNetworkError);
    expect(badGateway).toMatchObject({ code: 'http_502', retryable: true });
    expect(attemptsOf(harness, `/Computer/${id}`)).toBe(3);

    harness.sim.state.setKnobs({ down: 'reset' });
    const reset = await client.getItem('Computer', id).catch((caught: unknown) => caught);
    expect(reset).toBeInstanceOf(GlpiNetworkError);
    expect(reset).toMatchObject({ code: 'network' });

    harness.sim.state.setKnobs({ down: false });
    expect((await client.getItem('Computer', id)).id).toBe(id);
    release();
  });

  it('does not resend a create that may have been applied', async () => {
    harness = await startHarness();
    const { client, release, entityId } = await scoped(harness);
    harness.sim.state.failNext = { count: 1, status: 503 };
    const error = await client
      .create('Ticket', { name: 'Une fois', content: '<p>x</p>', entities_id: entityId, _users_id_requester: 2 })
      .catch((caught: unknown) => caught);
    release();
    expect(error).toBeInstanceOf(GlpiNetworkError);
    expect(harness.requests((path) => path === '/Ticket').map((request) => request.status)).toEqual([503]);
  });

  it('does not retry 4xx answers and maps them to typed errors', async () => {
    harness = await startHarness();
    const { client, release, entityId, otherEntityId } = await scoped(harness);
    const [otherId = 0] = liveIds(harness.sim, 'Computer', otherEntityId);
    const total = liveIds(harness.sim, 'Computer', entityId).length;

    await expect(client.getItem('Computer', 987_654)).rejects.toBeInstanceOf(GlpiNotFoundError);
    expect(attemptsOf(harness, '/Computer/987654')).toBe(1);
    // An item of another entity is a 403, not a 404 (error_get_Computer_in_other_entity_not_active).
    await expect(client.getItem('Computer', otherId)).rejects.toBeInstanceOf(GlpiPermissionError);
    await expect(client.listPage('Computer', { start: total + 5, pageSize: 5 })).rejects.toBeInstanceOf(GlpiRangeError);
    const refused = await client.update('Ticket', 987_654, { status: 2 }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(GlpiRequestError);
    expect(refused).toMatchObject({ code: 'ERROR_GLPI_UPDATE' });
    release();
    expect(harness.requests().filter((request) => request.status >= 400)).toHaveLength(4);
  });

  it('logs method, path, status and duration, never a token', async () => {
    const issued: string[] = [];
    const spy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/initSession')) {
        issued.push(((await response.clone().json()) as { session_token: string }).session_token);
      }
      return response;
    };
    harness = await startHarness({ sim: { appToken: 'app-secret-token' }, fetch: spy });
    const { client, release } = await scoped(harness);
    await client.listIds('Computer');
    release();
    const logged = harness.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const listing = logged.find((entry) => entry.path === '/Computer');
    expect(listing).toMatchObject({ method: 'GET', path: '/Computer', status: 200 });
    expect(typeof listing?.durationMs).toBe('number');
    expect(issued).toHaveLength(1);
    const all = harness.logLines.join('\n');
    for (const secret of [harness.sim.userToken, 'app-secret-token', ...issued]) expect(all).not.toContain(secret);
  });
});

describe('RequestLimiter', () => {
  it('never runs more tasks at once than its cap', async () => {
    const limiter = new RequestLimiter(2, 1_000);
    let active = 0;
    let peak = 0;
    const task = async (value: number) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return value;
    };
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((value) => limiter.run(() => task(value))));
    expect(results).toEqual([1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  it('spaces starts from when each really started, even when the event loop was held up', async () => {
    const limiter = new RequestLimiter(3, 20);
    const starts: number[] = [];
    const task = async () => {
      starts.push(Date.now());
      if (starts.length === 1) {
        // A page parsed synchronously: the timers of the next two starts fire late, together.
        const until = Date.now() + 150;
        while (Date.now() < until);
      }
    };
    await Promise.all([1, 2, 3, 4].map(() => limiter.run(task)));
    const gaps = starts.slice(1).map((at, index) => at - starts[index]!);
    expect(gaps).toHaveLength(3);
    // The task reads the clock a little after the limiter's own reading of its start (a microtask
    // later, more on a loaded machine: 49 ms seen in CI, 2026-12-06), so a few ms of slack; without
    // the spacing, the starts after the busy loop come ~0 ms apart.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
  });
});
