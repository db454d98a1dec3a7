import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiCompanyLink, type Company, type User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { queueReply, queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { listTickets } from '../../server/portal/list-tickets';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { setGlpiPool } from '../../worker/glpi-runtime';
import { startHarness, type Harness } from '../../worker/glpi/glpi-test-support';
import { deliverOutboxEntry } from '../../worker/jobs/deliver-outbox';
import { provisionCompany } from '../../worker/provisioning/provision-company';
import { defaultSyncOptions } from '../../worker/sync/sync-context';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { forgetEarlierSimulators } from '../support/sync-harness';
import { insertAsset, subscribe } from './portal-support';

/**
 * What a client sees of their own writes: a ticket or a reply is listed the moment it is written
 * (from the outbox, marked as being sent), and once delivered it is read back from GLPI at once
 * (write-through) and shown from the cache — never twice, never gone in between.
 */
let h: Harness;
let company: Company;
let user: User;
// The simulator stamps its dates in UTC.
const syncOptions = { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 };

beforeAll(async () => {
  await seedCatalog();
  await forgetEarlierSimulators();
  h = await startHarness({ sim: { seed: { seed: 9, entities: 1, assets: 5, tickets: 2 } }, config: { retries: 0 } });
  setGlpiPool(h.pool);
  company = await createCompany();
  user = await createUser('client', company.id);
  await subscribe(company.id, 'full', 20);
  await provisionCompany({ companyId: company.id }, { parentEntityId: 1, clientProfileId: 1 });
});

afterAll(async () => {
  setGlpiPool(null);
  await h.close();
  await closeTestResources();
});

const occurrences = (list: Awaited<ReturnType<typeof listTickets>>, title: string) =>
  list.tickets.filter((ticket) => ticket.name === title).length + list.waiting.filter((ticket) => ticket.title === title).length;

describe("a client's own ticket and reply", () => {
  it('are listed at once as being sent, then as GLPI has them right after delivery, exactly once all along', async () => {
    const title = 'Imprimante du 2e étage';
    // The printer it is about, in GLPI and in the cache (as a sync cycle would have brought it).
    const entityId = (await GlpiCompanyLink.findByPk(company.id))!.glpiEntityId!;
    const printer = h.sim.state.addItem('Printer', { name: 'IMP-ETAGE-2', entities_id: entityId }).id;
    await insertAsset({ companyId: company.id, entityId }, { itemtype: 'Printer', glpiId: printer, name: 'IMP-ETAGE-2' });
    const entry = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title,
      content: 'Bourrage papier.',
      urgency: 3,
      type: 'incident',
      asset: { itemtype: 'Printer', glpiId: printer },
    });
    const before = await listTickets({ companyId: company.id, memberUserId: null }, {});
    expect(before.waiting).toMatchObject([{ outboxId: entry.id, title, state: 'pending', glpiTicketId: null }]);
    expect(occurrences(before, title)).toBe(1);

    const glpiId = (await deliverOutboxEntry(entry.id, { pool: () => h.pool, syncOptions }))!;
    // No sync cycle ran: the row below comes from reading the ticket back right after delivery.
    const after = await listTickets({ companyId: company.id, memberUserId: null }, {});
    expect(after.tickets.find((ticket) => ticket.name === title)).toMatchObject({ glpiId, status: 1 });
    expect(after.waiting).toEqual([]);
    expect(occurrences(after, title)).toBe(1);
    // Its asset, from GLPI's own link (Item_Ticket) read back with it, not from the outbox's choice.
    expect(
      await sequelize.query('SELECT itemtype, items_id FROM glpi_ticket_items WHERE glpi_ticket_id = ? AND deleted_at IS NULL', {
        replacements: [glpiId],
        type: QueryTypes.SELECT,
      }),
    ).toEqual([{ itemtype: 'Printer', items_id: printer }]);
    expect((await ticketConversation(company.id, glpiId)).assets).toEqual([
      { itemtype: 'Printer', slug: 'printers', glpiId: printer, name: 'IMP-ETAGE-2' },
    ]);

    const reply = await queueReply({ companyId: company.id, userId: user.id, glpiTicketId: glpiId, content: 'Toujours bloquée.' });
    const pending = await ticketConversation(company.id, glpiId);
    expect(pending.waitingReplies).toMatchObject([{ outboxId: reply.id, state: 'pending' }]);
    expect(pending.followups).toEqual([]);

    const followupId = (await deliverOutboxEntry(reply.id, { pool: () => h.pool, syncOptions }))!;
    const answered = await ticketConversation(company.id, glpiId);
    expect(answered.waitingReplies).toEqual([]);
    expect(answered.followups.map((followup) => followup.glpiId)).toEqual([followupId]);
    expect(answered.followups[0]).toMatchObject({ fromSupport: false });
  });
});
