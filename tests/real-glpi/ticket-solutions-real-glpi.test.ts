import { describe, expect, it } from 'vitest';
import { GlpiCompanyLink } from '../../server/db/models';
import { queueApproval, queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { ticketCategories } from '../../server/portal/ticket-choices';
import { realGlpiTickets } from '../support/real-glpi-tickets';

/**
 * What a client writes about a ticket beyond its text, against a real GLPI 10.0.12: the category
 * and the asset chosen at creation, and the answer to a technician's solution, written as GLPI's
 * own approval form does. GLPI's database is the oracle, never the code under test.
 */
const world = realGlpiTickets();

const ticketRow = async (id: number) =>
  (
    await world.h.glpi.query<{ status: number; itilcategories_id: number }>(
      'SELECT status, itilcategories_id FROM glpi_tickets WHERE id = ?',
      [id],
    )
  )[0];
const solutionRows = async (ticketId: number) =>
  world.h.glpi.query<{ id: number; status: number; users_id_approval: number }>(
    "SELECT id, status, users_id_approval FROM glpi_itilsolutions WHERE itemtype = 'Ticket' AND items_id = ? ORDER BY id",
    [ticketId],
  );

describe('tickets against a real GLPI: category, asset, solutions', () => {
  it('opens a ticket with the chosen category and asset linked (Item_Ticket), then approves and refuses solutions as GLPI’s own form does', async () => {
    const client = await world.provisionedClient();
    const other = await world.provisionedClient();
    // Entities created by provisioning's sessions: this one sees them once it switches again (GLPI-API.md).
    await world.h.driver.switchTo(0, true);
    const category = await world.h.driver.createOne('ITILCategory', {
      name: `Imprimantes ${client.company.id}`,
      entities_id: client.entityId,
      is_helpdeskvisible: 1,
    });
    const hidden = await world.h.driver.createOne('ITILCategory', {
      name: `Interne ${client.company.id}`,
      entities_id: client.entityId,
      is_helpdeskvisible: 0,
    });
    const foreign = await world.h.driver.createOne('ITILCategory', {
      name: `Autre ${other.company.id}`,
      entities_id: other.entityId,
      is_helpdeskvisible: 1,
    });
    const computer = await world.h.driver.createOne('Computer', { name: `PC-COMPTA-${client.company.id}`, entities_id: client.entityId });
    const foreignComputer = await world.h.driver.createOne('Computer', {
      name: `PC-AUTRE-${other.company.id}`,
      entities_id: other.entityId,
    });
    await world.h.driver.switchTo(0, true);
    await world.h.cycle(client.company.id);
    await world.h.cycle(other.company.id);

    // Only what GLPI shows this client's self-service is offered.
    const offered = (await ticketCategories(client.company.id)).map((c) => c.id);
    expect(offered).toContain(category);
    expect(offered).not.toContain(hidden);
    expect(offered).not.toContain(foreign);
    const base = {
      companyId: client.company.id,
      userId: client.user.id,
      title: 'Imprimante bloquée',
      content: 'Bourrage papier.',
      urgency: 3,
      type: 'incident' as const,
    };
    await expect(queueTicket({ ...base, categoryId: foreign })).rejects.toMatchObject({ field: 'categoryId' });
    await expect(queueTicket({ ...base, asset: { itemtype: 'Computer', glpiId: foreignComputer } })).rejects.toMatchObject({
      field: 'asset',
    });

    const entry = await queueTicket({ ...base, categoryId: category, asset: { itemtype: 'Computer', glpiId: computer } });
    const ticketId = (await world.deliver(entry.id))!;
    expect(await ticketRow(ticketId)).toMatchObject({ itilcategories_id: category });
    expect(await world.h.glpi.query('SELECT itemtype, items_id FROM glpi_items_tickets WHERE tickets_id = ?', [ticketId])).toEqual([
      { itemtype: 'Computer', items_id: computer },
    ]);

    // A technician solves it; the sync brings the solution, which waits for the client.
    await world.h.driver.createOne('ITILSolution', { itemtype: 'Ticket', items_id: ticketId, content: 'Rouleau remplacé.' });
    await world.h.cycle(client.company.id);
    let page = await ticketConversation(client.company.id, ticketId);
    expect(page.status).toBe(5);
    expect(page.solutions.map((s) => s.state)).toEqual(['waiting']);
    expect(page.solutions[0]!.html).toContain('Rouleau remplacé.');
    expect(page.canDecide).toBe(true);
    // Another company never reaches it.
    await expect(ticketConversation(other.company.id, ticketId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      queueApproval({ companyId: other.company.id, userId: other.user.id, glpiTicketId: ticketId, decision: 'approve', content: '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Refused with a reason: back to processing, the solution refused by the client's own GLPI user.
    const refusal = await queueApproval({
      companyId: client.company.id,
      userId: client.user.id,
      glpiTicketId: ticketId,
      decision: 'refuse',
      content: 'Toujours bloquée.',
    });
    await expect(
      queueApproval({ companyId: client.company.id, userId: client.user.id, glpiTicketId: ticketId, decision: 'approve', content: '' }),
    ).rejects.toMatchObject({ message: 'errors.approvalWaiting' });
    await world.deliver(refusal.id);
    expect((await ticketRow(ticketId))!.status).toBeLessThan(5);
    expect(await solutionRows(ticketId)).toEqual([expect.objectContaining({ status: 4, users_id_approval: client.glpiUserId })]);
    page = await ticketConversation(client.company.id, ticketId);
    expect(page.solutions.map((s) => s.state)).toEqual(['refused']);
    expect(page.canDecide).toBe(false);
    await expect(
      queueApproval({ companyId: client.company.id, userId: client.user.id, glpiTicketId: ticketId, decision: 'approve', content: '' }),
    ).rejects.toMatchObject({ message: 'errors.ticketNotSolved' });

    // Solved again, approved: closed, the last solution accepted.
    await world.h.driver.createOne('ITILSolution', { itemtype: 'Ticket', items_id: ticketId, content: 'Tambour changé.' });
    await world.h.cycle(client.company.id);
    const approval = await queueApproval({
      companyId: client.company.id,
      userId: client.user.id,
      glpiTicketId: ticketId,
      decision: 'approve',
      content: '',
    });
    await world.deliver(approval.id);
    // Delivered once: a replay sends nothing.
    expect(await world.deliver(approval.id)).toBeNull();
    expect((await ticketRow(ticketId))!.status).toBe(6);
    expect((await solutionRows(ticketId)).map((s) => [s.status, s.users_id_approval])).toEqual([
      [4, client.glpiUserId],
      [3, client.glpiUserId],
    ]);
    page = await ticketConversation(client.company.id, ticketId);
    expect(page.status).toBe(6);
    expect(page.solutions.map((s) => s.state)).toEqual(['refused', 'accepted']);
    expect(await GlpiCompanyLink.findByPk(client.company.id)).toMatchObject({ provisioningState: 'done' });
  }, 240_000);
});
