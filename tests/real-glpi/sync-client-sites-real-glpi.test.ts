import { describe, expect, it } from 'vitest';
import { queueReply } from '../../server/glpi-outbox/queue-outbox';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { clientSitesChecks } from '../support/client-sites-checks';
import { realGlpiTickets } from '../support/real-glpi-tickets';

/** Sub-entities of a client's entity on a real GLPI 10.0.12 (the same checks as on the simulator, and a reply). */
const world = realGlpiTickets();

describe("a client's sites, on a real GLPI", { timeout: 120_000 }, () => {
  clientSitesChecks(() => ({
    driver: world.h.driver,
    parentEntityId: world.h.parentEntityId,
    cycle: (companyId) => world.h.cycle(companyId),
  }));

  it('a client answers a ticket a technician filed under one of its sites: the answer reaches GLPI and the conversation', async () => {
    const { company, user, entityId } = await world.provisionedClient('manager');
    const { driver } = world.h;
    await driver.switchTo(0, true);
    const site = await driver.createOne('Entity', { name: `Site Blida ${company.id}`, entities_id: entityId });
    await driver.switchTo(0, true);
    const ticketId = await driver.createOne('Ticket', { name: 'Onduleur en alarme', content: '<p>Bip continu</p>', entities_id: site });
    await world.h.cycle(company.id);

    const reply = await queueReply({ companyId: company.id, userId: user.id, glpiTicketId: ticketId, content: 'Il bipe encore ce matin.' });
    expect(await world.deliver(reply.id)).toBeGreaterThan(0);

    // GLPI's own database: the answer is on the site's ticket.
    const followups = await world.h.glpi.query<{ content: string }>(
      "SELECT content FROM glpi_itilfollowups WHERE itemtype = 'Ticket' AND items_id = ?",
      [ticketId],
    );
    expect(followups.map((row) => row.content).join(' ')).toContain('Il bipe encore ce matin.');
    await world.h.cycle(company.id);
    const conversation = await ticketConversation(company.id, ticketId);
    expect(conversation.followups.map((followup) => followup.html).join(' ')).toContain('Il bipe encore ce matin.');
    expect(conversation.waitingReplies).toEqual([]);
  });
});
