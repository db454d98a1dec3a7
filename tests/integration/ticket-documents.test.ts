import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { Company } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { ticketConversation } from '../../server/portal/ticket-conversation';
import { ticketFile } from '../../server/portal/ticket-documents';
import { closeTestResources } from '../support/close-resources';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { tinyPng } from './billing-support';
import { expectRefused, subscribedClient } from './portal-support';

/**
 * Files technicians attach in GLPI reach the portal through the server-wide read of Document_Item
 * (the simulator here; the real GLPI in tests/real-glpi/ticket-documents-real-glpi.test.ts): the
 * worker fetches the visible ones, the web serves them from its own storage, to the ticket's
 * company only, and never a file of a private follow-up.
 */
let h: SyncHarness;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  await seedCatalog();
  h = await startSyncHarness({ sim: { seed: { seed: 21, entities: 2, assets: 5, tickets: 20 } }, options: { glpiUtcOffsetMinutes: 0 } });
  await h.syncAll();
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

const openTicketOf = async (companyId: number) => {
  const [row] = await sequelize.query<{ id: number }>(
    'SELECT glpi_id AS id FROM glpi_tickets WHERE company_id = :companyId AND status IN (1, 2, 3, 4) AND deleted_at IS NULL ORDER BY glpi_id LIMIT 1',
    { replacements: { companyId }, type: QueryTypes.SELECT },
  );
  return Number(row!.id);
};
const linkOf = async (documentId: number) => {
  const [row] = await sequelize.query<{ glpi_id: number; storage_name: string | null }>(
    'SELECT glpi_id, storage_name FROM glpi_ticket_documents WHERE glpi_document_id = :documentId',
    { replacements: { documentId }, type: QueryTypes.SELECT },
  );
  return row;
};

describe('technicians’ documents in the portal', () => {
  it('shows and serves the files of the ticket and of its public follow-ups, never those of a private one, to the company only', async () => {
    const [entityId, otherEntity] = h.entityIds as [number, number];
    const companyId = h.companyOf.get(entityId)!;
    const otherId = h.companyOf.get(otherEntity)!;
    const ticketId = await openTicketOf(companyId);
    const onTicket = h.sim.state.addDocument(ticketId, { name: 'rapport.pdf', mime: 'application/pdf', bytes: pdf });
    const publicAnswer = h.sim.state.addFollowup(ticketId, '<p>Voici la capture.</p>');
    const onPublic = h.sim.state.addDocument(ticketId, { name: 'capture.png', mime: 'image/png', bytes: tinyPng }, publicAnswer.id);
    const note = h.sim.state.addFollowup(ticketId, '<p>Mot de passe admin en pièce jointe.</p>', true);
    const onPrivate = h.sim.state.addDocument(ticketId, { name: 'secret.png', mime: 'image/png', bytes: tinyPng }, note.id);
    // The follow-ups' pass and the documents' may run side by side: the second cycle fetches what the first could not yet see.
    await h.cycle(companyId);
    await h.cycle(companyId);

    const [ticketLink, publicLink, privateLink] = [await linkOf(onTicket.id), await linkOf(onPublic.id), await linkOf(onPrivate.id)];
    expect(ticketLink?.storage_name).toBeTruthy();
    expect(publicLink?.storage_name).toBeTruthy();
    // Synced, never fetched: a private follow-up's file does not even reach the platform's disk.
    expect(privateLink).toBeDefined();
    expect(privateLink!.storage_name).toBeNull();

    const page = await ticketConversation(companyId, ticketId);
    expect(page.files.map((file) => [file.fileName, file.on.itemtype, file.ready, file.fromSupport])).toEqual([
      ['rapport.pdf', 'Ticket', true, true],
      ['capture.png', 'ITILFollowup', true, true],
    ]);
    expect(page.files[1]!.on.id).toBe(publicAnswer.id);
    expect(page.followups.map((f) => f.glpiId)).not.toContain(note.id);

    const served = await ticketFile(companyId, { glpiTicketId: ticketId }, `g${ticketLink!.glpi_id}`);
    expect(Buffer.from(served.bytes).equals(pdf)).toBe(true);
    expect(served).toMatchObject({ fileName: 'rapport.pdf', contentType: 'application/pdf' });
    await expect(ticketFile(companyId, { glpiTicketId: ticketId }, `g${privateLink!.glpi_id}`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // Another company's client, through the procedure as a browser calls it: not found, whatever ticket it names.
    const other = await subscribedClient({ company: (await Company.findByPk(otherId))! });
    await expectRefused(
      other.browser.run((api) => api.portal.tickets.file({ ticket: { glpiId: ticketId }, file: `g${ticketLink!.glpi_id}` })),
      'NOT_FOUND',
    );
    const otherTicket = await openTicketOf(otherId);
    await expectRefused(
      other.browser.run((api) => api.portal.tickets.file({ ticket: { glpiId: otherTicket }, file: `g${ticketLink!.glpi_id}` })),
      'NOT_FOUND',
    );
    // The company's own client downloads it through the same procedure.
    const own = await subscribedClient({ company: (await Company.findByPk(companyId))! });
    const downloaded = await own.browser.run((api) =>
      api.portal.tickets.file({ ticket: { glpiId: ticketId }, file: `g${publicLink!.glpi_id}` }),
    );
    expect(Buffer.from(downloaded.bytes).equals(tinyPng)).toBe(true);

    // A technician makes the public answer private afterwards: its file disappears at the next cycle.
    h.sim.state.update('ITILFollowup', publicAnswer.id, { is_private: 1 });
    await h.cycle(companyId);
    expect((await ticketConversation(companyId, ticketId)).files.map((file) => file.fileName)).toEqual(['rapport.pdf']);
    await expect(ticketFile(companyId, { glpiTicketId: ticketId }, `g${publicLink!.glpi_id}`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 120_000);

  it('shows the client’s own attachment in the conversation and serves it from the platform', async () => {
    const [entityId] = h.entityIds as [number];
    const companyId = h.companyOf.get(entityId)!;
    const ticketId = await openTicketOf(companyId);
    const client = await subscribedClient({ company: (await Company.findByPk(companyId))! });
    await client.browser.run((api) =>
      api.portal.tickets.reply({
        glpiId: ticketId,
        content: 'Voici ma capture.',
        attachment: { fileName: 'ma-capture.png', bytes: new Uint8Array(tinyPng) },
      }),
    );
    const page = await client.browser.run((api) => api.portal.tickets.conversation({ glpiId: ticketId }));
    const own = page.files.find((file) => file.fileName === 'ma-capture.png');
    expect(own).toMatchObject({ fromSupport: false, ready: true, state: 'pending', on: { itemtype: 'Ticket' } });
    const served = await client.browser.run((api) => api.portal.tickets.file({ ticket: { glpiId: ticketId }, file: own!.ref }));
    expect(Buffer.from(served.bytes).equals(tinyPng)).toBe(true);
  });

  it('the simulator takes an upload as the real GLPI does: a Document linked to the ticket, found by its comment, served back', async () => {
    const [entityId] = h.entityIds as [number];
    const companyId = h.companyOf.get(entityId)!;
    const ticketId = await openTicketOf(companyId);
    const { id } = await h.ctx.pool.withEntity(entityId, (client) =>
      client.uploadDocument({
        ticketId,
        fileName: 'écran.png',
        mime: 'image/png',
        bytes: tinyPng,
        comment: 'ytech-outbox:11111111-2222-3333-4444-555555555555',
      }),
    );
    const found = await h.ctx.pool.withEntity(entityId, (client) => client.findDocuments('11111111-2222-3333-4444-555555555555'));
    expect(found.map((document) => document.id)).toEqual([id]);
    const bytes = await h.ctx.pool.withEntity(entityId, (client) => client.downloadDocument(id));
    expect(Buffer.from(bytes).equals(tinyPng)).toBe(true);
    // No outbox row carries that key here, so the sync treats it as anyone's file in GLPI: fetched and shown.
    await h.cycle(companyId);
    expect((await linkOf(id))?.storage_name ?? null).toBeTruthy();
  }, 60_000);
});
