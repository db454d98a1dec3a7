import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiUserLink } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { assetDetail } from '../../server/portal/asset-detail';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { syncCompany } from '../../worker/sync/sync-company';
import { perTicketReadLimit } from '../../worker/sync/ticket-items';
import { closeTestResources } from '../support/close-resources';
import { createUser } from '../support/fixtures';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';

/**
 * The assets a ticket is about (GLPI's Item_Ticket), linked by a technician in GLPI (the simulator
 * here; the real GLPI in tests/real-glpi/ticket-items-real-glpi.test.ts), reach the ticket page and
 * the asset page of the ticket's company only, as the caller's ticket scope allows, and leave them
 * when GLPI removes the link. Each ticket is changed once after the cache read it, with a date_mod
 * GLPI stamps at that second: the cached one is older (back-dated before the first sync).
 */
let h: SyncHarness;
let entityId: number;
let otherEntity: number;
let companyId: number;
let otherCompany: number;
const old = '2026-01-05 08:00:00';
const ticketIds = { first: 0, removed: 0, closed: 0 };
let pc = 0;
let monitor = 0;
let foreignPc = 0;
let open: number[] = [];

const ticketsOf = (entity: number) => h.sim.state.rows('Ticket', entity).filter((row) => row.is_deleted === 0);
const assetOf = (itemtype: 'Computer' | 'Monitor', entity: number) =>
  Number(h.sim.state.rows(itemtype, entity).find((row) => row.is_deleted === 0 && row.is_template !== 1)!.id);
const linkId = (ticketId: number, itemtype: string, itemId: number) =>
  Number(
    h.sim.state.rows('Item_Ticket').find((row) => row.tickets_id === ticketId && row.itemtype === itemtype && row.items_id === itemId)!.id,
  );
const assetsOnTicket = async (ticketId: number, company = companyId) =>
  (await ticketConversation(company, ticketId)).assets.map((a) => `${a.itemtype}:${a.glpiId}`);
const ticketsOnAsset = async (scope: { companyId: number; memberUserId: number | null }, glpiId: number) =>
  (await assetDetail(scope, 'computers', glpiId)).tickets.map((t) => t.glpiId);
const cachedLinks = (ticketId: number) =>
  sequelize.query<{ glpi_id: number; deleted: number }>(
    'SELECT glpi_id, deleted_at IS NOT NULL AS deleted FROM glpi_ticket_items WHERE glpi_ticket_id = :ticketId ORDER BY glpi_id',
    { replacements: { ticketId }, type: QueryTypes.SELECT },
  );

beforeAll(async () => {
  h = await startSyncHarness({ sim: { seed: { seed: 16, entities: 2, assets: 30, tickets: 80 } } });
  [entityId, otherEntity] = h.entityIds as [number, number];
  companyId = h.companyOf.get(entityId)!;
  otherCompany = h.companyOf.get(otherEntity)!;
  pc = assetOf('Computer', entityId);
  monitor = assetOf('Monitor', entityId);
  foreignPc = assetOf('Computer', otherEntity);
  open = ticketsOf(entityId)
    .filter((row) => Number(row.status) !== 6)
    .map((row) => Number(row.id));
  expect(open.length).toBeGreaterThan(perTicketReadLimit + 5);
  ticketIds.removed = open.pop()!;
  ticketIds.closed = open.pop()!;
  ticketIds.first = open.pop()!;
  // Links a technician made before the company's first sync; the tickets back-dated afterwards.
  h.sim.state.linkItem(ticketIds.removed, 'Computer', pc);
  h.sim.state.linkItem(ticketIds.closed, 'Computer', pc);
  h.sim.state.linkItem(ticketIds.first, 'Monitor', monitor);
  h.sim.state.setTicketStatus(ticketIds.closed, 6);
  for (const id of Object.values(ticketIds)) h.sim.state.update('Ticket', id, { date_mod: old });
  for (const id of open) h.sim.state.update('Ticket', id, { date_mod: old });
  await h.syncAll();
}, 120_000);

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

describe('assets linked to tickets in GLPI (Item_Ticket)', () => {
  it('brings the links GLPI held at the first sync', async () => {
    expect(await assetsOnTicket(ticketIds.first)).toEqual([`Monitor:${monitor}`]);
    expect(await ticketsOnAsset({ companyId, memberUserId: null }, pc)).toEqual(
      expect.arrayContaining([ticketIds.removed, ticketIds.closed]),
    );
  });

  it('shows a technician’s new link on the ticket page and the asset page, to the ticket’s company only', async () => {
    const ticket = open.pop()!;
    h.sim.state.linkItem(ticket, 'Computer', pc);
    // GLPI lets a technician link an asset of another entity: the client is never shown it.
    h.sim.state.linkItem(ticket, 'Computer', foreignPc);
    h.sim.state.requests.length = 0;
    await h.cycle(companyId);
    // Read with the changed ticket, one request for it.
    expect(h.sim.state.requests.filter((r) => r.path.endsWith(`/Ticket/${ticket}/Item_Ticket`))).toHaveLength(1);
    expect(await assetsOnTicket(ticket)).toEqual([`Computer:${pc}`]);
    expect(await ticketsOnAsset({ companyId, memberUserId: null }, pc)).toContain(ticket);
    // The other company's asset page never lists this company's ticket.
    await h.cycle(otherCompany);
    expect(await ticketsOnAsset({ companyId: otherCompany, memberUserId: null }, foreignPc)).toEqual([]);
    await expect(ticketConversation(otherCompany, ticket)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('drops a link GLPI removed, from both pages', async () => {
    expect(await ticketsOnAsset({ companyId, memberUserId: null }, pc)).toContain(ticketIds.removed);
    h.sim.state.purge('Item_Ticket', linkId(ticketIds.removed, 'Computer', pc));
    await h.cycle(companyId);
    expect(await assetsOnTicket(ticketIds.removed)).toEqual([]);
    expect(await ticketsOnAsset({ companyId, memberUserId: null }, pc)).not.toContain(ticketIds.removed);
    expect(await cachedLinks(ticketIds.removed)).toEqual([expect.objectContaining({ deleted: 1 })]);
  });

  it('finds a link removed from a closed ticket (GLPI keeps its date_mod) at the reconcile', async () => {
    h.sim.state.purge('Item_Ticket', linkId(ticketIds.closed, 'Computer', pc));
    await h.cycle(companyId);
    // The precondition: the incremental read cannot see it, the ticket did not move.
    expect(await assetsOnTicket(ticketIds.closed)).toEqual([`Computer:${pc}`]);
    await syncCompany(h.ctx, { companyId, forceReconcile: true });
    expect(await assetsOnTicket(ticketIds.closed)).toEqual([]);
  });

  it('reads GLPI’s whole list once when more tickets changed than per-ticket reads are worth', async () => {
    const many = open.splice(0, perTicketReadLimit + 2);
    for (const ticket of many) h.sim.state.linkItem(ticket, 'Computer', pc);
    h.sim.state.requests.length = 0;
    await h.cycle(companyId);
    expect(h.sim.state.requests.filter((r) => /\/Ticket\/\d+\/Item_Ticket$/.test(r.path))).toEqual([]);
    expect(h.sim.state.requests.filter((r) => r.path.endsWith('/Item_Ticket')).length).toBeGreaterThan(0);
    expect(await ticketsOnAsset({ companyId, memberUserId: null }, pc)).toEqual(expect.arrayContaining(many));
  });

  it('lists on the asset page only the tickets a member may see', async () => {
    const [mine, notMine] = (await ticketsOnAsset({ companyId, memberUserId: null }, pc)).slice(0, 2) as [number, number];
    const member = await createUser('client', null, 'member');
    await member.update({ companyId });
    await GlpiUserLink.create({ userId: member.id, glpiUserId: 990_000 + (process.pid % 1000), glpiProfileLinkId: null });
    await sequelize.query('INSERT INTO glpi_ticket_actors (glpi_entity_id, ticket_glpi_id, glpi_user_id, actor_type) VALUES (?, ?, ?, 1)', {
      replacements: [entityId, mine, 990_000 + (process.pid % 1000)],
    });
    expect(await ticketsOnAsset({ companyId, memberUserId: member.id }, pc)).toEqual([mine]);
    expect(await ticketsOnAsset({ companyId, memberUserId: null }, pc)).toContain(notMine);
  });
});
