import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequelize } from '../../server/db/sequelize';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { closeTestResources } from '../support/close-resources';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';

/**
 * Technicians' solutions reach the portal through the server-wide read of ITILSolution (the
 * simulator here; the real GLPI in tests/real-glpi/ticket-solutions-real-glpi.test.ts), shown only
 * through the company's own ticket.
 */
let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ sim: { seed: { seed: 16, entities: 2, assets: 10, tickets: 30 } }, options: { glpiUtcOffsetMinutes: 0 } });
  await h.syncAll();
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

const cachedTickets = (companyId: number, status: number) =>
  sequelize.query<{ id: number }>(
    'SELECT glpi_id AS id FROM glpi_tickets WHERE company_id = :companyId AND status = :status AND deleted_at IS NULL ORDER BY glpi_id',
    { replacements: { companyId, status }, type: QueryTypes.SELECT },
  );

describe('solutions in the portal', () => {
  it('shows a solved ticket’s solution waiting for the client, a closed one’s accepted, and a new one as soon as the sync reads it', async () => {
    const [entityId, otherEntity] = h.entityIds as [number, number];
    const companyId = h.companyOf.get(entityId)!;
    const other = h.companyOf.get(otherEntity)!;
    const [solved] = await cachedTickets(companyId, 5);
    const [closed] = await cachedTickets(companyId, 6);
    expect(solved && closed).toBeTruthy();
    const solvedPage = await ticketConversation(companyId, Number(solved!.id));
    expect(solvedPage.solutions.map((s) => s.state)).toEqual(['waiting']);
    expect(solvedPage.canDecide).toBe(true);
    const closedPage = await ticketConversation(companyId, Number(closed!.id));
    expect(closedPage.solutions.map((s) => s.state)).toEqual(['accepted']);
    expect(closedPage.canDecide).toBe(false);

    const [open] = await cachedTickets(companyId, 2);
    h.sim.state.addItem('ITILSolution', {
      itemtype: 'Ticket',
      items_id: Number(open!.id),
      content: '<p>Poste <b>redémarré</b>.</p><script>alert(1)</script>',
    });
    // The solution moves the ticket's date_mod in the same second: wait for the next one so the read sees both.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await h.cycle(companyId);
    const page = await ticketConversation(companyId, Number(open!.id));
    expect(page.status).toBe(5);
    expect(page.solutions).toMatchObject([{ state: 'waiting' }]);
    expect(page.solutions[0]!.html).toContain('<b>redémarré</b>');
    expect(page.solutions[0]!.html).not.toContain('script');
    expect(page.canDecide).toBe(true);
    await expect(ticketConversation(other, Number(open!.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
