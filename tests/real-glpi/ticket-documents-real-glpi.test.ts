import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { sequelize } from '../../server/db/sequelize';
import { queueDocument, queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { storeTicketAttachment } from '../../server/portal/ticket-attachment';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { ticketFile } from '../../server/portal/ticket-documents';
import type { GlpiClient } from '../../worker/glpi/glpi-client';
import { realGlpiTickets } from '../support/real-glpi-tickets';

/**
 * Files technicians attach in a real GLPI 10.0.12 reach the portal: GLPI 10.0.12 has no privacy
 * flag on a Document or its Document_Item; a file is private when the follow-up it hangs on is
 * (CommonITILObject::getAssociatedDocumentsCriteria). GLPI's database is the oracle of what exists.
 */
const world = realGlpiTickets();

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A technician's upload as GLPI's interface makes it: in the ticket's entity, on the ticket or on a follow-up. */
async function upload(
  client: GlpiClient,
  target: { itemtype: 'Ticket' | 'ITILFollowup'; id: number },
  fileName: string,
  mime: string,
  bytes: Uint8Array,
) {
  const form = new FormData();
  form.append('uploadManifest', JSON.stringify({ input: { _filename: [fileName], itemtype: target.itemtype, items_id: target.id } }));
  form.append('filename[0]', new Blob([new Uint8Array(bytes)], { type: mime }), fileName);
  const response = await client.session.request({ method: 'POST', path: '/Document', form });
  return (response.body as { id: number }).id;
}

const cached = async (documentId: number) =>
  (
    await sequelize.query<{ glpi_id: number; storage_name: string | null; outbox_key: string | null }>(
      'SELECT glpi_id, storage_name, outbox_key FROM glpi_ticket_documents WHERE glpi_document_id = :documentId',
      { replacements: { documentId }, type: QueryTypes.SELECT },
    )
  )[0];

describe('technicians’ documents against a real GLPI', () => {
  it('syncs and serves the files of a ticket and its public follow-ups, never a private follow-up’s, to the company only', async () => {
    const client = await world.h.addClient();
    const other = await world.h.addClient();
    const ticketId = await world.h.driver.createOne('Ticket', { name: 'Imprimante', content: 'Bourrage.', entities_id: client.entityId });
    await world.h.driver.switchTo(0, true);
    const { onTicket, onPublic, onPrivate, publicId } = await world.h.ctx.pool.withEntity(client.entityId, async (glpi) => {
      const publicAnswer = await glpi.addFollowup(ticketId, 'Voici le rapport.');
      const note = await glpi.addFollowup(ticketId, 'Note interne.', { isPrivate: true });
      return {
        publicId: publicAnswer.id,
        onTicket: await upload(glpi, { itemtype: 'Ticket', id: ticketId }, 'rapport.pdf', 'application/pdf', pdf),
        onPublic: await upload(glpi, { itemtype: 'ITILFollowup', id: publicAnswer.id }, 'capture.png', 'image/png', png),
        onPrivate: await upload(glpi, { itemtype: 'ITILFollowup', id: note.id }, 'interne.png', 'image/png', png),
      };
    });
    // The oracle: GLPI holds three links, none of them marked private (there is no such column).
    const links = await world.h.glpi.query<{ documents_id: number; itemtype: string }>(
      'SELECT documents_id, itemtype FROM glpi_documents_items WHERE documents_id IN (?, ?, ?) ORDER BY documents_id',
      [onTicket, onPublic, onPrivate],
    );
    expect(links.map((link) => link.itemtype)).toEqual(['Ticket', 'ITILFollowup', 'ITILFollowup']);
    await world.h.cycle(client.companyId);
    await world.h.cycle(client.companyId);

    expect((await cached(onTicket))?.storage_name).toBeTruthy();
    expect((await cached(onPublic))?.storage_name).toBeTruthy();
    expect((await cached(onPrivate))?.storage_name ?? null).toBeNull();
    const page = await ticketConversation(client.companyId, ticketId);
    expect(page.files.map((file) => [file.fileName, file.on.itemtype, file.ready])).toEqual([
      ['rapport.pdf', 'Ticket', true],
      ['capture.png', 'ITILFollowup', true],
    ]);
    expect(page.files[1]!.on.id).toBe(publicId);
    const served = await ticketFile(client.companyId, { glpiTicketId: ticketId }, `g${(await cached(onPublic))!.glpi_id}`);
    expect(Buffer.from(served.bytes).equals(png)).toBe(true);
    await expect(ticketFile(client.companyId, { glpiTicketId: ticketId }, `g${(await cached(onPrivate))!.glpi_id}`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(ticketFile(other.companyId, { glpiTicketId: ticketId }, `g${(await cached(onTicket))!.glpi_id}`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  }, 240_000);

  it('shows the client’s own upload once: from the outbox, its copy synced back from GLPI neither listed nor downloaded', async () => {
    const { company, user } = await world.provisionedClient();
    const ticket = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Écran noir',
      content: 'Voir la capture.',
      urgency: 3,
      type: 'incident',
    });
    const stored = await storeTicketAttachment('capture.png', png);
    const attachment = await queueDocument({ companyId: company.id, userId: user.id, outboxTicketId: ticket.id, ...stored });
    const ticketId = (await world.deliver(ticket.id))!;
    const documentId = (await world.deliver(attachment.id))!;
    await world.h.cycle(company.id);

    expect(await cached(documentId)).toMatchObject({ outbox_key: attachment.idempotencyKey, storage_name: null });
    const page = await ticketConversation(company.id, ticketId);
    expect(page.files.map((file) => [file.ref, file.fileName, file.state])).toEqual([[`o${attachment.id}`, 'capture.png', 'delivered']]);
  }, 240_000);
});
