import { QueryTypes } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError, GlpiSchemaError } from '../glpi/glpi-errors';
import { documentItemSchema, type GlpiItem } from '../glpi/glpi-schemas';
import { rawText, type SqlValue } from './glpi-rows';
import { glpiDateToUtc } from './glpi-time';
import type { PairWriter } from './pair-writer';
import { ticketPartRows } from './ticket-part-rows';
import type { SyncContext } from './sync-context';
import { upsertRows, utcNow } from './upsert-batch';

type DocumentLink = GlpiItem<'Document_Item'>;
type DocumentRow = GlpiItem<'Document'>;
type Prepared = { links: Array<{ link: DocumentLink; document: DocumentRow }> };

/** What a client can be shown a file on: the ticket itself, one of its follow-ups, one of its solutions. */
export const ticketDocumentLinks = ['Ticket', 'ITILFollowup', 'ITILSolution'] as const;

const columns = [
  'glpi_id',
  'glpi_document_id',
  'link_itemtype',
  'link_id',
  'glpi_user_id',
  'file_name',
  'mime',
  'sha1',
  'outbox_key',
  'posted_at',
  'glpi_updated_at',
  'raw',
  'deleted_at',
] as const;
const key: ReadonlySet<string> = new Set(['glpi_id']);
const outboxKey = /ytech-outbox:([0-9a-f-]{36})/i;

/**
 * Files attached in GLPI (Document_Item), read server-wide by their own `date_mod` like
 * follow-ups: the link's entity is the session's active entity when it was made through the API,
 * not the ticket's (checked on 10.0.12), so a per-entity read would miss some. Only links to
 * tickets and to their follow-ups and solutions are kept; the Document's own row (file name, type,
 * checksum) is read once per new link, before the page's transaction. Who may see a file is decided
 * when the portal reads it (ticket-documents.ts), never here: a follow-up made private later hides
 * its files at once. The files themselves are fetched after the pass (fetch-document-files.ts).
 */
export function documentWriter(ctx: SyncContext): PairWriter<Prepared> {
  const offset = ctx.options.glpiUtcOffsetMinutes;
  return {
    itemtype: 'Document_Item',
    expand: false,
    // GLPI purges links (no trash): the reconcile compares ids.
    hasTrash: false,
    reconcileBy: 'id',
    async prepare(client, rows) {
      const links = parseLinks(rows).filter((link) => (ticketDocumentLinks as readonly string[]).includes(link.itemtype));
      const cached = await cachedLinks(links.map((link) => link.id));
      const changed = links.filter((link) => cached.get(link.id) !== JSON.stringify(link));
      const documents = new Map<number, DocumentRow | null>();
      for (const link of changed) {
        if (!documents.has(link.documents_id)) documents.set(link.documents_id, await readDocument(client, link.documents_id));
      }
      return {
        links: changed.flatMap((link) => {
          const document = documents.get(link.documents_id);
          return document ? [{ link, document }] : [];
        }),
      };
    },
    async write({ links }, mode, transaction) {
      await upsertRows(
        'glpi_ticket_documents',
        columns,
        links.map(({ link, document }) => documentValues(link, document, offset, mode.deletedAt)),
        transaction,
        key,
      );
      return links.length;
    },
    ...ticketPartRows('glpi_ticket_documents'),
  };
}

/** A Document the session cannot read (another parent entity) or already purged is left out. */
async function readDocument(client: GlpiClient, id: number): Promise<DocumentRow | null> {
  try {
    return await client.getItem('Document', id);
  } catch (error) {
    if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) return null;
    throw error;
  }
}

function documentValues(link: DocumentLink, document: DocumentRow, offsetMinutes: number, deletedAt: string | null): SqlValue[] {
  const fileName = (document.filename ?? '').trim() || `document-${document.id}`;
  return [
    link.id,
    link.documents_id,
    link.itemtype,
    link.items_id,
    link.users_id ? link.users_id : null,
    fileName.slice(0, 255),
    document.mime?.slice(0, 100) ?? null,
    document.sha1sum,
    outboxKey.exec(document.comment ?? '')?.[1] ?? null,
    glpiDateToUtc(link.date_creation, offsetMinutes),
    glpiDateToUtc(link.date_mod, offsetMinutes),
    JSON.stringify(link),
    document.is_deleted === 1 ? (deletedAt ?? utcNow()) : deletedAt,
  ];
}

function parseLinks(rows: unknown[]): DocumentLink[] {
  const parsed = documentItemSchema.array().safeParse(rows);
  if (!parsed.success) throw new GlpiSchemaError('Document_Item', parsed.error.issues, null);
  return parsed.data;
}

async function cachedLinks(ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; raw: unknown }>(
    'SELECT glpi_id AS id, raw FROM glpi_ticket_documents WHERE glpi_id IN (:ids) AND deleted_at IS NULL',
    { replacements: { ids }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [Number(row.id), rawText(row.raw)]));
}
