import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiOutboxEntry } from '../../server/db/models';
import { documentPayloadSchema } from '../../server/glpi-outbox/outbox-payload';
import { MAX_TICKET_ATTACHMENT_BYTES } from '../../server/portal/ticket-attachment';
import { uploadFolders, uploadPath } from '../../server/uploads/upload-paths';
import { readTicketForm } from '../../app/utils/ticket-attachment-form.server';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany } from '../support/fixtures';
import { expectAppError, tinyPng } from './billing-support';
import { subscribe } from './portal-support';

/**
 * A client's attachment is judged by its bytes before anything is queued: a refused file leaves
 * no ticket, no reply and no file behind, and its message names the attachment field.
 */
let client: Awaited<ReturnType<typeof clientOfNewCompany>>;
const storedFiles = () => {
  try {
    return readdirSync(uploadPath(uploadFolders.ticketAttachments)).length;
  } catch {
    return 0;
  }
};
const rows = () => GlpiOutboxEntry.count({ where: { companyId: client.company.id } });
const ticket = { title: 'Écran noir', content: 'Voir la capture jointe.', urgency: 3, type: 'incident' as const };

beforeAll(async () => {
  await seedCatalog();
  client = await clientOfNewCompany();
  await subscribe(client.company.id, 'support', 20);
});

afterAll(async () => {
  await closeTestResources();
});

describe('ticket attachments', () => {
  it('refuses a file that is not what its name says, an empty one and one over 10 MB, storing and queueing nothing', async () => {
    const [files, queued] = [storedFiles(), await rows()];
    const create = (fileName: string, bytes: Uint8Array) =>
      client.browser.run((api) => api.portal.tickets.create({ ...ticket, attachment: { fileName, bytes } }));
    const fake = await expectAppError(
      create('capture.png', new TextEncoder().encode('<html><script>alert(1)</script></html>')),
      'errors.ticketAttachment.type',
    );
    expect(fake).toMatchObject({ field: 'attachment' });
    await expectAppError(create('vide.png', new Uint8Array(0)), 'errors.ticketAttachment.empty');
    const big = new Uint8Array(MAX_TICKET_ATTACHMENT_BYTES + 1);
    big.set(tinyPng);
    const tooLarge = await expectAppError(create('grande.png', big), 'errors.ticketAttachment.tooLarge');
    expect(tooLarge.params).toEqual({ max: 10 });
    expect(await rows()).toBe(queued);
    expect(storedFiles()).toBe(files);
  });

  it('queues a good file with its ticket, under its checked type and a clean name', async () => {
    const { outboxId } = await client.browser.run((api) =>
      api.portal.tickets.create({ ...ticket, attachment: { fileName: '../../etc/capture.html', bytes: new Uint8Array(tinyPng) } }),
    );
    const document = await GlpiOutboxEntry.findOne({ where: { companyId: client.company.id, kind: 'document', localTicketRef: outboxId } });
    expect(documentPayloadSchema.parse(document!.payload)).toMatchObject({ fileName: 'capture.png', mime: 'image/png' });
  });

  it('reads a form whose file is too large without losing the typed text', async () => {
    const form = new FormData();
    form.append('title', ticket.title);
    form.append('content', ticket.content);
    form.append('attachment', new Blob([new Uint8Array(MAX_TICKET_ATTACHMENT_BYTES + 10)]), 'grande.png');
    const read = await readTicketForm(new Request('http://localhost/portal/tickets/new', { method: 'POST', body: form }));
    expect(read).toMatchObject({ tooLarge: true, attachment: undefined, values: { title: ticket.title, content: ticket.content } });
    const empty = new FormData();
    empty.append('content', 'Sans fichier');
    empty.append('attachment', new Blob([]), '');
    expect(await readTicketForm(new Request('http://localhost/x', { method: 'POST', body: empty }))).toMatchObject({
      attachment: undefined,
      tooLarge: false,
    });
  });
});
