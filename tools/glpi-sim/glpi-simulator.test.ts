import { afterEach, describe, expect, it } from 'vitest';
import { startGlpiSimulator, type GlpiSimulator } from './glpi-simulator';
import { seedStore } from './sim-seed';
import { formatGlpiDate } from './sim-text';

const started: GlpiSimulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((sim) => sim.close()));
});

async function start(options: Parameters<typeof startGlpiSimulator>[0] = {}) {
  const sim = await startGlpiSimulator(options);
  started.push(sim);
  return sim;
}

async function control(sim: GlpiSimulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.controlUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function session(sim: GlpiSimulator) {
  const response = await fetch(`${sim.url}/initSession`, { headers: { Authorization: `user_token ${sim.userToken}` } });
  return ((await response.json()) as { session_token: string }).session_token;
}

const referenceDate = '2026-11-29T00:00:00Z';

describe('GLPI simulator data', () => {
  it('is deterministic for a seed and sized by its parameters', async () => {
    const options = { seed: { seed: 11, entities: 4, assets: 400, tickets: 100, referenceDate } };
    const [a, b, c] = await Promise.all([start(options), start(options), start({ seed: { ...options.seed, seed: 12 } })]);
    expect(a.state.rows('Computer')).toEqual(b.state.rows('Computer'));
    expect(a.state.tickets()).toEqual(b.state.tickets());
    expect(a.state.rows('Computer')).not.toEqual(c.state.rows('Computer'));
    const counts = a.state.counts();
    const assets = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense'].reduce(
      (sum, type) => sum + (counts[type] ?? 0),
      0,
    );
    expect(Math.abs(assets - 400)).toBeLessThanOrEqual(20);
    expect(Math.abs((counts.Ticket ?? 0) - 100)).toBeLessThanOrEqual(4);
    expect(counts.Entity).toBe(1 + 1 + 4);
    const dates = a.state.rows('Ticket').map((row) => String(row.date));
    expect(dates.every((date) => date >= '2024-11-29' && date <= '2026-11-29 23:59:59')).toBe(true);
  });

  it("dates no row after the simulator's clock, as a real GLPI lists none", () => {
    // Tickets opened in the last days before the reference once had their solution dated after it.
    const store = seedStore({ seed: 5, entities: 2, assets: 0, tickets: 3_000, referenceDate: new Date().toISOString() });
    const clock = formatGlpiDate(Date.now());
    // What happened (deadlines such as time_to_resolve may lie ahead).
    const happened = ['date', 'date_mod', 'date_creation', 'takeintoaccountdate', 'solvedate', 'closedate', 'date_approval'];
    const later: string[] = [];
    for (const [itemtype, table] of store.tables) {
      for (const row of table.rows.values()) {
        for (const column of happened) {
          const value = table.value(row, column);
          if (typeof value === 'string' && value > clock) later.push(`${itemtype} ${row.id} ${column} ${value}`);
        }
      }
    }
    expect(later).toEqual([]);
    // The last days before the reference are seeded all the same: tickets solved and closed in them.
    const recent = formatGlpiDate(Date.now() - 3 * 86_400_000);
    expect([...store.table('ITILSolution').rows.values()].filter((row) => String(row.date_mod) > recent).length).toBeGreaterThan(0);
  });

  it('seeds named entities first, under the parent entity', async () => {
    const sim = await start({
      seed: { entities: 1, namedEntities: ['SARL Benali & Fils', 'EURL Tassili Voyages'], assets: 40, tickets: 10, referenceDate },
    });
    const entities = sim.state.rows('Entity');
    expect(entities.map((row) => row.name)).toEqual([
      'Root entity',
      'Clients Y-tech',
      'SARL Benali & Fils',
      'EURL Tassili Voyages',
      expect.any(String),
    ]);
    expect(entities[2]).toMatchObject({ entities_id: 1, completename: 'Root entity > Clients Y-tech > SARL Benali & Fils' });
    expect(sim.state.rows('Computer', 2).every((row) => String(row.name).startsWith('BENAL-PC-'))).toBe(true);
  });
});

describe('GLPI simulator control endpoint', () => {
  it('plays the technician and reads back what changed', async () => {
    const sim = await start({ seed: { entities: 2, assets: 60, tickets: 10, referenceDate } });
    const ticket = sim.state.tickets(2)[0];
    const ticketId = Number(ticket?.id);
    expect(
      (await control(sim, 'POST', `/tickets/${ticketId}/followups`, { content: '<p>Intervention faite</p>', is_private: false })).status,
    ).toBe(200);
    expect((await control(sim, 'POST', `/tickets/${ticketId}/status`, { status: 5 })).status).toBe(200);
    const added = await control(sim, 'POST', '/items/Computer', { name: 'NEW-PC-001', entities_id: 2, date_mod: '2026-11-01 10:00:00' });
    const computerId = (added.body as { id: number }).id;
    expect((await control(sim, 'POST', `/items/Computer/${computerId}/trash`)).status).toBe(200);
    const tickets = (await control(sim, 'GET', '/tickets?entities_id=2')).body as Array<Record<string, unknown>>;
    const changed = tickets.find((row) => row.id === ticketId);
    expect(changed).toMatchObject({ status: 5, solvedate: expect.any(String) });
    expect(changed?.followups).toContainEqual(
      expect.objectContaining({ content: '<p>Intervention faite</p>', users_id: 4, is_private: 0 }),
    );
    const computers = (await control(sim, 'GET', '/items/Computer?entities_id=2')).body as Array<Record<string, unknown>>;
    expect(computers.find((row) => row.id === computerId)).toMatchObject({ name: 'NEW-PC-001', is_deleted: 1 });
    expect((await control(sim, 'DELETE', `/items/Computer/${computerId}`)).status).toBe(200);
    expect(sim.state.store.table('Computer').rows.has(computerId)).toBe(false);
    expect((await control(sim, 'POST', '/tickets/999999/status', { status: 5 })).status).toBe(400);
  });

  it('turns GLPI slow, failing, down and back, and resets', async () => {
    const sim = await start({ seed: { entities: 1, assets: 20, tickets: 5, referenceDate } });
    const token = await session(sim);
    const get = () => fetch(`${sim.url}/getActiveEntities`, { headers: { 'Session-Token': token } });

    await control(sim, 'POST', '/knobs', { down: 'bad-gateway' });
    const badGateway = await get();
    expect(badGateway.status).toBe(502);
    expect(badGateway.headers.get('content-type')).toBe('text/html');
    await control(sim, 'POST', '/knobs', { down: 'reset' });
    await expect(get()).rejects.toThrow();
    await control(sim, 'POST', '/knobs', { down: false, errorRate: 1 });
    const failing = await get();
    expect(failing.status).toBe(500);
    expect(await failing.json()).toEqual(['ERROR_SQL', 'Simulated server failure']);
    await control(sim, 'POST', '/knobs', { errorRate: 0, latencyMs: 5 });
    expect((await get()).status).toBe(200);
    await control(sim, 'POST', '/sessions/expire');
    const expired = await get();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual(['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid']);
    const state = (await control(sim, 'GET', '/state')).body as { knobs: { latencyMs: number } };
    expect(state.knobs.latencyMs).toBe(5);
    await control(sim, 'POST', '/reset');
    expect(sim.state.knobs.latencyMs).toBe(0);
  });
});
