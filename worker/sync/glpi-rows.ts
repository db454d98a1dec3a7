import { z } from 'zod';
import { decodeGlpiHtml } from '../glpi/glpi-html';
import type { AssetDetailItemtype, AssetItemtype } from '../glpi/glpi-schemas';
import { addMonths, glpiDateToUtc, glpiDay } from './glpi-time';

/**
 * Rows of `GET /:itemtype?expand_dropdowns=true`: foreign keys come back as display names (the JSON
 * type changes from number to string), a zero key stays the number 0. Only what the cache relies on
 * is checked; the whole row is kept as raw JSON.
 */
const id = z.number().int().nonnegative();
const dateText = z.string().nullable().optional();
export const listedRowSchema = z.looseObject({
  id,
  date_mod: dateText,
  is_template: z.union([z.literal(0), z.literal(1)]).optional(),
  is_deleted: z.union([z.literal(0), z.literal(1)]).optional(),
});
export type ListedRow = z.output<typeof listedRowSchema>;

const expandedTicketSchema = z.looseObject({
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

/** A dropdown as expanded by GLPI: its name, or null for "none" (0) and unresolved ids. */
function dropdown(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return clip(decodeGlpiHtml(value));
}

function textOf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return clip(decodeGlpiHtml(value));
}

function clip(value: string, length = 255): string {
  return value.length > length ? value.slice(0, length) : value;
}

const modelAndType: Record<AssetItemtype, { model?: string; type?: string }> = {
  Computer: { model: 'computermodels_id', type: 'computertypes_id' },
  Monitor: { model: 'monitormodels_id', type: 'monitortypes_id' },
  Printer: { model: 'printermodels_id', type: 'printertypes_id' },
  NetworkEquipment: { model: 'networkequipmentmodels_id', type: 'networkequipmenttypes_id' },
  Peripheral: { model: 'peripheralmodels_id', type: 'peripheraltypes_id' },
  Phone: { model: 'phonemodels_id', type: 'phonetypes_id' },
  Software: { type: 'softwarecategories_id' },
  SoftwareLicense: { type: 'softwarelicensetypes_id' },
};

export const assetColumns = [
  'glpi_entity_id', 'itemtype', 'glpi_id', 'company_id', 'name', 'serial', 'inventory_number', 'model', 'manufacturer',
  'type', 'state', 'location', 'user_name', 'licence_seats',
  'licence_software', 'licence_expires_on', 'is_template', 'glpi_created_at', 'glpi_updated_at', 'raw', 'deleted_at',
] as const;

export type RowTarget = { entityId: number; companyId: number; offsetMinutes: number; deletedAt: string | null };

/**
 * An asset's own row. Its operating system and warranty live in GLPI's Item_OperatingSystem and
 * Infocom: the sync reads those separately (detailValues) and copies them onto the asset's row.
 */
export function assetValues(itemtype: AssetItemtype, row: ListedRow, target: RowTarget): SqlValue[] {
  const keys = modelAndType[itemtype];
  const licence = itemtype === 'SoftwareLicense';
  return [
    target.entityId, itemtype, row.id, target.companyId,
    textOf(row.name), textOf(row.serial), textOf(row.otherserial),
    keys.model ? dropdown(row[keys.model]) : null,
    dropdown(row.manufacturers_id),
    keys.type ? dropdown(row[keys.type]) : null,
    dropdown(row.states_id), dropdown(row.locations_id), dropdown(row.users_id),
    licence && typeof row.number === 'number' ? row.number : null,
    licence ? dropdown(row.softwares_id) : null,
    licence ? glpiDay(row.expire) : null,
    row.is_template === 1 ? 1 : 0,
    glpiDateToUtc(stringOr(row.date_creation), target.offsetMinutes),
    glpiDateToUtc(row.date_mod, target.offsetMinutes),
    JSON.stringify(row),
    target.deletedAt,
  ];
}

export const detailColumns = [
  'glpi_entity_id', 'itemtype', 'glpi_id', 'company_id', 'item_itemtype', 'item_id', 'operating_system', 'warranty_start',
  'warranty_end', 'glpi_updated_at', 'raw', 'deleted_at',
] as const;

/** An Item_OperatingSystem (the OS name, expanded) or an Infocom (warranty start + duration in months). */
export function detailValues(itemtype: AssetDetailItemtype, row: ListedRow, target: RowTarget): SqlValue[] {
  const warrantyStart = itemtype === 'Infocom' ? glpiDay(row.warranty_date) : null;
  const duration = typeof row.warranty_duration === 'number' ? row.warranty_duration : 0;
  return [
    target.entityId, itemtype, row.id, target.companyId, textOf(row.itemtype) ?? '', typeof row.items_id === 'number' ? row.items_id : 0,
    itemtype === 'Item_OperatingSystem' ? dropdown(row.operatingsystems_id) : null,
    warrantyStart, warrantyStart && duration > 0 ? addMonths(warrantyStart, duration) : null,
    glpiDateToUtc(row.date_mod, target.offsetMinutes), JSON.stringify(row), target.deletedAt,
  ];
}

export const ticketColumns = [
  'glpi_entity_id', 'glpi_id', 'company_id', 'name', 'content', 'status', 'urgency', 'impact', 'priority', 'type',
  'category', 'requester_glpi_user_id', 'recipient_name', 'opened_at', 'taken_at', 'solved_at', 'closed_at',
  'time_to_own', 'time_to_resolve', 'glpi_updated_at', 'raw', 'deleted_at',
] as const;

export type ParsedTicket = z.output<typeof expandedTicketSchema> & Record<string, unknown>;

export function parseTicket(row: ListedRow): ParsedTicket {
  return expandedTicketSchema.parse(row);
}

export function ticketValues(ticket: ParsedTicket, requester: number | null, target: RowTarget): SqlValue[] {
  const at = (value: string | null | undefined) => glpiDateToUtc(value, target.offsetMinutes);
  return [
    target.entityId, ticket.id, target.companyId, textOf(ticket.name),
    ticket.content === null ? null : decodeGlpiHtml(ticket.content),
    ticket.status, ticket.urgency, ticket.impact ?? null, ticket.priority, ticket.type,
    dropdown(ticket.itilcategories_id), requester, dropdown(ticket.users_id_recipient),
    at(ticket.date), at(ticket.takeintoaccountdate), at(ticket.solvedate), at(ticket.closedate),
    at(ticket.time_to_own), at(ticket.time_to_resolve), at(ticket.date_mod),
    JSON.stringify(ticket), target.deletedAt,
  ];
}

export const followupColumns = [
  'glpi_entity_id', 'glpi_id', 'glpi_ticket_id', 'company_id', 'glpi_user_id', 'author_name', 'content', 'is_private',
  'posted_at', 'glpi_updated_at', 'raw', 'deleted_at',
] as const;

export type FollowupInput = {
  id: number; items_id: number; users_id: number; content: string | null; is_private: 0 | 1;
  date: string | null; date_mod: string | null;
} & Record<string, unknown>;

export function followupValues(followup: FollowupInput, target: RowTarget): SqlValue[] {
  return [
    target.entityId, followup.id, followup.items_id, target.companyId, followup.users_id || null, null,
    followup.content, followup.is_private, glpiDateToUtc(followup.date, target.offsetMinutes),
    glpiDateToUtc(followup.date_mod, target.offsetMinutes), JSON.stringify(followup), target.deletedAt,
  ];
}

function stringOr(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** mysql2 hands MariaDB JSON columns back parsed: compare as text, in the key order GLPI sent. */
export function rawText(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}
