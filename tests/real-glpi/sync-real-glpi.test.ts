import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiSyncEvent, Notification } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { dashboardSchema } from '../../server/glpi-cache/dashboard-aggregates';
import { syncFreshness } from '../../server/glpi-cache/sync-freshness';
import { redis, redisKey } from '../../server/redis';
import { notifyPendingSyncEvents } from '../../worker/sync/notify-sync-events';
import { serverWideItemtypes } from '../../worker/sync/sync-context';
import { decodeEntities } from '../support/cache-vs-glpi';
import { closeTestResources } from '../support/close-resources';
import { createUser } from '../support/fixtures';
import { startRealSyncHarness, type RealSyncHarness } from '../support/real-sync-harness';

/**
 * The sync against a real GLPI 10.0.12, one test per defect of issue 12 that the simulator could
 * not show. Each test asserts the GLPI behaviour it relies on (its precondition), so a GLPI that
 * stopped behaving that way would fail the test instead of letting it pass for nothing.
 */
let h: RealSyncHarness;

beforeAll(async () => {
  h = await startRealSyncHarness({ options: { overlapSeconds: 3 } });
}, 300_000);

afterAll(async () => {
  await h?.close();
  await closeTestResources();
});

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);

// GLPI is PHP doing SQL per request: on a loaded 2-core machine a test's few cycles take more than vitest's 30 s.
describe('the sync against a real GLPI', { timeout: 180_000 }, () => {
  it('loses nothing of a mass action: rows sharing one date_mod second all reach the cache', async () => {
    const { entityId, companyId } = await h.addClient();
    // Rows of varied width, as real tickets are: MariaDB then orders a tied second differently per LIMIT.
    const tickets = await h.driver.create(
      'Ticket',
      names('Panne', 800).map((name, i) => ({
        name,
        content: `<p>${'Le poste ne démarre plus. '.repeat(i % 40)}</p>`,
        entities_id: entityId,
      })),
    );
    const computers = await h.driver.create(
      'Computer',
      names('PC', 600).map((name, i) => ({ name, comment: 'x'.repeat(i % 200), entities_id: entityId })),
    );
    await h.cycle(companyId);
    expect(await h.differences(entityId)).toEqual([]);

    await h.driver.update(
      'Ticket',
      tickets.slice(300, 350).map((id) => ({ id, status: 6 })),
    );
    await h.driver.update(
      'Computer',
      computers.slice(200, 251).map((id, i) => ({ id, name: `RENAMED-${i}` })),
    );
    const tied = await h.glpi.query<{ n: number }>(
      'SELECT MAX(n) AS n FROM (SELECT COUNT(*) AS n FROM glpi_tickets WHERE entities_id = ? GROUP BY date_mod) s',
      [entityId],
    );
    expect(Number(tied[0]?.n)).toBeGreaterThanOrEqual(50); // GLPI stamped the mass action with one second
    await h.cycle(companyId);
    expect(await h.differences(entityId)).toEqual([]);
  });

  it('attaches operating systems and warranties to the right asset (GLPI names the asset in items_id when expanding)', async () => {
    const { entityId, companyId } = await h.addClient();
    const computers = await h.driver.create(
      'Computer',
      names('OSPC', 10).map((name) => ({ name, entities_id: entityId })),
    );
    const [windows, linux] = await h.driver.create('OperatingSystem', [
      { name: `Windows 11 ${entityId}` },
      { name: `Debian 12 ${entityId}` },
    ]);
    await h.driver.create(
      'Item_OperatingSystem',
      computers.map((id, i) => ({
        itemtype: 'Computer',
        items_id: id,
        operatingsystems_id: i % 2 === 0 ? windows : linux,
        entities_id: entityId,
      })),
    );
    const soon = new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10); // 12 months from ~10 months ago
    await h.driver.create(
      'Infocom',
      computers.map((id) => ({ itemtype: 'Computer', items_id: id, warranty_date: soon, warranty_duration: 12, entities_id: entityId })),
    );
    await h.cycle(companyId);
    expect(await h.differences(entityId)).toEqual([]);
    const cached = await sequelize.query<{ os: string | null; we: string | null }>(
      `SELECT operating_system AS os, warranty_end AS we FROM glpi_assets WHERE glpi_entity_id = :entityId AND itemtype = 'Computer'`,
      { replacements: { entityId }, type: QueryTypes.SELECT },
    );
    expect(cached.filter((row) => row.os !== null)).toHaveLength(10);
    expect(cached.filter((row) => row.we !== null)).toHaveLength(10);
  });

  it('reads a follow-up added to a closed ticket, whose date_mod GLPI leaves unchanged', async () => {
    const { entityId, companyId } = await h.addClient();
    // A call logged as closed at once: GLPI never took it into account, so a later follow-up leaves it untouched.
    const ticket = await h.driver.createOne('Ticket', { name: 'Appel clos', content: '<p>x</p>', entities_id: entityId, status: 6 });
    await h.cycle(companyId);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // the ticket's second is past the overlap (3 s)
    await h.cycle(companyId);
    const before = await h.glpi.query<{ d: string }>('SELECT date_mod AS d FROM glpi_tickets WHERE id = ?', [ticket]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.driver.createOne('ITILFollowup', { itemtype: 'Ticket', items_id: ticket, content: '<p>Rappel du client</p>', is_private: 0 });
    const after = await h.glpi.query<{ d: string }>('SELECT date_mod AS d FROM glpi_tickets WHERE id = ?', [ticket]);
    expect(after[0]?.d).toBe(before[0]?.d);
    await h.cycle(companyId);
    expect(await h.differences(entityId)).toEqual([]);
  });

  it("shows GLPI's dropdown names on every asset, renames included (read without expand_dropdowns)", async () => {
    const { entityId, companyId } = await h.addClient();
    const tag = String(entityId);
    const [maker] = await h.driver.create('Manufacturer', [{ name: `Maker ${tag}` }]);
    const [model] = await h.driver.create('ComputerModel', [{ name: `Model ${tag}` }]);
    const [state] = await h.driver.create('State', [{ name: `En service ${tag}`, entities_id: entityId }]);
    const [site] = await h.driver.create('Location', [{ name: `Alger ${tag}`, entities_id: entityId }]);
    const [office] = await h.driver.create('Location', [{ name: 'Bureau 12', locations_id: site, entities_id: entityId }]);
    const [user] = await h.driver.create('User', [{ name: `tech.${tag}`, realname: 'Benali', firstname: 'Karim' }]);
    await h.driver.create(
      'Computer',
      [1, 2, 3].map((n) => ({
        name: `DROP-${n}`,
        entities_id: entityId,
        manufacturers_id: maker,
        computermodels_id: model,
        states_id: state,
        locations_id: office,
        users_id: user,
      })),
    );
    // GLPI's own rendering of each computer's dropdowns is the oracle; a user is shown by full name as
    // GLPI's interface does (its API's expand gives the login).
    const expected = async () => {
      await h.driver.switchTo(entityId, false);
      const { body } = await h.driver.request('GET', '/Computer', {
        query: { range: '0-99', sort: 'id', expand_dropdowns: 'true', get_hateoas: 'false' },
      });
      await h.driver.switchTo(0, true);
      const { body: account } = await h.driver.request('GET', `/User/${user!}`);
      const text = (value: unknown) => (typeof value === 'string' && value !== '' ? decodeEntities(value) : null);
      const { realname, firstname } = account as { realname: string; firstname: string };
      return (body as Array<Record<string, unknown>>).map((row) => ({
        name: text(row.name),
        manufacturer: text(row.manufacturers_id),
        model: text(row.computermodels_id),
        state: text(row.states_id),
        location: text(row.locations_id),
        user: `${realname} ${firstname}`,
      }));
    };
    const cached = () =>
      sequelize.query(
        `SELECT name, manufacturer, model, state, location, user_name AS user FROM glpi_assets
       WHERE glpi_entity_id = :entityId AND itemtype = 'Computer' AND deleted_at IS NULL ORDER BY glpi_id`,
        { replacements: { entityId }, type: QueryTypes.SELECT },
      );
    await h.cycle(companyId);
    expect(await cached()).toEqual(await expected());
    expect((await cached())[0]).toMatchObject({ location: `Alger ${tag} > Bureau 12`, user: 'Benali Karim' });

    // Renamed in GLPI: the site's complete name changes below it without its children's date_mod moving.
    await h.driver.update('Manufacturer', [{ id: maker!, name: `Maker ${tag} (renamed)` }]);
    await h.driver.update('Location', [{ id: site!, name: `Oran ${tag}` }]);
    await h.driver.update('User', [{ id: user!, realname: 'Benali-Haddad' }]);
    await h.cycle(companyId);
    expect(await cached()).toEqual(await expected());
    expect((await cached())[0]).toMatchObject({
      manufacturer: `Maker ${tag} (renamed)`,
      location: `Oran ${tag} > Bureau 12`,
      user: 'Benali-Haddad Karim',
    });
  });

  it('moves "data as of" with every successful cycle', async () => {
    const { entityId, companyId } = await h.addClient();
    await h.driver.create('Computer', [{ name: 'FRESH-1', entities_id: entityId }]);
    await h.cycle(companyId);
    const first = (await syncFreshness(companyId)).oldest;
    expect(first).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.cycle(companyId);
    const second = (await syncFreshness(companyId)).oldest;
    expect(second!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it('names tickets in notifications as GLPI shows them, not HTML-encoded', async () => {
    const { entityId, companyId } = await h.addClient();
    await createUser('client', companyId);
    const ticket = await h.driver.createOne('Ticket', { name: 'Imprimante <test> & co', content: '<p>x</p>', entities_id: entityId });
    await h.cycle(companyId);
    await h.cycle(companyId);
    await h.driver.update('Ticket', [{ id: ticket, status: 5 }]);
    await h.cycle(companyId);
    const event = await GlpiSyncEvent.findOne({ where: { companyId, glpiTicketId: ticket } });
    expect(event?.ticketName).toBe('Imprimante <test> & co');
    await notifyPendingSyncEvents({ companyId });
    const notification = await Notification.findOne({ where: { kind: 'glpiTicketSolved' }, order: [['id', 'DESC']] });
    expect(JSON.stringify(notification?.params)).toContain('Imprimante <test> & co');
  });

  it('re-reads nothing on a quiet cycle once the last change is older than the overlap: one request per item type', async () => {
    const { entityId, companyId } = await h.addClient();
    await h.driver.create(
      'Computer',
      names('BULK', 300).map((name) => ({ name, entities_id: entityId })),
    );
    await h.cycle(companyId);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // past overlapSeconds (3 s)
    await h.cycle(companyId);
    const from = h.syncRequests.length;
    const quiet = await h.cycle(companyId);
    const requests = h.syncRequests.slice(from).filter((line) => !/initSession|killSession|changeActiveEntities/.test(line));
    expect(quiet.status).toBe('done');
    if (quiet.status !== 'done') return;
    expect(quiet.pairs.reduce((sum, pair) => sum + pair.items, 0)).toBe(0);
    // One list request per pair (the company's, and the server-wide reads': follow-ups, dropdowns),
    // and the check that the linked entity is still the company's (entity-identity.ts).
    expect(requests.length).toBeLessThanOrEqual(quiet.pairs.length + serverWideItemtypes.length + 1);
    expect(await h.differences(entityId)).toEqual([]);
  });

  it('a computer purged in GLPI leaves the dashboard; a quiet cycle leaves the stored figures as computed', async () => {
    const { entityId, companyId } = await h.addClient();
    const ids = await h.driver.create(
      'Computer',
      names('DASH', 5).map((name) => ({ name, entities_id: entityId })),
    );
    const stored = async () => dashboardSchema.parse(JSON.parse((await redis().get(redisKey('glpi', 'dashboard', companyId))) ?? 'null'));
    await h.cycle(companyId);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // past overlapSeconds (3 s)
    await h.cycle(companyId);
    const settled = await stored();
    expect(settled.assets.total).toBe(5);
    await h.cycle(companyId);
    expect((await stored()).computedAt).toBe(settled.computedAt);
    // A purge leaves no trace in any list GLPI gives: only its count changes (the reconcile finds it).
    await h.driver.purge('Computer', [ids[0]!]);
    expect(await h.glpi.query('SELECT id FROM glpi_computers WHERE id = ?', [ids[0]])).toEqual([]);
    await h.cycle(companyId);
    const after = await stored();
    expect(after.assets.total).toBe(4);
    expect(after.computedAt).not.toBe(settled.computedAt);
  });
});
