import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realGlpi } from '../../../tests/support/real-glpi';
import { startGlpiSimulator, type GlpiSimulator } from '../glpi-simulator';
import { apiClient } from './api-client';
import { answerDifferences, errorCode, valueDifference, writeAnswerShape } from './differential-compare';
import { readProbes, writeProbes, type Probe } from './differential-probes';
import { buildWorld, type DiffWorld } from './differential-world';
import type { RawResponse } from './world';

type Row = Record<string, unknown>;

/**
 * Differential mode of the fidelity suite: the same world is built through the API of the simulator
 * and of a real GLPI 10.0.12 (tests/support/real-glpi.ts), then the same requests go to both and
 * their answers must agree on status, the headers a client relies on, the body's shape and JSON
 * types, and the values each probe names (differential-probes.ts). A difference names the request
 * and the path in the body.
 */
let sim: GlpiSimulator;
let real: DiffWorld;
let simulated: DiffWorld;
const tag = Date.now().toString(36);

beforeAll(async () => {
  const glpi = await realGlpi();
  sim = await startGlpiSimulator({ seed: { entities: 0, assets: 0, tickets: 0, parentEntityName: null } });
  [real, simulated] = await Promise.all([
    buildWorld(apiClient(glpi.url), glpi.userToken, tag),
    buildWorld(apiClient(sim.url), sim.userToken, tag),
  ]);
}, 240_000);

afterAll(async () => {
  await sim?.close();
});

async function ask(w: DiffWorld, probe: Probe): Promise<RawResponse> {
  const sessions = { admin: w.admin, self: w.self, noDefault: w.noDefault, nobody: undefined };
  const session = sessions[probe.as ?? 'admin'];
  if (probe.scope && session === w.admin) {
    const entity = probe.scope === 'root' ? 0 : w.ids[probe.scope];
    const switched = await w.api.call('POST', '/changeActiveEntities', {
      session,
      body: { entities_id: entity, is_recursive: probe.scope === 'root' },
    });
    if (switched.body !== true) throw new Error(`changeActiveEntities(${probe.scope}) refused`);
  }
  return w.api.call(probe.method ?? 'GET', probe.path(w), { session, headers: probe.headers, body: probe.body?.(w) });
}

async function differences(probe: Probe): Promise<string[]> {
  const [fromGlpi, fromSim] = [await ask(real, probe), await ask(simulated, probe)];
  const found = answerDifferences(fromGlpi, fromSim, probe.shape);
  if (probe.project) found.push(...valueDifference('projected values', probe.project(fromGlpi, real), probe.project(fromSim, simulated)));
  for (const [who, answer, world] of [
    ['GLPI', fromGlpi, real],
    ['simulator', fromSim, simulated],
  ] as const) {
    const problem = probe.check?.(answer, world);
    if (problem) found.push(`${who}: ${problem}`);
  }
  return found.map((difference) => `${probe.method ?? 'GET'} ${probe.path(real)} — ${difference}`);
}

describe('simulator and real GLPI 10.0.12, same world, same requests', () => {
  for (const probe of readProbes) {
    it(probe.name, async () => {
      expect(await differences(probe)).toEqual([]);
    });
  }

  it("a dropdown renamed, then purged: items show its new name, then 0; a tree rename keeps the children's date_mod", async () => {
    const lifecycle = async (w: DiffWorld) => {
      const call = (method: string, path: string, body?: unknown) => w.api.call(method, path, { session: w.admin, body });
      await call('POST', '/changeActiveEntities', { entities_id: 0, is_recursive: true });
      const maker = (await call('POST', '/Manufacturer', { input: { name: `Diff ${w.tag} short-lived` } })).body as { id: number };
      const computer = w.ids.monitor;
      await call('PUT', `/Monitor/${computer}`, { input: { manufacturers_id: maker.id } });
      const renamed = await call('PUT', `/Manufacturer/${maker.id}`, { input: { name: `Diff ${w.tag} renamed <&>` } });
      const named = ((await call('GET', `/Monitor/${computer}?expand_dropdowns=true`)).body as Row).manufacturers_id;
      const purged = await call('DELETE', `/Manufacturer/${maker.id}`);
      const cleared = ((await call('GET', `/Monitor/${computer}`)).body as Row).manufacturers_id;
      const floorBefore = (await call('GET', `/Location/${w.ids.floor}`)).body as Row;
      await call('PUT', `/Location/${w.ids.site}`, { input: { name: `Diff ${w.tag} campus` } });
      const floorAfter = (await call('GET', `/Location/${w.ids.floor}`)).body as Row;
      return {
        answers: { renamed, purged },
        values: { named, cleared, completename: floorAfter.completename, dateKept: floorAfter.date_mod === floorBefore.date_mod },
      };
    };
    const [glpi, simulator] = [await lifecycle(real), await lifecycle(simulated)];
    const found = [
      ...answerDifferences(glpi.answers.renamed, simulator.answers.renamed, writeAnswerShape).map((difference) => `rename: ${difference}`),
      ...answerDifferences(glpi.answers.purged, simulator.answers.purged, writeAnswerShape).map((difference) => `purge: ${difference}`),
      ...valueDifference('dropdown lifecycle', glpi.values, simulator.values),
    ];
    expect(found).toEqual([]);
    expect(glpi.values).toMatchObject({ named: `Diff ${tag} renamed &#60;&#38;&#62;`, cleared: 0, dateKept: true });
  });

  it("a solution refused with a reason, then another approved, through GLPI's approval form (add_reopen / add_close) by the requester", async () => {
    const lifecycle = async (w: DiffWorld) => {
      const asAdmin = (method: string, path: string, body?: unknown) => w.api.call(method, path, { session: w.admin, body });
      const asSelf = (method: string, path: string, body?: unknown) => w.api.call(method, path, { session: w.self, body });
      await asAdmin('POST', '/changeActiveEntities', { entities_id: w.ids.A, is_recursive: false });
      const ticket = (
        (await asAdmin('POST', '/Ticket', { input: { name: `D${w.tag} to solve`, content: 'x', _users_id_requester: w.ids.selfUser } }))
          .body as { id: number }
      ).id;
      const status = async () => ((await asAdmin('GET', `/Ticket/${ticket}`)).body as Row).status;
      const solutions = async () =>
        ((await asSelf('GET', `/Ticket/${ticket}/ITILSolution`)).body as Row[]).map((row) => [
          row.status,
          row.users_id_approval === w.ids.selfUser,
        ]);
      const solved = await asAdmin('POST', '/ITILSolution', { input: { itemtype: 'Ticket', items_id: ticket, content: 'Fixed' } });
      const afterSolve = [await status(), await solutions()];
      const noReason = await asSelf('POST', '/ITILFollowup', {
        input: { itemtype: 'Ticket', items_id: ticket, content: '', add_reopen: 1 },
      });
      const refused = await asSelf('POST', '/ITILFollowup', {
        input: { itemtype: 'Ticket', items_id: ticket, content: 'Still broken', add_reopen: 1 },
      });
      const afterRefusal = [await status(), await solutions()];
      await asAdmin('POST', '/ITILSolution', { input: { itemtype: 'Ticket', items_id: ticket, content: 'Fixed again' } });
      const approved = await asSelf('POST', '/ITILFollowup', {
        input: { itemtype: 'Ticket', items_id: ticket, content: 'Thanks', add_close: 1 },
      });
      const afterApproval = [await status(), await solutions()];
      return {
        answers: { solved, refused, approved },
        values: { noReason: [noReason.status, errorCode(noReason.body)], afterSolve, afterRefusal, afterApproval },
      };
    };
    const [glpi, simulator] = [await lifecycle(real), await lifecycle(simulated)];
    const found = [
      ...(['solved', 'refused', 'approved'] as const).flatMap((step) =>
        answerDifferences(glpi.answers[step], simulator.answers[step], writeAnswerShape).map((difference) => `${step}: ${difference}`),
      ),
      ...valueDifference('solution approval', glpi.values, simulator.values),
    ];
    expect(found).toEqual([]);
    expect(glpi.values).toMatchObject({
      afterSolve: [5, [[2, false]]],
      afterRefusal: [1, [[4, true]]],
      afterApproval: [
        6,
        [
          [4, true],
          [3, true],
        ],
      ],
    });
  });

  // Real GLPI sorts by date_mod alone, so a tied second comes back in whatever order MariaDB's plan
  // gives: page size and table size change it (seen differing in ../shared/GLPI-API.md, and equal on
  // other data). Nothing can be asserted of GLPI's tie order but the sort itself; the simulator takes
  // the worst case GLPI allows, so that the sync is tested against it.
  it('both sort by date_mod only; the simulator orders a tied second differently for a small page and a large one', async () => {
    const orders = async (w: DiffWorld) => {
      await w.api.call('POST', '/changeActiveEntities', { session: w.admin, body: { entities_id: 0, is_recursive: true } });
      const page = async (range: string) =>
        (await w.api.call('GET', `/Computer?range=${range}&sort=date_mod&order=DESC&get_hateoas=false`, { session: w.admin }))
          .body as Array<{ id: number; date_mod: string }>;
      const [small, large] = [await page('0-4'), await page('0-999')];
      return {
        small: small.map((row) => row.id),
        large: large.slice(0, 5).map((row) => row.id),
        sorted: [small, large].every((rows) => rows.every((row, i) => i === 0 || rows[i - 1]!.date_mod >= row.date_mod)),
      };
    };
    const [glpi, simulator] = [await orders(real), await orders(simulated)];
    const seen = `first five rows of range=0-4 and range=0-999: GLPI ${JSON.stringify(glpi)}, simulator ${JSON.stringify(simulator)}`;
    expect({ glpi: glpi.sorted, simulator: simulator.sorted }, seen).toEqual({ glpi: true, simulator: true });
    expect(simulator.small.join() !== simulator.large.join(), seen).toBe(true);
  });
});

describe('writes of the API account, on both servers', () => {
  for (const probe of writeProbes) {
    it(probe.name, async () => {
      expect(await differences(probe)).toEqual([]);
    });
  }
});

describe('the Self-Service user writes, on both servers', () => {
  it('creates a ticket without a requester, then one with itself as requester, and answers its own ticket', async () => {
    const write = async (w: DiffWorld) => {
      const call = (method: string, path: string, body?: unknown) => w.api.call(method, path, { session: w.self, body });
      const bare = await call('POST', '/Ticket', { input: { name: `D${w.tag} from the portal`, content: '<p>Écran noir</p>' } });
      const bareId = (bare.body as { id: number }).id;
      const withRequester = await call('POST', '/Ticket', {
        input: { name: `D${w.tag} with requester`, content: 'x', _users_id_requester: w.ids.selfUser },
      });
      const requesterId = (withRequester.body as { id: number }).id;
      const followup = await call('POST', '/ITILFollowup', {
        input: { itemtype: 'Ticket', items_id: requesterId, content: '<p>Merci</p>' },
      });
      const refused = await call('POST', '/ITILFollowup', { input: { itemtype: 'Ticket', items_id: w.ids.ticket3, content: 'Not mine' } });
      const closed = await call('POST', '/ITILFollowup', { input: { itemtype: 'Ticket', items_id: w.ids.ticket6, content: 'Closed' } });
      const elsewhere = await call('POST', '/Ticket', { input: { name: 'x', content: 'x', entities_id: w.ids.B } });
      // Read back with the Super-Admin: actors of each new ticket, the follow-up's author.
      const admin = (path: string) => w.api.call('GET', path, { session: w.admin });
      await w.api.call('POST', '/changeActiveEntities', { session: w.admin, body: { entities_id: 0, is_recursive: true } });
      const bareActors = (await admin(`/Ticket/${bareId}/Ticket_User`)).body as unknown[];
      const requesterActors = (await admin(`/Ticket/${requesterId}/Ticket_User`)).body as Array<{ users_id: number; type: number }>;
      const bareTicket = (await admin(`/Ticket/${bareId}`)).body as { users_id_recipient: number };
      const written = (await admin(`/ITILFollowup/${(followup.body as { id: number }).id}`)).body as { users_id: number };
      const answers = { bare, withRequester, followup, refused, closed, elsewhere };
      const values = {
        statuses: Object.fromEntries(
          Object.entries(answers).map(([key, answer]) => [key, [answer.status, errorCode(answer.body) ?? null]]),
        ),
        bareActors: bareActors.length,
        recipientIsUser: bareTicket.users_id_recipient === w.ids.selfUser,
        requesterActors: requesterActors.map((actor) => [actor.users_id === w.ids.selfUser, actor.type]),
        followupAuthorIsUser: written.users_id === w.ids.selfUser,
      };
      return { answers, values };
    };
    const [glpi, simulator] = [await write(real), await write(simulated)];
    const found: string[] = [];
    for (const key of Object.keys(glpi.answers) as Array<keyof typeof glpi.answers>) {
      found.push(
        ...answerDifferences(glpi.answers[key], simulator.answers[key], writeAnswerShape).map((difference) => `${key}: ${difference}`),
      );
    }
    found.push(...valueDifference('Self-Service writes', glpi.values, simulator.values));
    expect(found).toEqual([]);
    // What was verified on GLPI 10.0.12 still holds there: the creator is no requester unless named one.
    expect(glpi.values).toMatchObject({
      statuses: {
        bare: [201, null],
        withRequester: [201, null],
        followup: [201, null],
        refused: [400, 'ERROR_GLPI_ADD'],
        closed: [400, 'ERROR_GLPI_ADD'],
        elsewhere: [400, 'ERROR_GLPI_ADD'],
      },
      bareActors: 0,
      recipientIsUser: true,
      requesterActors: [[true, 1]],
      followupAuthorIsUser: true,
    });
  });
});
