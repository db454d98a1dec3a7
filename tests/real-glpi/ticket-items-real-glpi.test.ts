import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequelize } from '../../server/db/sequelize';
import { assetDetail } from '../../server/portal/asset-detail';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { syncCompany } from '../../worker/sync/sync-company';
import { closeTestResources } from '../support/close-resources';
import { startRealSyncHarness, type RealSyncHarness } from '../support/real-sync-harness';
import { waitFor } from '../support/wait-for';

/**
 * Item_Ticket against a real GLPI 10.0.12: the facts the sync's strategy rests on
 * (docs/decisions/181-ticket-items-synced.md), then a technician's links reaching the portal and
 * leaving it. GLPI's database is the oracle and the back-dating tool (a ticket the cache read is
 * set to an older date_mod, so that GLPI's stamp of the next change cannot fall in the same second).
 */
let h: RealSyncHarness;

beforeAll(async () => {
  h = await startRealSyncHarness();
}, 300_000);

afterAll(async () => {
  await h?.close();
  await closeTestResources();
});

const dateMod = async (ticketId: number) =>
  (
    await h.glpi.query<{ d: string }>("SELECT DATE_FORMAT(date_mod, '%Y-%m-%d %H:%i:%s') AS d FROM glpi_tickets WHERE id = ?", [ticketId])
  )[0]!.d;
/**
 * GLPI's date_mod counts whole seconds: a technician's change made in the very second the sync last read the
 * ticket leaves it as read (decision 181's known limit, repaired by the reconcile). The scenario's next change
 * is made in a later second than every read before it, on the machine's one clock that GLPI also reads.
 */
const inALaterSecond = async () => {
  const second = Math.floor(Date.now() / 1000);
  await waitFor(async () => Math.floor(Date.now() / 1000) > second, { intervalMs: 20, what: 'the next second' });
};
const backDate = (ticketId: number) => h.glpi.query("UPDATE glpi_tickets SET date_mod = '2026-01-05 08:00:00' WHERE id = ?", [ticketId]);
const linksIn = async (ticketId: number) =>
  (await h.glpi.query<{ id: number }>('SELECT id FROM glpi_items_tickets WHERE tickets_id = ? ORDER BY id', [ticketId])).map((r) => r.id);
const cached = (ticketId: number) =>
  sequelize.query<{ glpi_id: number; itemtype: string; items_id: number }>(
    'SELECT glpi_id, itemtype, items_id FROM glpi_ticket_items WHERE glpi_ticket_id = :ticketId AND deleted_at IS NULL ORDER BY glpi_id',
    { replacements: { ticketId }, type: QueryTypes.SELECT },
  );

describe('Item_Ticket on a real GLPI', () => {
  it('lists every link whatever the active entity, by id only; a link added or removed moves an open ticket’s date_mod, never a closed one’s', async () => {
    const a = await h.addClient();
    const b = await h.addClient();
    const pc = await h.driver.createOne('Computer', { name: 'FACT-PC', entities_id: a.entityId });
    const ticket = await h.driver.createOne('Ticket', { name: 'Faits', content: 'x', entities_id: a.entityId });
    await backDate(ticket);
    const link = await h.driver.createOne('Item_Ticket', { tickets_id: ticket, itemtype: 'Computer', items_id: pc });
    expect(await dateMod(ticket)).not.toBe('2026-01-05 08:00:00');

    // Switched to another client's entity, the list still holds it; it has no date_mod to sort by.
    await h.driver.switchTo(b.entityId, false);
    const listed = (await h.driver.request('GET', '/Item_Ticket', { query: { range: '0-9999', sort: 'id', get_hateoas: 'false' } }))
      .body as Array<{ id: number }>;
    expect(listed.map((row) => row.id)).toContain(link);
    await expect(h.driver.request('GET', '/Item_Ticket', { query: { sort: 'date_mod', range: '0-0' } })).rejects.toThrow(
      /sort param is not a field/,
    );
    // A ticket of an entity the session is not in: 403, not its links.
    await expect(h.driver.request('GET', `/Ticket/${ticket}/Item_Ticket`)).rejects.toThrow(/403/);
    await h.driver.switchTo(0, true);

    await backDate(ticket);
    await h.driver.purge('Item_Ticket', [link]);
    expect(await dateMod(ticket)).not.toBe('2026-01-05 08:00:00');

    // Closed: no new link; removing one leaves the ticket's date_mod alone.
    const kept = await h.driver.createOne('Item_Ticket', { tickets_id: ticket, itemtype: 'Computer', items_id: pc });
    await h.glpi.query("UPDATE glpi_tickets SET status = 6, date_mod = '2026-01-05 08:00:00' WHERE id = ?", [ticket]);
    await expect(h.driver.createOne('Item_Ticket', { tickets_id: ticket, itemtype: 'Monitor', items_id: 1 })).rejects.toThrow(
      /ERROR_GLPI_ADD/,
    );
    await h.driver.purge('Item_Ticket', [kept]);
    expect(await linksIn(ticket)).toEqual([]);
    expect(await dateMod(ticket)).toBe('2026-01-05 08:00:00');
  }, 120_000);

  it('brings a technician’s links to the ticket page and the asset page, and takes removed ones away', async () => {
    const client = await h.addClient();
    const other = await h.addClient();
    const [pc, printer] = [
      await h.driver.createOne('Computer', { name: `PC-ACCUEIL-${client.companyId}`, entities_id: client.entityId }),
      await h.driver.createOne('Printer', { name: `IMP-ACCUEIL-${client.companyId}`, entities_id: client.entityId }),
    ];
    const foreign = await h.driver.createOne('Computer', { name: `PC-AUTRE-${other.companyId}`, entities_id: other.entityId });
    const early = await h.driver.createOne('Ticket', { name: 'Avant la première synchro', content: 'x', entities_id: client.entityId });
    const ticket = await h.driver.createOne('Ticket', { name: 'Écran noir', content: 'x', entities_id: client.entityId });
    const earlyLink = await h.driver.createOne('Item_Ticket', { tickets_id: early, itemtype: 'Computer', items_id: pc });
    await h.cycle(client.companyId);
    await h.cycle(other.companyId);
    // At the first sync, from GLPI's whole list.
    expect(await cached(early)).toEqual([{ glpi_id: earlyLink, itemtype: 'Computer', items_id: pc }]);

    // A technician links the ticket to two assets of the client and one of another entity.
    await inALaterSecond();
    await backDate(ticket);
    const links = [
      await h.driver.createOne('Item_Ticket', { tickets_id: ticket, itemtype: 'Computer', items_id: pc }),
      await h.driver.createOne('Item_Ticket', { tickets_id: ticket, itemtype: 'Printer', items_id: printer }),
      await h.driver.createOne('Item_Ticket', { tickets_id: ticket, itemtype: 'Computer', items_id: foreign }),
    ];
    const from = h.syncRequests.length;
    await h.cycle(client.companyId);
    expect(h.syncRequests.slice(from).filter((r) => r.includes(`/Ticket/${ticket}/Item_Ticket`))).toHaveLength(1);
    expect((await cached(ticket)).map((row) => row.glpi_id)).toEqual(links);
    expect((await ticketConversation(client.companyId, ticket)).assets.map((a) => `${a.itemtype}:${a.glpiId}`)).toEqual([
      `Computer:${pc}`,
      `Printer:${printer}`,
    ]);
    const manager = { companyId: client.companyId, memberUserId: null };
    expect((await assetDetail(manager, 'computers', pc)).tickets.map((t) => t.glpiId).sort()).toEqual([early, ticket].sort());
    expect((await assetDetail({ companyId: other.companyId, memberUserId: null }, 'computers', foreign)).tickets).toEqual([]);

    // The technician removes the printer.
    await inALaterSecond();
    await backDate(ticket);
    await h.driver.purge('Item_Ticket', [links[1]!]);
    await h.cycle(client.companyId);
    expect((await ticketConversation(client.companyId, ticket)).assets.map((a) => a.itemtype)).toEqual(['Computer']);
    expect((await assetDetail(manager, 'printers', printer)).tickets).toEqual([]);

    // Closed, then a link removed (its date_mod stays): the reconcile finds it.
    await h.glpi.query('UPDATE glpi_tickets SET status = 6 WHERE id = ?', [early]);
    await h.driver.purge('Item_Ticket', [earlyLink]);
    await syncCompany(h.ctx, { companyId: client.companyId, forceReconcile: true });
    expect(await cached(early)).toEqual([]);
    expect(await h.differences(client.entityId)).toEqual([]);
  }, 180_000);
});
