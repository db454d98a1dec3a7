import { readFile } from 'node:fs/promises';
import { Op, QueryTypes } from 'sequelize';
import { GlpiOutboxEntry, GlpiTicket } from '../db/models';
import { sequelize } from '../db/sequelize';
import { notFound } from '../errors';
import { documentPayloadSchema } from '../glpi-outbox/outbox-payload';
import { uploadFolders, uploadPath } from '../uploads/upload-paths';
import { ticketAttachmentPath } from './ticket-attachment';

/**
 * Whether a client may see the file of the synced link `d` (glpi_ticket_documents): on a ticket of
 * a company, on a PUBLIC follow-up routed to that company, or on a solution of such a ticket. GLPI
 * 10.0.12 has no privacy on documents themselves: a file on a private follow-up is hidden with it
 * (CommonITILObject::getAssociatedDocumentsCriteria). A client's own upload (its Document carries
 * the outbox key) is shown from the outbox instead. `:companyId`/`:ticketId` narrow it when given.
 */
function visibleDocumentSql(scope: 'any' | 'ticket'): string {
  const ticket = (alias: string) =>
    scope === 'ticket'
      ? `${alias}.glpi_id = :ticketId AND ${alias}.company_id = :companyId AND ${alias}.deleted_at IS NULL`
      : `${alias}.company_id IS NOT NULL AND ${alias}.deleted_at IS NULL`;
  return `d.deleted_at IS NULL
    AND (d.outbox_key IS NULL OR NOT EXISTS (SELECT 1 FROM glpi_outbox o WHERE o.idempotency_key = d.outbox_key AND o.kind = 'document'))
    AND (
      (d.link_itemtype = 'Ticket' AND EXISTS (SELECT 1 FROM glpi_tickets t WHERE t.glpi_id = d.link_id AND ${ticket('t')}))
      OR (d.link_itemtype = 'ITILFollowup' AND EXISTS (
        SELECT 1 FROM glpi_ticket_followups f JOIN glpi_tickets t ON t.glpi_id = f.glpi_ticket_id AND t.company_id = f.company_id
        WHERE f.glpi_id = d.link_id AND f.is_private = 0 AND f.deleted_at IS NULL AND ${ticket('t')}))
      OR (d.link_itemtype = 'ITILSolution' AND EXISTS (
        SELECT 1 FROM glpi_ticket_solutions s JOIN glpi_tickets t ON t.glpi_id = s.glpi_ticket_id
        WHERE s.glpi_id = d.link_id AND s.deleted_at IS NULL AND ${ticket('t')}))
    )`;
}

/** Synced files a client may see, not fetched yet: what the worker downloads next (oldest first). */
export async function documentsToFetch(
  limit: number,
  maxAttempts: number,
): Promise<Array<{ id: number; glpiDocumentId: number; fileName: string }>> {
  const rows = await sequelize.query<{ id: number; doc: number; name: string }>(
    `SELECT d.id, d.glpi_document_id AS doc, d.file_name AS name FROM glpi_ticket_documents d
     WHERE d.storage_name IS NULL AND d.fetch_attempts < :maxAttempts AND ${visibleDocumentSql('any')}
     ORDER BY d.id LIMIT :limit`,
    { replacements: { limit, maxAttempts }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({ id: Number(row.id), glpiDocumentId: Number(row.doc), fileName: row.name }));
}

export type TicketFile = {
  /** `g<link id>` for a file from GLPI, `o<outbox id>` for the client's own upload. */
  ref: string;
  fileName: string;
  /** Where it hangs in the conversation: the ticket, or a follow-up / solution by GLPI id. */
  on: { itemtype: 'Ticket' | 'ITILFollowup' | 'ITILSolution'; id: number };
  fromSupport: boolean;
  postedAt: Date | null;
  sizeBytes: number | null;
  /** false while the worker has not fetched it from GLPI yet (or the client's upload is still on its way). */
  ready: boolean;
  state: 'synced' | 'pending' | 'sending' | 'failed' | 'delivered';
};

type SyncedRow = {
  id: number;
  glpi_id: number;
  link_itemtype: TicketFile['on']['itemtype'];
  link_id: number;
  file_name: string;
  posted_at: Date | null;
  size_bytes: number | null;
  storage_name: string | null;
  glpi_user_id: number | null;
};

async function syncedFiles(companyId: number, glpiTicketId: number): Promise<SyncedRow[]> {
  return sequelize.query<SyncedRow>(
    `SELECT d.id, d.glpi_id, d.link_itemtype, d.link_id, d.file_name, d.posted_at, d.size_bytes, d.storage_name, d.glpi_user_id
     FROM glpi_ticket_documents d WHERE ${visibleDocumentSql('ticket')} ORDER BY d.posted_at, d.glpi_id`,
    { replacements: { companyId, ticketId: glpiTicketId }, type: QueryTypes.SELECT },
  );
}

/** The client's own attachments to a ticket (by GLPI number or by its outbox row), oldest first. */
async function ownUploads(companyId: number, ticket: { glpiTicketId: number } | { outboxTicketId: number }) {
  const byNumber =
    'glpiTicketId' in ticket
      ? [
          { glpiTicketId: ticket.glpiTicketId },
          {
            localTicketRef: (
              await GlpiOutboxEntry.findAll({ where: { companyId, kind: 'ticket', glpiId: ticket.glpiTicketId }, attributes: ['id'] })
            ).map((row) => row.id),
          },
        ]
      : [{ localTicketRef: ticket.outboxTicketId }];
  return GlpiOutboxEntry.findAll({
    where: { companyId, kind: 'document', [Op.or]: byNumber },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
}

/**
 * The files of a ticket of the company, as its conversation shows them: technicians' (and anyone's
 * in GLPI) that the client may see, then the client's own uploads. The ticket must be the
 * company's: for another company's ticket the list is empty (the conversation itself is not found).
 */
export async function ticketFiles(
  companyId: number,
  ticket: { glpiTicketId: number } | { outboxTicketId: number },
  ownGlpiUsers: ReadonlySet<number>,
): Promise<TicketFile[]> {
  const synced = 'glpiTicketId' in ticket ? await syncedFiles(companyId, ticket.glpiTicketId) : [];
  const own = await ownUploads(companyId, ticket);
  return [
    ...synced.map((row): TicketFile => ({
      ref: `g${Number(row.glpi_id)}`,
      fileName: row.file_name,
      on: { itemtype: row.link_itemtype, id: Number(row.link_id) },
      fromSupport: row.glpi_user_id === null || !ownGlpiUsers.has(Number(row.glpi_user_id)),
      postedAt: row.posted_at,
      sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
      ready: row.storage_name !== null,
      state: 'synced',
    })),
    ...own.map((entry): TicketFile => {
      const payload = documentPayloadSchema.parse(entry.payload);
      return {
        ref: `o${entry.id}`,
        fileName: payload.fileName,
        on: { itemtype: 'Ticket', id: entry.glpiTicketId ?? 0 },
        fromSupport: false,
        postedAt: entry.createdAt,
        sizeBytes: payload.sizeBytes,
        ready: true,
        state: entry.state,
      };
    }),
  ];
}

export const ticketFileRef = /^([go])([1-9][0-9]{0,11})$/;

/**
 * One file of a ticket of the company, for download: found through the same rules as the list, so
 * a file of another company's ticket, of a private follow-up, or not fetched yet is "not found".
 */
export async function ticketFile(companyId: number, ticket: { glpiTicketId: number } | { outboxTicketId: number }, ref: string) {
  const match = ticketFileRef.exec(ref);
  if (!match) throw notFound();
  const id = Number(match[2]);
  if (match[1] === 'g') {
    if (!('glpiTicketId' in ticket)) throw notFound();
    const owned = await GlpiTicket.findOne({ where: { companyId, glpiId: ticket.glpiTicketId, deletedAt: null }, attributes: ['id'] });
    if (!owned) throw notFound();
    const row = (await syncedFiles(companyId, ticket.glpiTicketId)).find((candidate) => Number(candidate.glpi_id) === id);
    if (!row?.storage_name) throw notFound();
    const [meta] = await sequelize.query<{ mime: string | null }>('SELECT mime FROM glpi_ticket_documents WHERE id = :id', {
      replacements: { id: row.id },
      type: QueryTypes.SELECT,
    });
    return {
      fileName: row.file_name,
      contentType: meta?.mime ?? 'application/octet-stream',
      bytes: await readStored(glpiDocumentPath(row.storage_name)),
    };
  }
  const entry = (await ownUploads(companyId, ticket)).find((candidate) => candidate.id === id);
  if (!entry) throw notFound();
  const payload = documentPayloadSchema.parse(entry.payload);
  return { fileName: payload.fileName, contentType: payload.mime, bytes: await readStored(ticketAttachmentPath(payload.storageName)) };
}

export function glpiDocumentPath(storageName: string): string {
  return uploadPath(`${uploadFolders.glpiDocuments}/${storageName}`);
}

async function readStored(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw notFound();
  }
}
