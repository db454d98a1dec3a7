import type { SimSession } from './sim-sessions';
import type { Scalar, Store, TemplatedType } from './sim-store';
import { glpiEncode } from './sim-text';

export type WriteContext = {
  store: Store;
  /** The API session, or null for the control endpoint (the technician is not scoped). */
  session: SimSession | null;
  actorUserId: number;
  /**
   * `$_SESSION['glpi_currenttime']`: GLPI stamps every row a request writes with the second the
   * request started, so a bulk POST or PUT of 500 rows gives them all one date_mod.
   */
  stamp: string;
};

export type AddResult = { ok: true; id: number; message: string } | { ok: false; message: string };
export type ChangeResult = { ok: true } | { ok: false; message: string | null };
export type Input = Record<string, unknown>;

/** Central profiles (and the control endpoint's technician) are simulated with every right. */
export function isCentral(ctx: WriteContext): boolean {
  return ctx.session === null || ctx.session.interface === 'central';
}

/**
 * date_mod / date_creation of a new row: GLPI keeps the ones the input gives and stamps the others
 * (CommonDBTM::add only fills them when unset; checked on 10.0.12 for computers, tickets, dropdowns).
 */
export function addedDate(ctx: WriteContext, fields: Record<string, Scalar>, key: string): Scalar {
  const given = fields[key];
  return typeof given === 'string' && given !== '' ? given : ctx.stamp;
}

/** An update always stamps date_mod (CommonDBTM::update); only the control endpoint may set it (tests build ties). */
export function updatedDate(ctx: WriteContext, fields: Record<string, Scalar>): Scalar {
  const given = fields.date_mod;
  return ctx.session === null && typeof given === 'string' ? given : ctx.stamp;
}

/** GLPI sanitizes every input: strings are stored HTML-encoded, booleans become 0/1. */
export function columnsOf(store: Store, itemtype: TemplatedType, input: Input): Record<string, Scalar> {
  const table = store.table(itemtype);
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'id' || !table.columns.has(key)) continue;
    if (typeof value === 'string') out[key] = glpiEncode(value);
    else if (typeof value === 'number' || value === null) out[key] = value;
    else if (typeof value === 'boolean') out[key] = value ? 1 : 0;
  }
  return out;
}

export function entityAllowed(ctx: WriteContext, entityId: number): boolean {
  if (!ctx.store.table('Entity').rows.has(entityId)) return false;
  return ctx.session === null || ctx.session.activeEntities.has(entityId);
}

export function targetEntity(ctx: WriteContext, input: Input, key = 'entities_id'): number {
  const given = input[key];
  if (typeof given === 'number') return given;
  if (typeof given === 'string' && given.trim() !== '') return Number(given);
  // Without entities_id an item goes to the session's active entity (post_Computer_without_entities_id_goes_to_active_entity).
  return ctx.session?.activeEntity ?? 0;
}

export const ids = (value: unknown): number[] =>
  (Array.isArray(value) ? value : [value]).map(Number).filter((id) => Number.isInteger(id) && id > 0);

/** Seconds between two GLPI datetimes ("YYYY-MM-DD HH:MM:SS", same zone). */
export function secondsBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.replace(' ', 'T')}Z`) - Date.parse(`${from.replace(' ', 'T')}Z`)) / 1000);
}
