import { describe, expect, it } from 'vitest';
import { GlpiOutboxEntry } from '../../server/db/models';
import { queueDocument, queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { storeTicketAttachment } from '../../server/portal/ticket-attachment';
import { realGlpiTickets } from '../support/real-glpi-tickets';

/**
 * A client's attachment against a real GLPI 10.0.12: uploaded as a Document by the client's own
 * GLPI user, linked to the ticket, not uploaded twice when the worker dies after GLPI accepted it.
 * GLPI's database and its own download are the oracle.
 */
const world = realGlpiTickets();

// The smallest PNG (1×1 transparent pixel): a real image, as file-type judges by content.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('ticket attachments against a real GLPI', () => {
  it('delivers an attachment as a Document linked to the ticket, written by the client, once even after a crash', async () => {
    const { company, user, glpiUserId } = await world.provisionedClient();

    const ticket = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Écran noir',
      content: 'Voir la capture.',
      urgency: 3,
      type: 'incident',
    });
    const stored = await storeTicketAttachment('C:\\captures\\écran.png', png);
    expect(stored).toMatchObject({ fileName: 'écran.png', mime: 'image/png' });
    // Queued before GLPI numbered the ticket: it waits for it.
    const attachment = await queueDocument({ companyId: company.id, userId: user.id, outboxTicketId: ticket.id, ...stored });
    const ticketId = (await world.deliver(ticket.id))!;

    // The worker dies after GLPI accepted the upload: the retry finds it instead of uploading again.
    await expect(
      world.deliver(attachment.id, {
        afterGlpiWrite: () => {
          throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    await GlpiOutboxEntry.update({ state: 'pending' }, { where: { id: attachment.id } });
    const documentId = await world.deliver(attachment.id);

    const links = await world.h.glpi.query<{ documents_id: number }>(
      "SELECT documents_id FROM glpi_documents_items WHERE itemtype = 'Ticket' AND items_id = ?",
      [ticketId],
    );
    expect(links).toEqual([{ documents_id: documentId }]);
    const [document] = await world.h.glpi.query<{ filename: string; mime: string; users_id: number; sha1sum: string }>(
      'SELECT filename, mime, users_id, sha1sum FROM glpi_documents WHERE id = ?',
      [documentId],
    );
    expect(document).toMatchObject({ filename: 'écran.png', mime: 'image/png', users_id: glpiUserId });
    const { createHash } = await import('node:crypto');
    expect(document!.sha1sum).toBe(createHash('sha1').update(png).digest('hex'));

    // GLPI serves the same bytes back (what the other direction downloads).
    const bytes = await world.options.pool!().withEntity(0, (client) => client.downloadDocument(documentId!), { recursive: true });
    expect(Buffer.from(bytes).equals(png)).toBe(true);
  }, 180_000);
});
