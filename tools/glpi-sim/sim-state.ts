import { z } from 'zod';
import { createPrng, type Prng } from './sim-prng';
import { materialize } from './sim-rows';
import { addEntity, seedOptionsSchema, seedStore, technicianUserId, type SeedOptions } from './sim-seed';
import { SessionRegistry } from './sim-sessions';
import { isTemplatedType, type Row, type Store, type TemplatedType } from './sim-store';
import { formatGlpiDate, glpiDecode } from './sim-text';
import { addItem, deleteItem, updateItem, type WriteContext } from './sim-write';
import { addDocument, type UploadedFile } from './sim-documents';

export const knobsSchema = z.object({
  /** Added to every API request before it is answered. */
  latencyMs: z.number().min(0).default(0),
  /** Fraction of API requests answered with `errorStatus` (drawn from a seeded PRNG). */
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.number().int().min(500).max(599).default(500),
  /**
   * A dead GLPI: `bad-gateway` is what nginx in front of a dead PHP answers (502, an HTML page);
   * `reset` drops the connection without a response (no proxy, PHP server gone).
   */
  down: z.union([z.literal(false), z.literal('bad-gateway'), z.literal('reset')]).default(false),
  /** Idle time after which a session is forgotten, as PHP's session GC does; null = never. */
  sessionLifetimeMs: z.number().positive().nullable().default(null),
});
export type Knobs = z.output<typeof knobsSchema>;
export type KnobsInput = z.input<typeof knobsSchema>;

export const failNextSchema = z.object({
  count: z.number().int().min(1),
  /** Answer with this status instead of serving the request. */
  status: z.number().int().min(400).max(599).optional(),
  /** Wait this long before serving the request (a timeout for the client). */
  hangMs: z.number().int().min(0).optional(),
});
export type FailNext = z.output<typeof failNextSchema>;

export type LoggedRequest = { method: string; path: string; query: string; status: number };

const stamp = () => formatGlpiDate(Date.now());
const requestLogLimit = 20_000;

export class SimulatorState {
  store: Store;
  knobs: Knobs;
  failNext: FailNext | null = null;
  readonly requests: LoggedRequest[] = [];
  readonly sessions: SessionRegistry;
  readonly errorPrng: Prng;

  constructor(
    private seedOptions: SeedOptions,
    private readonly initialKnobs: KnobsInput,
  ) {
    this.store = seedStore(seedOptions);
    this.knobs = knobsSchema.parse(initialKnobs);
    this.sessions = new SessionRegistry(
      () => this.store,
      () => this.knobs.sessionLifetimeMs,
    );
    this.errorPrng = createPrng(seedOptionsSchema.parse(seedOptions).seed ^ 0x5eed);
  }

  /** Reseeds (with these seed options merged over the current ones), forgets sessions, knobs and the log. */
  reset(seed?: Partial<SeedOptions>): void {
    if (seed) this.seedOptions = { ...this.seedOptions, ...seed };
    this.store = seedStore(this.seedOptions);
    this.knobs = knobsSchema.parse(this.initialKnobs);
    this.failNext = null;
    this.requests.length = 0;
    this.sessions.expireAll();
  }

  setKnobs(input: Partial<KnobsInput>): Knobs {
    this.knobs = knobsSchema.parse({ ...this.knobs, ...input });
    return this.knobs;
  }

  /** Told of every API request that may have changed the data (the state file's saver listens). */
  onWrite: (() => void) | null = null;

  logRequest(entry: LoggedRequest): void {
    if (entry.method !== 'GET') this.onWrite?.();
    if (this.requests.length >= requestLogLimit) this.requests.shift();
    this.requests.push(entry);
  }

  private technician(): WriteContext {
    return { store: this.store, session: null, actorUserId: technicianUserId, stamp: stamp() };
  }

  addEntity(name: string, parentId: number): { id: number } {
    return { id: addEntity(this.store, name, parentId, stamp()).id };
  }

  /**
   * The technician answers a ticket in GLPI, under GLPI's rule for the ticket's date_mod (sim-write-tickets.ts:
   * a closed ticket never taken into account keeps it) and never reopening it (a technician is no requester).
   */
  addFollowup(ticketId: number, content: string, isPrivate = false): { id: number } {
    const result = addItem(this.technician(), 'ITILFollowup', {
      itemtype: 'Ticket',
      items_id: ticketId,
      content,
      is_private: isPrivate ? 1 : 0,
    });
    if (!result.ok) throw new Error(`ticket ${ticketId}: ${result.message}`);
    return { id: result.id };
  }

  /**
   * A technician attaches a file in GLPI's interface, to the ticket or to one of its follow-ups:
   * the rows take the ticket's entity (CommonDBTM::addFiles with the ticket as `_job`).
   */
  addDocument(ticketId: number, file: UploadedFile, followupId?: number): { id: number } {
    const ticket = this.store.table('Ticket').rows.get(ticketId);
    if (!ticket) throw new Error(`ticket ${ticketId} not found`);
    const target =
      followupId === undefined ? { itemtype: 'Ticket', items_id: ticketId } : { itemtype: 'ITILFollowup', items_id: followupId };
    const result = addDocument(this.technician(), { ...target, entityId: Number(ticket.entities_id ?? 0) }, file);
    if (!result.ok) throw new Error(`ticket ${ticketId}: ${result.message}`);
    this.onWrite?.();
    return { id: result.id };
  }

  /** A technician links an item of the park to a ticket in GLPI (Item_Ticket), under GLPI's rules (sim-write.ts). */
  linkItem(ticketId: number, itemtype: string, itemId: number): { id: number } {
    return this.addItem('Item_Ticket', { tickets_id: ticketId, itemtype, items_id: itemId });
  }

  setTicketStatus(ticketId: number, status: number): void {
    this.update('Ticket', ticketId, { status });
  }

  addItem(itemtype: TemplatedType, fields: Record<string, unknown>): { id: number } {
    const result = addItem(this.technician(), itemtype, fields);
    if (!result.ok) throw new Error(`${itemtype}: ${result.message}`);
    return { id: result.id };
  }

  update(itemtype: TemplatedType, id: number, fields: Record<string, unknown>): void {
    const result = updateItem(this.technician(), itemtype, id, fields);
    if (!result.ok) throw new Error(`${itemtype} ${id}: ${result.message ?? 'not found'}`);
  }

  trash(itemtype: TemplatedType, id: number): void {
    const result = deleteItem(this.technician(), itemtype, id, false);
    if (!result.ok) throw new Error(`${itemtype} ${id}: ${result.message ?? 'not found'}`);
  }

  restore(itemtype: TemplatedType, id: number): void {
    this.update(itemtype, id, { is_deleted: 0 });
  }

  purge(itemtype: TemplatedType, id: number): void {
    const result = deleteItem(this.technician(), itemtype, id, true);
    if (!result.ok) throw new Error(`${itemtype} ${id}: ${result.message ?? 'not found'}`);
  }

  /** Full rows (decoded text, no links) for tests to compare against what a client read. */
  rows(itemtype: TemplatedType, entityId?: number): Array<Record<string, unknown>> {
    const table = this.store.table(itemtype);
    const options = { apiBase: '', hateoas: false, onlyId: false, decode: true, expandDropdowns: false };
    return [...table.rows.values()]
      .filter((row) => entityId === undefined || this.store.entityOf(itemtype, row) === entityId)
      .sort((a, b) => a.id - b.id)
      .map((row) => materialize(this.store, itemtype, row, options));
  }

  tickets(entityId?: number): Array<Record<string, unknown>> {
    const followups = this.store.table('ITILFollowup');
    const links = this.store.table('Ticket_User');
    return this.rows('Ticket', entityId).map((ticket) => {
      const id = Number(ticket.id);
      const actors = links
        .idsOfParent(id)
        .map((linkId) => links.rows.get(linkId))
        .filter((row): row is Row => row !== undefined);
      return {
        ...ticket,
        requesters: actors.filter((row) => row.type === 1).map((row) => row.users_id),
        assignees: actors.filter((row) => row.type === 2).map((row) => row.users_id),
        followups: followups
          .idsOfParent(id)
          .map((fid) => followups.rows.get(fid))
          .filter((row): row is Row => row !== undefined)
          .map((row) => ({
            id: row.id,
            users_id: row.users_id,
            is_private: row.is_private,
            date: row.date,
            content: glpiDecode(String(row.content ?? '')),
          })),
      };
    });
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.store.tables].map(([itemtype, table]) => [itemtype, table.rows.size]));
  }

  itemtypeOf(itemtype: string): TemplatedType {
    if (!isTemplatedType(itemtype)) throw new Error(`unknown itemtype ${itemtype}`);
    return itemtype;
  }
}
