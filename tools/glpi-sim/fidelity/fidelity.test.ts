import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerDifferences, shapeDifferences } from './compare';
import { loadFixtures, type Fixture } from './fixtures';
import { specs, uncovered } from './specs';
import { createWorld, send, type World } from './world';

/**
 * Replays the recorded GLPI 10.0.12 exchanges against the simulator and checks what a client
 * depends on: status, GLPI's headers (presence, format, name case), error codes, and a body with the
 * same keys and JSON types. Ids and a few parameters are mapped onto the simulator's data (specs.ts).
 */
const fixtures = loadFixtures();
const replayed = fixtures.filter((fixture) => !(fixture.name in uncovered));
const skipped = fixtures.filter((fixture) => fixture.name in uncovered);
// Reads first, so the writes cannot change the totals the reads were recorded with.
const isRead = (fixture: Fixture) => fixture.request.method === 'GET';
const ordered = [...replayed.filter(isRead), ...replayed.filter((fixture) => !isRead(fixture))];

let world: World | undefined;

beforeAll(async () => {
  world = await createWorld(fixtures.find((fixture) => fixture.name === 'post_Computer_bulk_1200'));
}, 60_000);

afterAll(async () => {
  await world?.sim.close();
});

describe('GLPI simulator fidelity', () => {
  it('accounts for every fixture, replayed or explicitly not covered', () => {
    console.info(
      `GLPI fidelity: ${replayed.length} of ${fixtures.length} fixtures replayed; not covered (${skipped.length}):\n` +
        skipped.map((fixture) => `  - ${fixture.name}: ${uncovered[fixture.name]}`).join('\n'),
    );
    expect(fixtures.length).toBeGreaterThan(0);
    const stale = Object.keys(uncovered).filter((name) => !fixtures.some((fixture) => fixture.name === name));
    expect(stale).toEqual([]);
    const unknownSpecs = Object.keys(specs).filter((name) => !replayed.some((fixture) => fixture.name === name));
    expect(unknownSpecs).toEqual([]);
  });

  for (const fixture of ordered) {
    it(`replays ${fixture.name}`, async () => {
      if (!world) throw new Error('world not set up');
      const spec = specs[fixture.name] ?? {};
      const token = await world.openSession(spec.as);
      if (spec.scope) {
        await world.api('POST', '/changeActiveEntities', { entities_id: spec.scope.entityId, is_recursive: spec.scope.recursive }, token);
      }
      await spec.before?.(world, token);
      const sim = world.sim;
      const path = spec.path ? spec.path(world) : fixture.request.path.replace(/^\/apirest\.php/, '');
      const query = (spec.query ? spec.query(world, fixture.request.query_string) : fixture.request.query_string)
        .replace('%3Csession%3E', token)
        .replace('<session>', token)
        .replace('%3Cuser_token%3E', sim.userToken)
        .replace('<user_token>', sim.userToken);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(fixture.request.headers)) {
        headers[name] = value
          .replace('<session>', token)
          .replace('<app_token>', sim.appToken ?? '')
          .replace('<user_token>', sim.userToken);
      }
      for (const [name, value] of Object.entries(spec.headers?.(world, token) ?? {})) {
        if (value === undefined) delete headers[name];
        else headers[name] = value;
      }
      const body = spec.body ? spec.body(world, fixture.request.body) : fixture.request.body;
      const text = body === null || body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const response = await send(`${sim.url}${path}${query ? `?${query}` : ''}`, fixture.request.method, headers, text);

      const expected = fixture.response;
      expect({ status: response.status, body: response.body }).toMatchObject({ status: expected.status });
      const expectedCode = Array.isArray(expected.body) && typeof expected.body[0] === 'string' ? expected.body[0] : undefined;
      if (expectedCode?.startsWith('ERROR')) expect((response.body as unknown[])[0]).toBe(expectedCode);
      expect(headerDifferences(expected.headers, response.rawNames, response.headers)).toEqual([]);
      expect(shapeDifferences(expected.body, response.body, spec)).toEqual([]);
    });
  }
});
