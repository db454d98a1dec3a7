import { createHash, randomUUID } from 'node:crypto';
import { glpiError, header, json, noPermission, type SimRequest, type SimResponse } from './sim-http';
import { rightMissing } from './sim-read';
import type { SimSession } from './sim-sessions';
import type { Row, Store } from './sim-store';
import { glpiEncode } from './sim-text';
import { rowReadable } from './sim-visibility';
import type { AddResult, WriteContext } from './sim-write-common';

export type UploadedFile = { name: string; mime: string; bytes: Uint8Array };

/**
 * A file attached to a ticket or to one of its follow-ups, as GLPI 10.0.12 does it for
 * `POST /Document` (uploadManifest + filename[0]) and for a technician's upload in its interface:
 * a Document named after the ticket, and the Document_Item that links it. Checked on the real GLPI:
 * through the API both rows take the session's ACTIVE entity (not the ticket's); through the
 * interface (`entityId` given: the control endpoint) the ticket's. A link to a ticket sits at
 * timeline position 1, one to a follow-up at 0; GLPI ignores the manifest's `name`.
 */
export function addDocument(
  ctx: WriteContext,
  input: { itemtype: string; items_id: number; comment?: string | null; entityId?: number },
  file: UploadedFile,
): AddResult {
  const { store } = ctx;
  const ticketOf = (row: Row | undefined) =>
    row && input.itemtype === 'ITILFollowup' ? store.table('Ticket').rows.get(Number(row.items_id)) : row;
  const target =
    input.itemtype === 'Ticket'
      ? store.table('Ticket').rows.get(input.items_id)
      : input.itemtype === 'ITILFollowup'
        ? store.table('ITILFollowup').rows.get(input.items_id)
        : undefined;
  const ticket = ticketOf(target);
  if (!target || !ticket) return { ok: false, message: noPermission };
  if (ctx.session !== null && !rowReadable(store, ctx.session, 'Ticket', ticket)) return { ok: false, message: noPermission };
  const sha1 = createHash('sha1').update(file.bytes).digest('hex');
  store.files.set(sha1, Buffer.from(file.bytes).toString('base64'));
  const entityId = input.entityId ?? ctx.session?.activeEntity ?? 0;
  const extension = (file.name.split('.').pop() ?? '').toUpperCase();
  const label = input.itemtype === 'Ticket' ? `Ticket - ${String(ticket.name ?? '')}` : 'Suivi - Suivi';
  const document = store.insert('Document', {
    entities_id: entityId,
    name: `Document : ${label}`,
    filename: glpiEncode(file.name),
    filepath: `${extension}/${sha1.slice(0, 2)}/${sha1.slice(2)}.${extension}`,
    mime: file.mime,
    comment: input.comment ? glpiEncode(input.comment) : null,
    users_id: ctx.actorUserId,
    sha1sum: sha1,
    tag: randomUUID(),
    date_mod: ctx.stamp,
    date_creation: ctx.stamp,
  });
  store.insert('Document_Item', {
    documents_id: document.id,
    itemtype: input.itemtype,
    items_id: input.items_id,
    entities_id: entityId,
    users_id: ctx.actorUserId,
    timeline_position: input.itemtype === 'Ticket' ? 1 : 0,
    date_mod: ctx.stamp,
    date_creation: ctx.stamp,
  });
  return { ok: true, id: document.id, message: `Item successfully added: Document : ${label}` };
}

/** `POST /Document` as multipart: the manifest's input names the item, the file is `filename[0]`. */
export function postDocument(ctx: WriteContext, request: SimRequest): SimResponse {
  const manifestText = request.form?.fields.get('uploadManifest');
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText ?? '');
  } catch {
    return glpiError(request, 400, 'ERROR_JSON_PAYLOAD_INVALID', 'JSON payload seems not valid');
  }
  const input = typeof manifest === 'object' && manifest !== null ? (manifest as { input?: Record<string, unknown> }).input : undefined;
  const file = request.form?.files.get('filename[0]');
  if (!input || !file) return glpiError(request, 400, 'ERROR_BAD_ARRAY', 'input parameter must be an array of objects');
  const result = addDocument(
    ctx,
    {
      itemtype: String(input.itemtype ?? ''),
      items_id: Number(input.items_id),
      comment: typeof input.comment === 'string' ? input.comment : null,
    },
    file,
  );
  if (!result.ok) return json(400, ['ERROR_GLPI_ADD', result.message]);
  return json(201, { id: result.id, message: result.message }, { location: `${request.apiBase}/Document/${result.id}` });
}

/**
 * `GET /Document/:id` with `Accept: application/octet-stream` sends the file itself. GLPI lets a
 * session download a document it can read, or one linked to a ticket it can read (Document::canViewFile:
 * checked on 10.0.12, a document of the root entity linked to a ticket of the active entity downloads).
 */
export function wantsFile(request: SimRequest): boolean {
  return (header(request, 'Accept') ?? '').includes('application/octet-stream') || request.query.get('alt') === 'media';
}

export function downloadDocument(store: Store, session: SimSession, id: number, request: SimRequest): SimResponse {
  const document = store.table('Document').rows.get(id);
  if (!document) return glpiError(request, 404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
  const links = store.table('Document_Item');
  const viaTicket = [...links.rows.values()].some((link) => {
    if (link.documents_id !== id) return false;
    const followup = link.itemtype === 'ITILFollowup' ? store.table('ITILFollowup').rows.get(Number(link.items_id)) : undefined;
    const ticketId = link.itemtype === 'Ticket' ? Number(link.items_id) : followup ? Number(followup.items_id) : 0;
    const ticket = store.table('Ticket').rows.get(ticketId);
    return ticket !== undefined && rowReadable(store, session, 'Ticket', ticket);
  });
  if (!viaTicket && !rowReadable(store, session, 'Document', document)) return rightMissing(request);
  const base64 = store.files.get(String(document.sha1sum ?? ''));
  if (base64 === undefined) return glpiError(request, 404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
  return {
    status: 200,
    headers: {},
    body: null,
    bytes: Buffer.from(base64, 'base64'),
    contentType: `${String(document.mime ?? 'application/octet-stream')};charset=UTF-8`,
  };
}
