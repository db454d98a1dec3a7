import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createdId, createdIds, type ApiClient } from './fidelity/api-client';
import { startGlpiSimulator, type GlpiSimulator } from './glpi-simulator';
import { apiUserId } from './sim-seed';

// The GLPI behaviours a sync or an outbox can trip on, each as the real GLPI 10.0.12 showed it
// (the differential suite, fidelity/differential.test.ts, checks them against a real GLPI).
let sim: GlpiSimulator;
let api: ApiClient;
let admin: string;
let clientEntity: number;

const old = '2026-01-02 03:04:05';
const rowsOf = (body: unknown) => body as Array<Record<string, unknown>>;

beforeAll(async () => {
  sim = await startGlpiSimulator({ seed: { entities: 2, assets: 200, tickets: 40, referenceDate: '2026-11-29T00:00:00Z' } });
  api = apiClient(sim.url);
  admin = await api.login(sim.userToken);
  clientEntity = Number(sim.state.rows('Entity').find((row) => row.level === 3)?.id);
});

afterAll(async () => {
  await sim.close();
});

describe('writes', () => {
  it('stamp every row of one request with the second the request started', async () => {
    const input = Array.from({ length: 300 }, (_, index) => ({ name: `STAMP-${index}`, entities_id: clientEntity }));
    const ids = createdIds(await api.call('POST', '/Computer', { session: admin, body: { input } }), 'bulk POST');
    const dates = () => new Set(ids.map((id) => sim.state.store.table('Computer').rows.get(id)?.date_mod));
    expect(dates().size).toBe(1);
    await api.call('PUT', '/Computer', { session: admin, body: { input: ids.map((id) => ({ id, comment: 'bulk' })) } });
    expect(dates().size).toBe(1);
    await api.call('DELETE', '/Computer', { session: admin, body: { input: ids.map((id) => ({ id })) } });
    expect(dates().size).toBe(1);
  });

  it('keep a date_mod given at creation, never one given to an update', async () => {
    const id = createdId(
      await api.call('POST', '/Computer', { session: admin, body: { input: { name: 'DATED', entities_id: clientEntity, date_mod: old } } }),
      'POST',
    );
    expect(sim.state.store.table('Computer').rows.get(id)?.date_mod).toBe(old);
    await api.call('PUT', `/Computer/${id}`, { session: admin, body: { input: { comment: 'x', date_mod: '2020-01-01 00:00:00' } } });
    expect(sim.state.store.table('Computer').rows.get(id)?.date_mod).not.toMatch(/^(2020|2026-01)/);
  });

  it('count an unknown id of a bulk PUT as a failure, leaving it out of the answer; a bulk DELETE lists it', async () => {
    const id = sim.state.rows('Computer', clientEntity)[0]!.id;
    const put = await api.call('PUT', '/Computer', {
      session: admin,
      body: {
        input: [
          { id, comment: 'x' },
          { id: 999_999, comment: 'y' },
        ],
      },
    });
    expect([put.status, put.body]).toEqual([207, ['ERROR_GLPI_PARTIAL_UPDATE', [{ [String(id)]: true, message: '' }]]]);
    const none = await api.call('PUT', '/Computer', { session: admin, body: { input: [{ id: 999_999, comment: 'y' }] } });
    expect([none.status, none.body]).toEqual([400, ['ERROR_GLPI_UPDATE', []]]);
    const removed = await api.call('DELETE', '/Computer', { session: admin, body: { input: [{ id }, { id: 999_999 }] } });
    expect([removed.status, removed.body]).toEqual([
      207,
      [
        'ERROR_GLPI_PARTIAL_DELETE',
        [
          { [String(id)]: true, message: '' },
          { 999999: false, message: 'Item not found' },
        ],
      ],
    ]);
  });
});

describe('lists sorted by a column with ties', () => {
  it('order the tied rows by the requested range, never the same way for two sizes, always the same for one', async () => {
    const ids = sim.state
      .rows('Computer', clientEntity)
      .filter((row) => row.is_deleted === 0)
      .slice(0, 40)
      .map((row) => Number(row.id));
    await api.call('PUT', '/Computer', { session: admin, body: { input: ids.map((id) => ({ id, comment: 'tie' })) } });
    const page = async (range: string) =>
      rowsOf(
        (await api.call('GET', `/Computer?range=${range}&sort=date_mod&order=DESC&only_id=true&get_hateoas=false`, { session: admin }))
          .body,
      ).map((row) => Number(row.id));
    const small = await page('0-19');
    const large = await page('0-509');
    expect(await page('0-19')).toEqual(small);
    expect(large.slice(0, 20)).not.toEqual(small);
    expect(new Set(large.slice(0, ids.length))).toEqual(new Set(ids));
    const byId = await api.call('GET', '/Computer?range=0-9&sort=id&order=DESC&only_id=true&get_hateoas=false', { session: admin });
    const descending = rowsOf(byId.body).map((row) => Number(row.id));
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  });
});

describe('expand_dropdowns', () => {
  it('turns Item_OperatingSystem and Infocom items_id into the asset name, entities and OS into names', async () => {
    const query = '?range=0-0&get_hateoas=false&sort=id';
    const plain = rowsOf((await api.call('GET', `/Item_OperatingSystem${query}`, { session: admin })).body)[0]!;
    const expanded = rowsOf((await api.call('GET', `/Item_OperatingSystem${query}&expand_dropdowns=true`, { session: admin })).body)[0]!;
    const computer = sim.state.store.table('Computer').rows.get(Number(plain.items_id));
    expect(typeof plain.items_id).toBe('number');
    expect(expanded.items_id).toBe(computer?.name);
    expect(expanded.operatingsystems_id).toBe(sim.state.store.displayName('OperatingSystem', Number(plain.operatingsystems_id)));
    expect(expanded.entities_id).toBe(sim.state.store.entityCompleteName(Number(plain.entities_id)).replace(/>/g, '&#62;'));
    const infocom = rowsOf((await api.call('GET', `/Infocom${query}&expand_dropdowns=true`, { session: admin })).body)[0]!;
    expect(typeof infocom.items_id).toBe('string');
  });
});

describe('follow-ups', () => {
  it('leave a closed ticket never taken into account with its date_mod, bump one that was', async () => {
    const untaken = sim.state.addItem('Ticket', {
      name: 'Imported closed',
      content: 'x',
      entities_id: clientEntity,
      status: 6,
      date_mod: old,
    }).id;
    const taken = sim.state.addItem('Ticket', { name: 'Closed by a technician', content: 'y', entities_id: clientEntity }).id;
    sim.state.setTicketStatus(taken, 6);
    sim.state.update('Ticket', taken, { date_mod: old });
    for (const id of [untaken, taken]) {
      createdId(
        await api.call('POST', '/ITILFollowup', {
          session: admin,
          body: { input: { itemtype: 'Ticket', items_id: id, content: 'Answer' } },
        }),
        'follow-up',
      );
    }
    const dateMod = (id: number) => sim.state.store.table('Ticket').rows.get(id)?.date_mod;
    expect(dateMod(untaken)).toBe(old);
    expect(dateMod(taken)).not.toBe(old);
    // The technician answering through /_control follows the same rule.
    sim.state.update('Ticket', taken, { date_mod: old });
    sim.state.addFollowup(untaken, '<p>Again</p>');
    sim.state.addFollowup(taken, '<p>Again</p>');
    expect(dateMod(untaken)).toBe(old);
    expect(dateMod(taken)).not.toBe(old);
  });

  it('are all listed whatever the active entity', async () => {
    const session = await api.login(sim.userToken);
    const parent = Number(sim.state.rows('Entity').find((row) => row.level === 2)?.id);
    expect((await api.call('POST', '/changeActiveEntities', { session, body: { entities_id: parent, is_recursive: false } })).body).toBe(
      true,
    );
    expect((await api.call('GET', '/Ticket?range=0-0', { session })).body).toEqual([]);
    const followups = await api.call('GET', '/ITILFollowup?range=0-0&sort=date_mod&order=DESC', { session });
    expect(followups.headers['content-range']).toBe(`0-0/${sim.state.counts().ITILFollowup}`);
  });
});

describe('dropdown tables', () => {
  it('are served, scoped as GLPI scopes each, and name the items that point at them', async () => {
    const manufacturers = await api.call('GET', '/Manufacturer?range=0-99&sort=date_mod&order=DESC', { session: admin });
    expect(rowsOf(manufacturers.body).length).toBe(sim.state.rows('Manufacturer').length);
    const session = await api.login(sim.userToken);
    await api.call('POST', '/changeActiveEntities', { session, body: { entities_id: clientEntity, is_recursive: false } });
    const locations = rowsOf((await api.call('GET', '/Location?range=0-99', { session })).body);
    expect(locations.length).toBeGreaterThan(0);
    expect(locations.every((row) => row.entities_id === clientEntity)).toBe(true);
    // States belong to the root entity, recursive: visible from every client.
    expect(rowsOf((await api.call('GET', '/State?range=0-99', { session })).body).length).toBe(sim.state.rows('State').length);

    const computer = sim.state.rows('Computer', clientEntity).find((row) => Number(row.manufacturers_id) > 0)!;
    const maker = Number(computer.manufacturers_id);
    const seededDate = sim.state.store.table('Manufacturer').rows.get(maker)?.date_mod;
    const renamed = await api.call('PUT', '/Manufacturer', { session: admin, body: { input: [{ id: maker, name: 'Renamed & Co' }] } });
    expect(renamed.body).toEqual([{ [String(maker)]: true, message: '' }]);
    const expanded = await api.call('GET', `/Computer/${computer.id}?expand_dropdowns=true`, { session: admin });
    expect((expanded.body as Record<string, unknown>).manufacturers_id).toBe('Renamed &#38; Co');
    expect(sim.state.store.table('Manufacturer').rows.get(maker)?.date_mod).not.toBe(seededDate);
    await api.call('DELETE', `/Manufacturer/${maker}`, { session: admin });
    expect(sim.state.store.table('Computer').rows.get(Number(computer.id))?.manufacturers_id).toBe(0);
  });

  it('rewrite the complete names below a renamed tree node without touching their date_mod', () => {
    const parent = sim.state.addItem('Location', { name: 'Siège', entities_id: clientEntity }).id;
    const child = sim.state.addItem('Location', { name: 'Étage 2', entities_id: clientEntity, locations_id: parent, date_mod: old }).id;
    expect(sim.state.store.table('Location').rows.get(child)).toMatchObject({ completename: 'Siège > Étage 2', level: 2 });
    sim.state.update('Location', parent, { name: 'Direction' });
    expect(sim.state.store.table('Location').rows.get(child)).toMatchObject({ completename: 'Direction > Étage 2', date_mod: old });
  });
});

describe('a client user with an API token of their own', () => {
  it('logs in on their Self-Service profile and entity, and writes as themselves', async () => {
    const user = sim.state.rows('User').find((row) => row.entities_id === clientEntity)!;
    const userId = Number(user.id);
    expect((await api.call('PUT', `/User/${userId}`, { session: admin, body: { input: { api_token: 'client-token-1' } } })).status).toBe(
      200,
    );
    expect(JSON.stringify((await api.call('GET', `/User/${userId}`, { session: admin })).body)).not.toContain('client-token-1');
    const session = await api.login('client-token-1');
    expect((await api.call('GET', '/getActiveEntities', { session })).body).toEqual({
      active_entity: { id: clientEntity, active_entity_recursive: 0, active_entities: [{ id: clientEntity }] },
    });
    expect((await api.call('GET', '/getMyProfiles', { session })).body).toMatchObject({ myprofiles: [{ id: 1, name: 'Self-Service' }] });
    expect((await api.call('GET', '/Computer?range=0-0', { session })).status).toBe(403);

    const bare = createdId(await api.call('POST', '/Ticket', { session, body: { input: { name: 'Écran noir', content: 'x' } } }), 'ticket');
    expect(sim.state.tickets(clientEntity).find((row) => row.id === bare)).toMatchObject({ users_id_recipient: userId, requesters: [] });
    const own = createdId(
      await api.call('POST', '/Ticket', { session, body: { input: { name: 'Souris', content: 'y', _users_id_requester: userId } } }),
      'ticket',
    );
    expect(sim.state.tickets(clientEntity).find((row) => row.id === own)).toMatchObject({ requesters: [userId] });
    const listed = rowsOf((await api.call('GET', '/Ticket?range=0-999&only_id=true&get_hateoas=false', { session })).body).map(
      (row) => row.id,
    );
    const mine = sim.state
      .tickets(clientEntity)
      .filter((row) => row.users_id_recipient === userId || (row.requesters as number[]).includes(userId));
    expect(new Set(listed)).toEqual(new Set(mine.map((row) => row.id)));

    createdId(
      await api.call('POST', '/ITILFollowup', { session, body: { input: { itemtype: 'Ticket', items_id: own, content: 'Merci' } } }),
      'follow-up',
    );
    expect(sim.state.tickets(clientEntity).find((row) => row.id === own)?.followups).toEqual([
      expect.objectContaining({ users_id: userId, content: 'Merci' }),
    ]);
    const other = sim.state.addItem('Ticket', { name: 'Not theirs', content: 'z', entities_id: clientEntity }).id;
    const refused = await api.call('POST', '/ITILFollowup', {
      session,
      body: { input: { itemtype: 'Ticket', items_id: other, content: 'Hi' } },
    });
    expect(refused.status).toBe(400);
    expect((refused.body as unknown[])[0]).toBe('ERROR_GLPI_ADD');
  });

  it('without a usable default entity, opens on all the entities of the profile, not recursive (false)', async () => {
    const created = createdId(
      await api.call('POST', '/User', {
        session: admin,
        body: { input: { name: 'no.default', _profiles_id: 1, _entities_id: clientEntity, _is_recursive: 0 } },
      }),
      'user',
    );
    await api.call('PUT', `/User/${created}`, { session: admin, body: { input: { api_token: 'no-default-token' } } });
    const session = await api.login('no-default-token');
    expect((await api.call('GET', '/getActiveEntities', { session })).body).toEqual({
      active_entity: { id: clientEntity, active_entity_recursive: false, active_entities: [{ id: clientEntity }] },
    });
    expect((await api.call('POST', '/changeActiveEntities', { session, body: { entities_id: 0, is_recursive: true } })).body).toBe(false);
  });
});

describe('every answer', () => {
  it('carries a Date header, errors and control answers too', async () => {
    const answers = [
      await api.call('GET', '/getActiveEntities', { session: admin }),
      await api.call('GET', '/Computer', { session: 'not-a-session' }),
      await apiClient(sim.controlUrl).call('GET', '/state'),
    ];
    for (const answer of answers) expect(answer.headers.date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });
});

describe('satisfaction surveys (TicketSatisfaction)', () => {
  it('are answered by the ticket’s requester only, addressed by the TICKET’s id, which GLPI stamps as answered', async () => {
    const mine = createdId(
      await api.call('POST', '/Ticket', {
        session: admin,
        body: { input: { name: 'Enquête', content: 'x', entities_id: clientEntity, _users_id_requester: apiUserId } },
      }),
      'ticket',
    );
    const theirs = createdId(
      await api.call('POST', '/Ticket', { session: admin, body: { input: { name: 'Autre', content: 'x', entities_id: clientEntity } } }),
      'ticket',
    );
    const survey = createdId(
      await api.call('POST', '/TicketSatisfaction', { session: admin, body: { input: { tickets_id: mine, type: 1, date_begin: old } } }),
      'survey',
    );
    expect(survey).not.toBe(mine);
    const duplicate = await api.call('POST', '/TicketSatisfaction', { session: admin, body: { input: { tickets_id: mine, type: 1 } } });
    expect(duplicate.status).toBe(400);
    // By the survey's own id: GLPI looks for a survey of THAT ticket and fails.
    const bySurvey = await api.call('PUT', `/TicketSatisfaction/${survey}`, {
      session: admin,
      body: { input: { tickets_id: mine, satisfaction: 3 } },
    });
    expect(bySurvey.status).toBe(400);
    const withoutTicket = await api.call('PUT', `/TicketSatisfaction/${mine}`, { session: admin, body: { input: { satisfaction: 3 } } });
    expect(withoutTicket.body).toEqual(['ERROR_GLPI_UPDATE', '']);
    const answered = await api.call('PUT', `/TicketSatisfaction/${mine}`, {
      session: admin,
      body: { input: { tickets_id: mine, satisfaction: 4, comment: 'bien' } },
    });
    expect(answered.status).toBe(200);
    const [row] = rowsOf((await api.call('GET', `/Ticket/${mine}/TicketSatisfaction?get_hateoas=false`, { session: admin })).body);
    expect(row).toMatchObject({ id: survey, satisfaction: 4, comment: 'bien', date_begin: old });
    expect(row!.date_answered).toEqual(expect.any(String));
    // Not the requester (even a Super-Admin): refused.
    createdId(
      await api.call('POST', '/TicketSatisfaction', { session: admin, body: { input: { tickets_id: theirs, type: 1 } } }),
      'survey',
    );
    expect(
      (await api.call('PUT', `/TicketSatisfaction/${theirs}`, { session: admin, body: { input: { tickets_id: theirs, satisfaction: 5 } } }))
        .status,
    ).toBe(400);
  });
});
