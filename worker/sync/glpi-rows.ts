import { z } from 'zod';
import { decodeGlpiHtml } from '../glpi/glpi-html';
import type { AssetDetailItemtype, AssetItemtype, DropdownItemtype } from '../glpi/glpi-schemas';
import { refId, refsOf } from './dropdown-refs';
import { addMonths, glpiDateToUtc, glpiDay } from './glpi-time';

/**
 * Rows of `GET /:itemtype` without expand_dropdowns: foreign keys are numeric ids, resolved from the
 * dropdown rows the server-wide pass keeps (dropdown-refs.ts). Only what the cache relies on is
 * checked; the whole row is kept as raw JSON.
 */
const id = z.number().int().nonnegative();
const dateText = z.string().nullable().optional();
const listedRowShape = {
  id,
  date_mod: dateText,
  is_template: z.union([z.literal(0), z.literal(1)]).optional(),
  is_deleted: z.union([z.literal(0), z.literal(1)]).optional(),
};
export const listedRowSchema = z.looseObject(listedRowShape);
export type ListedRow = z.output<typeof listedRowSchema>;

/**
 * Checks a list page's rows and hands back GLPI's own row objects: zod's loose objects copy every
 * key of every row (dozens per asset), and the checked keys come out unchanged (no transform), so
 * the copy bought nothing but garbage (issue 15 profile). Unknown keys stay as GLPI sent them.
 */
const listedRowsCheck = z.array(z.object(listedRowShape));
export function checkListedRows(body: unknown): { rows: ListedRow[] } | { issues: z.core.$ZodIssue[] } {
  const checked = listedRowsCheck.safeParse(body);
  return checked.success ? { rows: body as ListedRow[] } : { issues: checked.error.issues };
}

const listedTicketSchema = z.object({
  id,
  name: z.string().nullable(),
  content: z.string().nullable(),
  status: z.number().int().min(1).max(6),
  urgency: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5).nullable().optional(),
  priority: z.number().int().min(1).max(6),
  type: z.number().int().min(1).max(2),
  date: dateText,
  takeintoaccountdate: dateText,
  solvedate: dateText,
  closedate: dateText,
  time_to_own: dateText,
  time_to_resolve: dateText,
  date_mod: dateText,
});

export type SqlValue = string | number | null;

/** Labels of the dropdowns a page names, by dropdown type and id (dropdown-labels.ts). */
export type Labels = { of(dropdown: DropdownItemtype, id: number | null): string | null };

function textOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return clip(decodeGlpiHtml(value));
}

function clip(value: string, length = 255): string {
  return value.length > length ? value.slice(0, length) : value;
}

const assetRefColumns = ['model', 'type', 'manufacturer', 'state', 'location', 'user_name'] as const;

export const assetColumns = [
  'glpi_entity_id',
  'itemtype',
  'glpi_id',
  'company_id',
  'name',
  'serial',
  'inventory_number',
  ...assetRefColumns,
  ...assetRefColumns.map((column) => `${column === 'user_name' ? 'user' : column}_glpi_id`),
  'licence_seats',
  'licence_software',
  'licence_software_glpi_id',
  'licence_expires_on',
  'is_template',
  'glpi_created_at',
  'glpi_updated_at',
  'raw',
  'deleted_at',
] as const;

export type RowTarget = { entityId: number; companyId: number; offsetMinutes: number; deletedAt: string | null };

/**
 * An asset's own row, its dropdowns shown by label with their ids kept (a rename reaches it). Its
 * operating system and warranty live in GLPI's Item_OperatingSystem and Infocom: the sync reads
 * those separately (detailValues) and copies them onto the asset's row. A licence names its
 * software, an asset of the same entity (`softwareNames`).
 */
export function assetValues(
  itemtype: AssetItemtype,
  row: ListedRow,
  target: RowTarget,
  labels: Labels,
  softwareNames: ReadonlyMap<number, string | null>,
): SqlValue[] {
  const refs = assetRefsByColumn(itemtype);
  const ids = assetRefColumns.map((column) => {
    const ref = refs.get(column);
    return ref ? refId(row, ref.field) : null;
  });
  const shown = assetRefColumns.map((column, index) => {
    const ref = refs.get(column);
    return ref ? labels.of(ref.dropdown, ids[index] ?? null) : null;
  });
  const licence = itemtype === 'SoftwareLicense';
  const software = licence ? refId(row, 'softwares_id') : null;
  return [
    target.entityId,
    itemtype,
    row.id,
    target.companyId,
    textOf(row.name),
    textOf(row.serial),
    textOf(row.otherserial),
    ...shown,
    ...ids,
    licence && typeof row.number === 'number' ? row.number : null,
    software === null ? null : (softwareNames.get(software) ?? null),
    software,
    licence ? glpiDay(row.expire) : null,
    row.is_template === 1 ? 1 : 0,
    glpiDateToUtc(stringOr(row.date_creation), target.offsetMinutes),
    glpiDateToUtc(row.date_mod, target.offsetMinutes),
    JSON.stringify(row),
    target.deletedAt,
  ];
}

const assetRefs = new Map<AssetItemtype, ReadonlyMap<string, ReturnType<typeof refsOf>[number]>>();
function assetRefsByColumn(itemtype: AssetItemtype): ReadonlyMap<string, ReturnType<typeof refsOf>[number]> {
  let refs = assetRefs.get(itemtype);
  if (!refs) {
    refs = new Map(refsOf('glpi_assets', itemtype).map((ref) => [ref.column, ref]));
    assetRefs.set(itemtype, refs);
  }
  return refs;
}

export const detailColumns = [
  'glpi_entity_id',
  'itemtype',
  'glpi_id',
  'company_id',
  'item_itemtype',
  'item_id',
  'operating_system',
  'operating_system_glpi_id',
  'warranty_start',
  'warranty_end',
  'glpi_updated_at',
  'raw',
  'deleted_at',
] as const;

/**
 * An Item_OperatingSystem (its OS resolved by id from the dropdown table) or an Infocom (warranty
 * start + duration in months). Read without expand_dropdowns: `items_id` is the asset's id.
 */
export function detailValues(itemtype: AssetDetailItemtype, row: ListedRow, target: RowTarget, labels: Labels): SqlValue[] {
  const warrantyStart = itemtype === 'Infocom' ? glpiDay(row.warranty_date) : null;
  const duration = typeof row.warranty_duration === 'number' ? row.warranty_duration : 0;
  const os = itemtype === 'Item_OperatingSystem' ? refId(row, 'operatingsystems_id') : null;
  return [
    target.entityId,
    itemtype,
    row.id,
    target.companyId,
    textOf(row.itemtype) ?? '',
    typeof row.items_id === 'number' ? row.items_id : 0,
    labels.of('OperatingSystem', os),
    os,
    warrantyStart,
    warrantyStart && duration > 0 ? addMonths(warrantyStart, duration) : null,
    glpiDateToUtc(row.date_mod, target.offsetMinutes),
    JSON.stringify(row),
    target.deletedAt,
  ];
}

export const ticketColumns = [
  'glpi_entity_id',
  'glpi_id',
  'company_id',
  'name',
  'content',
  'status',
  'urgency',
  'impact',
  'priority',
  'type',
  'category',
  'category_glpi_id',
  'requester_glpi_user_id',
  'recipient_name',
  'recipient_glpi_id',
  'opened_at',
  'taken_at',
  'solved_at',
  'closed_at',
  'time_to_own',
  'time_to_resolve',
  'glpi_updated_at',
  'raw',
  'deleted_at',
] as const;

export type ParsedTicket = z.output<typeof listedTicketSchema> & Record<string, unknown>;

/** The row itself once its fields are checked (no transform: zod's copy would be the same values). */
export function parseTicket(row: ListedRow): ParsedTicket {
  listedTicketSchema.parse(row);
  return row as ParsedTicket;
}

/** A ticket's title as GLPI shows it (GLPI stores it HTML-encoded), clipped to the cache's column. */
export function ticketTitle(name: string | null): string | null {
  return textOf(name);
}

export function ticketValues(ticket: ParsedTicket, requester: number | null, target: RowTarget, labels: Labels): SqlValue[] {
  const at = (value: string | null | undefined) => glpiDateToUtc(value, target.offsetMinutes);
  const category = refId(ticket, 'itilcategories_id');
  const recipient = refId(ticket, 'users_id_recipient');
  return [
    target.entityId,
    ticket.id,
    target.companyId,
    ticketTitle(ticket.name),
    ticket.content === null ? null : decodeGlpiHtml(ticket.content),
    ticket.status,
    ticket.urgency,
    ticket.impact ?? null,
    ticket.priority,
    ticket.type,
    labels.of('ITILCategory', category),
    category,
    requester,
    labels.of('User', recipient),
    recipient,
    at(ticket.date),
    at(ticket.takeintoaccountdate),
    at(ticket.solvedate),
    at(ticket.closedate),
    at(ticket.time_to_own),
    at(ticket.time_to_resolve),
    at(ticket.date_mod),
    JSON.stringify(ticket),
    target.deletedAt,
  ];
}

export const followupColumns = [
  'glpi_entity_id',
  'glpi_id',
  'glpi_ticket_id',
  'company_id',
  'glpi_user_id',
  'author_name',
  'content',
  'is_private',
  'posted_at',
  'glpi_updated_at',
  'raw',
  'deleted_at',
] as const;

export type FollowupInput = {
  id: number;
  itemtype: string;
  items_id: number;
  users_id: number;
  content: string | null;
  is_private: 0 | 1;
  date: string | null;
  date_mod: string | null;
} & Record<string, unknown>;

/** The ticket a follow-up answers; 0 for follow-ups of GLPI's changes and problems, never routed. */
export const followupTicketId = (followup: FollowupInput) => (followup.itemtype === 'Ticket' ? followup.items_id : 0);

/** A follow-up routed to its ticket's entity and company, or to none (null) while the ticket is not cached. */
export function followupValues(
  followup: FollowupInput,
  route: { entityId: number; companyId: number } | null,
  offsetMinutes: number,
  deletedAt: string | null,
  labels: Labels,
): SqlValue[] {
  const author = followup.users_id > 0 ? followup.users_id : null;
  return [
    route?.entityId ?? null,
    followup.id,
    followupTicketId(followup),
    route?.companyId ?? null,
    author,
    labels.of('User', author),
    followup.content,
    followup.is_private,
    glpiDateToUtc(followup.date, offsetMinutes),
    glpiDateToUtc(followup.date_mod, offsetMinutes),
    JSON.stringify(followup),
    deletedAt,
  ];
}

function stringOr(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** mysql2 hands MariaDB JSON columns back parsed: compare as text, in the key order GLPI sent. */
export function rawText(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}
