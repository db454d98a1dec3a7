import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sequelize } from '../../server/db/sequelize';
import { documentsToFetch, glpiDocumentPath } from '../../server/portal/ticket-documents';
import type { GlpiClient } from '../glpi/glpi-client';
import { isUnavailable } from './circuit-breaker';
import { utcNow } from './upsert-batch';

/** The platform keeps what a client may download; a bigger file stays in GLPI (the portal says so). */
export const MAX_FETCHED_DOCUMENT_BYTES = 25 * 1024 * 1024;
const perCycle = 20;
const maxAttempts = 3;

/**
 * Downloads the files of synced documents a client may see (ticket-documents.ts) into
 * UPLOAD_DIR/glpi-documents, a few per cycle, so that the web serves them without calling GLPI.
 * Private ones are never fetched. A file GLPI refuses or lost is tried `maxAttempts` times; GLPI
 * not answering ends the step (the next cycle goes on). Returns how many were stored.
 */
export async function fetchDocumentFiles(client: GlpiClient): Promise<number> {
  let stored = 0;
  for (const document of await documentsToFetch(perCycle, maxAttempts)) {
    let bytes: Uint8Array;
    try {
      bytes = await client.downloadDocument(document.glpiDocumentId);
    } catch (error) {
      // GLPI down ends the step; a refusal or a lost file counts against this document only.
      if (isUnavailable(error) || !(error instanceof Error)) throw error;
      await failed(document.id, error.message);
      continue;
    }
    if (bytes.byteLength > MAX_FETCHED_DOCUMENT_BYTES) {
      await failed(document.id, `larger than ${MAX_FETCHED_DOCUMENT_BYTES} bytes`, maxAttempts);
      continue;
    }
    const storageName = `${randomUUID()}.bin`;
    const file = glpiDocumentPath(storageName);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { mode: 0o640 });
    const [, meta] = await sequelize.query(
      'UPDATE glpi_ticket_documents SET storage_name = :storageName, size_bytes = :size, fetch_error = NULL, updated_at = :now WHERE id = :id AND storage_name IS NULL',
      { replacements: { storageName, size: bytes.byteLength, now: utcNow(), id: document.id } },
    );
    // Another cycle stored it meanwhile: keep theirs.
    if ((meta as { affectedRows?: number }).affectedRows === 0) await rm(file, { force: true });
    else stored += 1;
  }
  return stored;
}

async function failed(id: number, reason: string, attempts = 1): Promise<void> {
  await sequelize.query(
    'UPDATE glpi_ticket_documents SET fetch_attempts = LEAST(fetch_attempts + :attempts, 255), fetch_error = :reason, updated_at = :now WHERE id = :id',
    { replacements: { id, attempts, reason: reason.slice(0, 500), now: utcNow() } },
  );
}
