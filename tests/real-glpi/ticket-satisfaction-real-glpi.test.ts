import { describe, expect, it } from 'vitest';
import { GlpiOutboxEntry } from '../../server/db/models';
import { queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { answerFromPortal } from '../../server/portal/ticket-satisfaction';
import { realGlpiTickets } from '../support/real-glpi-tickets';

/**
 * A client's satisfaction answer written to a real GLPI 10.0.12's survey of the ticket
 * (TicketSatisfaction): created as GLPI's inquest cron does when the entity has no survey of its
 * own, answered by the requester's own account (GLPI lets no one else, not even a Super-Admin), so
 * GLPI stamps the answer's date itself. The update is addressed by the TICKET's id: GLPI finds a
 * survey by tickets_id, and answers a PUT by the survey's own id with ERROR_GLPI_UPDATE and no
 * message. GLPI's database is the oracle.
 */
const world = realGlpiTickets();

const surveys = (ticketId: number) =>
  world.h.glpi.query<{
    type: number;
    satisfaction: number | null;
    comment: string | null;
    date_begin: string | null;
    date_answered: string | null;
  }>('SELECT type, satisfaction, comment, date_begin, date_answered FROM glpi_ticketsatisfactions WHERE tickets_id = ?', [ticketId]);

describe('satisfaction against a real GLPI', () => {
  it('answers the ticket’s survey as its requester: creates it when GLPI has none, updates the one GLPI’s cron made, once', async () => {
    const { company, user } = await world.provisionedClient();
    const opened = async (title: string) => {
      const entry = await queueTicket({ companyId: company.id, userId: user.id, title, content: 'Bonjour.', urgency: 3, type: 'incident' });
      const ticketId = (await world.deliver(entry.id))!;
      await world.h.driver.switchTo(0, true);
      await world.h.driver.createOne('ITILSolution', { itemtype: 'Ticket', items_id: ticketId, content: 'Réglé.' });
      return ticketId;
    };
    const first = await opened('Imprimante');
    const second = await opened('Messagerie');
    // GLPI's inquest cron opened the second one's survey already.
    await world.h.driver.createOne('TicketSatisfaction', { tickets_id: second, type: 1, date_begin: '2026-12-01 08:00:00' });
    await world.h.cycle(company.id);

    const { ticketId } = await answerFromPortal(company.id, user.id, first, { rating: 4, comment: 'Rapide & efficace <merci>' });
    const [entry] = await GlpiOutboxEntry.findAll({ where: { companyId: company.id, kind: 'satisfaction', glpiTicketId: ticketId } });
    await world.deliver(entry!.id);
    // Delivered once: a replay sends nothing.
    expect(await world.deliver(entry!.id)).toBeNull();
    const [created] = await surveys(first);
    expect(created).toMatchObject({ type: 1, satisfaction: 4 });
    expect(created!.comment).toContain('Rapide');
    expect(created!.date_begin).not.toBeNull();
    expect(created!.date_answered).not.toBeNull();

    await answerFromPortal(company.id, user.id, second, { rating: 2, comment: '' });
    const [answer] = await GlpiOutboxEntry.findAll({ where: { companyId: company.id, kind: 'satisfaction', glpiTicketId: second } });
    await world.deliver(answer!.id);
    const rows = await surveys(second);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ satisfaction: 2 });
    expect(String(rows[0]!.date_begin)).toContain('2026-12-01');
    expect(rows[0]!.date_answered).not.toBeNull();
  }, 240_000);
});
