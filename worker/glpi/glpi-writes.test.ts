import { afterEach, describe, expect, it } from 'vitest';
import { GlpiRequestError } from './glpi-errors';
import { clientEntityIds, liveIds, startHarness, type Harness } from './glpi-test-support';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('GlpiClient writes', () => {
  it('creates a ticket with its requester in the given entity', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const requester = Number(sim.state.rows('User').find((user) => user.entities_id === entityId)?.id);
    const created = await pool.withEntity(entityId, (client) =>
      client.create('Ticket', {
        name: 'Écran noir & <HDMI>',
        content: '<p>Rien ne s’affiche</p>',
        entities_id: entityId,
        _users_id_requester: requester,
        urgency: 4,
      }),
    );
    expect(created.message).toBe(`Item successfully added: Écran noir & <HDMI> (${created.id})`);
    const ticket = sim.state.tickets(entityId).find((row) => row.id === created.id);
    expect(ticket).toMatchObject({ entities_id: entityId, name: 'Écran noir & <HDMI>', urgency: 4, requesters: [requester], status: 1 });
  });

  it('reports a bulk create item by item when one item is refused', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const before = sim.state.rows('Ticket').length;
    const results = await pool.withEntity(entityId, (client) =>
      client.createMany('Ticket', [
        { name: 'Premier', content: '<p>ok</p>', entities_id: entityId, _users_id_requester: 2 },
        { name: 'Entité inconnue', content: '<p>non</p>', entities_id: 999, _users_id_requester: 2 },
        { name: 'Troisième', content: '<p>ok</p>', entities_id: entityId, _users_id_requester: 2 },
      ]),
    );
    expect(results.map((result) => ({ index: result.index, ok: result.ok }))).toEqual([
      { index: 0, ok: true },
      { index: 1, ok: false },
      { index: 2, ok: true },
    ]);
    expect(results[1]).toMatchObject({ message: "You don't have permission to perform this action." });
    expect(sim.state.rows('Ticket').length).toBe(before + 2);
    expect(harness.requests((path) => path === '/Ticket').map((request) => request.status)).toEqual([207]);

    const allRefused = await pool.withEntity(entityId, (client) =>
      client.createMany('Ticket', [
        { name: 'Non 1', content: '<p>x</p>', entities_id: 998, _users_id_requester: 2 },
        { name: 'Non 2', content: '<p>x</p>', entities_id: 999, _users_id_requester: 2 },
      ]),
    );
    expect(allRefused.map((result) => result.ok)).toEqual([false, false]);
  });

  it('provisions an entity, a user and a profile link, and refuses a duplicate login', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const parent = Number(sim.state.rows('Entity').find((row) => row.entities_id === 0)?.id);
    const result = await pool.withEntity(
      parent,
      async (client) => {
        const entity = await client.create('Entity', { name: 'SARL Benali & Fils', entities_id: parent });
        // GLPI computes a session's entities when it switches: a new entity needs a fresh switch
        // before anything can be created in it (error_post_Computer_into_entity_created_after_initSession).
        await client.useEntity(parent, true);
        const user = await client.create('User', {
          name: 'karim.benali@benali.dz',
          realname: 'Benali',
          firstname: 'Karim',
          _useremails: { '-1': 'karim.benali@benali.dz' },
          _default_email: -1,
          _profiles_id: 1,
          _entities_id: entity.id,
          _is_recursive: 0,
        });
        const link = await client.create('Profile_User', {
          users_id: user.id,
          profiles_id: 1,
          entities_id: entity.id,
          is_recursive: false,
        });
        const duplicate = await client.create('User', { name: 'karim.benali@benali.dz' }).catch((caught: unknown) => caught);
        return { entity, user, link, duplicate };
      },
      { recursive: true },
    );
    expect(result.entity.message).toBe('Item successfully added: SARL Benali & Fils');
    expect(sim.state.rows('Entity').find((row) => row.id === result.entity.id)).toMatchObject({
      name: 'SARL Benali & Fils',
      entities_id: parent,
    });
    const users = sim.state.rows('User').filter((row) => row.name === 'karim.benali@benali.dz');
    expect(users).toHaveLength(1);
    expect(sim.state.rows('UserEmail').filter((row) => row.users_id === result.user.id)).toMatchObject([
      { email: 'karim.benali@benali.dz', is_default: 1 },
    ]);
    expect(
      sim.state.rows('Profile_User').filter((row) => row.users_id === result.user.id && row.entities_id === result.entity.id),
    ).toHaveLength(2);
    expect(result.duplicate).toBeInstanceOf(GlpiRequestError);
    expect(result.duplicate).toMatchObject({ code: 'ERROR_GLPI_ADD', message: expect.stringContaining('The user already exists') });
  });

  it('updates items one by one and in bulk, reporting ids GLPI leaves out', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const [first = 0, second = 0] = liveIds(sim, 'Ticket', entityId);
    const results = await pool.withEntity(entityId, async (client) => {
      await client.update('Ticket', first, { status: 5 });
      return client.updateMany('Ticket', [
        { id: second, input: { urgency: 5 } },
        { id: 987_654, input: { urgency: 1 } },
      ]);
    });
    expect(results).toEqual([
      { id: second, ok: true },
      { id: 987_654, ok: false, message: 'not found' },
    ]);
    const tickets = sim.state.tickets(entityId);
    expect(tickets.find((ticket) => ticket.id === first)).toMatchObject({ status: 5, solvedate: expect.any(String) });
    expect(tickets.find((ticket) => ticket.id === second)).toMatchObject({ urgency: 5 });
  });

  it('answers a ticket with a follow-up that bumps the ticket’s date_mod', async () => {
    harness = await startHarness();
    const { sim, pool } = harness;
    const [entityId = 0] = clientEntityIds(sim);
    const [ticketId = 0] = liveIds(sim, 'Ticket', entityId);
    sim.state.update('Ticket', ticketId, { date_mod: '2020-01-01 00:00:00' });
    const created = await pool.withEntity(entityId, (client) => client.addFollowup(ticketId, '<p>Merci, c’est réparé.</p>'));
    const ticket = sim.state.tickets(entityId).find((row) => row.id === ticketId);
    expect(ticket?.followups).toContainEqual(
      expect.objectContaining({ id: created.id, content: '<p>Merci, c’est réparé.</p>', is_private: 0 }),
    );
    expect(String(ticket?.date_mod) > '2020-01-01 00:00:00').toBe(true);
  });
});
