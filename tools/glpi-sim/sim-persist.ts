import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LabelKind } from './sim-itemtypes';
import { isTemplatedType, Store, type Row } from './sim-store';

/**
 * The simulator's data kept in a file between runs (`npm run demo` sets GLPI_SIM_STATE_FILE to
 * var/glpi-sim-state.json): a platform whose database outlives a run must find again the entities,
 * users and tickets it created in GLPI, as it would with a real GLPI. Sessions are not kept (a
 * restarted GLPI forgets them too: the worker logs in again).
 */
const snapshotSchema = z.object({
  version: z.literal(1),
  tables: z.record(z.string(), z.object({ nextId: z.number().int().positive(), rows: z.array(z.looseObject({ id: z.number().int() })) })),
  labels: z.record(z.string(), z.array(z.tuple([z.number().int(), z.string()]))),
  files: z.record(z.string(), z.string()).optional(),
});

export function saveStore(file: string, store: Store): void {
  const snapshot: z.input<typeof snapshotSchema> = {
    version: 1,
    tables: Object.fromEntries(
      [...store.tables].map(([itemtype, table]) => [itemtype, { nextId: table.nextId, rows: [...table.rows.values()] }]),
    ),
    labels: Object.fromEntries([...store.labels].map(([kind, values]) => [kind, [...values]])),
    files: Object.fromEntries(store.files),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside then renamed: a run stopped mid-write leaves the previous file whole.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, file);
}

/** The store saved in `file`, or null when there is none yet. */
export function loadStore(file: string): Store | null {
  if (!existsSync(file)) return null;
  const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const store = new Store();
  for (const [kind, values] of Object.entries(snapshot.labels)) store.labels.set(kind as LabelKind, new Map(values));
  for (const [sha1, base64] of Object.entries(snapshot.files ?? {})) store.files.set(sha1, base64);
  for (const [itemtype, saved] of Object.entries(snapshot.tables)) {
    if (!isTemplatedType(itemtype)) continue;
    // Entities first within their table by id: a row's entity index only reads the row itself.
    for (const row of [...saved.rows].sort((a, b) => a.id - b.id)) store.insert(itemtype, row as Row);
    store.table(itemtype).nextId = Math.max(store.table(itemtype).nextId, saved.nextId);
  }
  return store;
}
