import { z } from 'zod';
import { decodeGlpiHtml } from './glpi-html';

/**
 * Shapes this client relies on, checked against ../shared/glpi-fixtures. Objects are loose: GLPI rows
 * have dozens of columns and the sync keeps the raw JSON, so unknown keys pass through untouched.
 */
const id = z.number().int().nonnegative();
/** GLPI booleans are integers (`is_deleted: 0`). */
const flag = z.union([z.literal(0), z.literal(1)]);
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'expected "YYYY-MM-DD HH:MM:SS"');
const optionalDateTime = dateTime.nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected "YYYY-MM-DD"');
/** Text is stored and returned HTML-encoded (`&#60;p&#62;`); the client hands it out decoded. */
const html = z.string().transform(decodeGlpiHtml);
const optionalHtml = z
  .string()
  .nullable()
  .transform((value) => (value === null ? null : decodeGlpiHtml(value)));

const assetCore = {
  id,
  entities_id: id,
  name: optionalHtml,
  comment: optionalHtml,
  is_deleted: flag,
  /** Lists include template rows; callers skip `is_template: 1`. */
  is_template: flag,
  date_mod: optionalDateTime,
  date_creation: optionalDateTime,
};

const hardware = {
  ...assetCore,
  serial: z.string().nullable(),
  otherserial: z.string().nullable(),
  contact: optionalHtml,
  locations_id: id,
  manufacturers_id: id,
  states_id: id,
  users_id: id,
  users_id_tech: id,
  groups_id: id,
  groups_id_tech: id,
};

export const computerSchema = z.looseObject({ ...hardware, computermodels_id: id, computertypes_id: id, uuid: z.string().nullable() });
export const monitorSchema = z.looseObject({ ...hardware, monitormodels_id: id, monitortypes_id: id, size: z.string() });
export const printerSchema = z.looseObject({ ...hardware, printermodels_id: id, printertypes_id: id });
export const networkEquipmentSchema = z.looseObject({ ...hardware, networkequipmentmodels_id: id, networkequipmenttypes_id: id });
export const peripheralSchema = z.looseObject({ ...hardware, peripheralmodels_id: id, peripheraltypes_id: id });
export const phoneSchema = z.looseObject({ ...hardware, phonemodels_id: id, phonetypes_id: id });
export const softwareSchema = z.looseObject({ ...assetCore, manufacturers_id: id, softwarecategories_id: id });
export const softwareLicenseSchema = z.looseObject({
  ...assetCore,
  softwares_id: id,
  softwarelicensetypes_id: id,
  serial: z.string().nullable(),
  /** Number of seats; -1 means unlimited. */
  number: z.number().int(),
  expire: date.nullable(),
  is_valid: flag,
});

/*
 * What GLPI keeps beside an asset (not in the recorded fixtures, whose computers had neither): GLPI
 * 10's glpi_items_operatingsystems and glpi_infocoms rows, as tools/glpi-sim/item-templates.ts has them.
 */
export const itemOperatingSystemSchema = z.looseObject({
  id,
  entities_id: id,
  itemtype: z.string(),
  items_id: id,
  operatingsystems_id: id,
  is_deleted: flag,
  date_mod: optionalDateTime,
});
/** No is_deleted: GLPI purges Infocoms (and lists them all when asked for the trash). */
export const infocomSchema = z.looseObject({
  id,
  entities_id: id,
  itemtype: z.string(),
  items_id: id,
  warranty_date: date.nullable(),
  warranty_duration: z.number().int(),
  date_mod: optionalDateTime,
});

export const ticketSchema = z.looseObject({
  id,
  entities_id: id,
  name: html,
  content: optionalHtml,
  /** 1 new, 2 assigned, 3 planned, 4 pending, 5 solved, 6 closed. */
  status: z.number().int().min(1).max(6),
  urgency: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  /** 1-5, plus 6 "major". */
  priority: z.number().int().min(1).max(6),
  /** 1 incident, 2 request. */
  type: z.number().int().min(1).max(2),
  itilcategories_id: id,
  requesttypes_id: id,
  users_id_recipient: id,
  locations_id: id,
  date: optionalDateTime,
  takeintoaccountdate: optionalDateTime,
  solvedate: optionalDateTime,
  closedate: optionalDateTime,
  time_to_own: optionalDateTime,
  time_to_resolve: optionalDateTime,
  date_mod: optionalDateTime,
  date_creation: optionalDateTime,
  is_deleted: flag,
});

export const followupSchema = z.looseObject({
  id,
  itemtype: z.string(),
  items_id: id,
  users_id: id,
  content: optionalHtml,
  /** Private follow-ups are technicians' notes: they never reach clients. */
  is_private: flag,
  date: optionalDateTime,
  date_mod: optionalDateTime,
  date_creation: optionalDateTime,
});

/** A technician's solution (ITILSolution): status 2 waiting for the requester, 3 accepted, 4 refused. */
export const solutionSchema = z.looseObject({
  id,
  itemtype: z.string(),
  items_id: id,
  users_id: id,
  content: optionalHtml,
  status: z.number().int(),
  date_approval: optionalDateTime,
  date_creation: optionalDateTime,
  date_mod: optionalDateTime,
});

/**
 * The link of a Document to a ticket or to one of its follow-ups or solutions (GLPI 10.0.12 has no
 * privacy of its own on documents: one on a private follow-up is as private as the follow-up).
 */
export const documentItemSchema = z.looseObject({
  id,
  documents_id: id,
  itemtype: z.string(),
  items_id: id,
  users_id: id.nullable(),
  date_creation: optionalDateTime,
  date_mod: optionalDateTime,
});

/** A Document's own row: the file's name, type and checksum (the bytes come from GET /Document/:id as a file). */
export const documentSchema = z.looseObject({
  id,
  filename: optionalHtml,
  mime: z.string().nullable(),
  sha1sum: z.string().nullable(),
  comment: optionalHtml,
  is_deleted: flag,
  date_mod: optionalDateTime,
});

export const userSchema = z.looseObject({
  id,
  /** The login. */
  name: html,
  realname: optionalHtml,
  firstname: optionalHtml,
  phone: z.string().nullable(),
  entities_id: id,
  profiles_id: id,
  is_active: flag,
  is_deleted: flag,
  date_mod: optionalDateTime,
});

export const entitySchema = z.looseObject({
  id,
  name: html,
  /** null for the root entity. */
  entities_id: id.nullable(),
  completename: html,
  level: z.number().int(),
  date_mod: optionalDateTime,
  /** Where provisioning keeps its marker (entity-identity.ts). */
  comment: optionalHtml.optional(),
});

/**
 * The link of a ticket to an item it is about (GLPI 10.0.12's glpi_items_tickets: these four
 * columns, no date_mod, no entity; docs/decisions/181-ticket-items-synced.md).
 */
export const itemTicketSchema = z.looseObject({ id, itemtype: z.string(), items_id: id, tickets_id: id });

export const profileUserSchema = z.looseObject({
  id,
  users_id: id,
  profiles_id: id,
  entities_id: id,
  is_recursive: flag,
  is_dynamic: flag,
  is_default_profile: flag,
});

export const ticketUserSchema = z.looseObject({
  id,
  tickets_id: id,
  users_id: id,
  /** 1 requester, 2 assigned, 3 observer. */
  type: z.number().int().min(1).max(3),
});

/**
 * A dropdown row (OperatingSystem, Manufacturer, State…): what the sync resolves numeric ids with.
 * `completename` ("Parent > Child") exists on tree dropdowns only.
 */
export const dropdownSchema = z.looseObject({
  id,
  name: optionalHtml,
  completename: optionalHtml.optional(),
  /** Absent from a few tables (SoftwareCategory): those are read whole. */
  date_mod: optionalDateTime.optional(),
});
/**
 * The dropdown tables whose names the cache shows (the users who appear on assets and tickets
 * among them): read server-wide into glpi_dropdowns, so that assets and tickets are read without
 * expand_dropdowns. Tree dropdowns (their parent in the `<table>_id` column of their own) show
 * their complete name.
 */
export const dropdownItemtypes = [
  'OperatingSystem',
  'Manufacturer',
  'ComputerModel',
  'ComputerType',
  'MonitorModel',
  'MonitorType',
  'PrinterModel',
  'PrinterType',
  'NetworkEquipmentModel',
  'NetworkEquipmentType',
  'PeripheralModel',
  'PeripheralType',
  'PhoneModel',
  'PhoneType',
  'SoftwareCategory',
  'SoftwareLicenseType',
  'State',
  'Location',
  'ITILCategory',
  'User',
] as const;
export const treeDropdownParents: Partial<Record<(typeof dropdownItemtypes)[number], string>> = {
  SoftwareCategory: 'softwarecategories_id',
  SoftwareLicenseType: 'softwarelicensetypes_id',
  State: 'states_id',
  Location: 'locations_id',
  ITILCategory: 'itilcategories_id',
};
/** GLPI 10.0 has no date_mod on these: they are read whole, every cycle (a few rows). */
export const undatedDropdowns: ReadonlySet<string> = new Set(['SoftwareCategory']);
export type DropdownItemtype = (typeof dropdownItemtypes)[number];
export const isDropdownItemtype = (itemtype: string): itemtype is DropdownItemtype =>
  (dropdownItemtypes as readonly string[]).includes(itemtype);

export const itemSchemas = {
  Computer: computerSchema,
  Monitor: monitorSchema,
  Printer: printerSchema,
  NetworkEquipment: networkEquipmentSchema,
  Peripheral: peripheralSchema,
  Phone: phoneSchema,
  Software: softwareSchema,
  SoftwareLicense: softwareLicenseSchema,
  Item_OperatingSystem: itemOperatingSystemSchema,
  Infocom: infocomSchema,
  Ticket: ticketSchema,
  ITILFollowup: followupSchema,
  ITILSolution: solutionSchema,
  Document_Item: documentItemSchema,
  Item_Ticket: itemTicketSchema,
  Document: documentSchema,
  User: userSchema,
  Entity: entitySchema,
  Profile_User: profileUserSchema,
  Ticket_User: ticketUserSchema,
  OperatingSystem: dropdownSchema,
  Manufacturer: dropdownSchema,
  ComputerModel: dropdownSchema,
  ComputerType: dropdownSchema,
  MonitorModel: dropdownSchema,
  MonitorType: dropdownSchema,
  PrinterModel: dropdownSchema,
  PrinterType: dropdownSchema,
  NetworkEquipmentModel: dropdownSchema,
  NetworkEquipmentType: dropdownSchema,
  PeripheralModel: dropdownSchema,
  PeripheralType: dropdownSchema,
  PhoneModel: dropdownSchema,
  PhoneType: dropdownSchema,
  SoftwareCategory: dropdownSchema,
  SoftwareLicenseType: dropdownSchema,
  State: dropdownSchema,
  Location: dropdownSchema,
  ITILCategory: dropdownSchema,
} as const;

export type GlpiItemtype = keyof typeof itemSchemas;
export type GlpiItem<T extends GlpiItemtype> = z.output<(typeof itemSchemas)[T]>;
export const assetDetailItemtypes = ['Item_OperatingSystem', 'Infocom'] as const;
export type AssetDetailItemtype = (typeof assetDetailItemtypes)[number];
export const isAssetDetailItemtype = (itemtype: string): itemtype is AssetDetailItemtype =>
  (assetDetailItemtypes as readonly string[]).includes(itemtype);
export type AssetItemtype = Exclude<
  GlpiItemtype,
  | 'Ticket'
  | 'ITILFollowup'
  | 'ITILSolution'
  | 'Document_Item'
  | 'Item_Ticket'
  | 'Document'
  | 'User'
  | 'Entity'
  | 'Profile_User'
  | 'Ticket_User'
  | AssetDetailItemtype
  | DropdownItemtype
>;
export const assetItemtypes = [
  'Computer',
  'Monitor',
  'Printer',
  'NetworkEquipment',
  'Peripheral',
  'Phone',
  'Software',
  'SoftwareLicense',
] as const satisfies readonly AssetItemtype[];

export const onlyIdSchema = z.looseObject({ id });

export const initSessionSchema = z.object({ session_token: z.string().min(1) });

export const searchResponseSchema = z.object({
  totalcount: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  /** Absent when nothing matches (search_Ticket_no_results). */
  data: z.array(z.record(z.string(), z.unknown())).optional(),
  'content-range': z.string(),
});

/** The pair the reconcile compares: search option 2 (id) and 19 (last update). */
export const idDateRowSchema = z
  .looseObject({ '2': id, '19': optionalDateTime })
  .transform((row) => ({ id: row['2'], date_mod: row['19'] }));
export type IdDate = z.output<typeof idDateRowSchema>;

export const addedSchema = z.object({ id, message: z.string().nullable() });
export const addedBulkSchema = z.array(z.object({ id: z.union([id, z.literal(false)]), message: z.string().nullable() }));
/** `["ERROR_GLPI_PARTIAL_ADD", [{"id": false, "message": "..."}, ...]]` (post_Ticket_bulk_partial_failure). */
export const partialAddSchema = z.tuple([z.string(), addedBulkSchema]);
/** `[{"55": true, "message": ""}]`: keyed by the id as a string (put_Ticket_id). */
export const updatedSchema = z.array(z.record(z.string(), z.union([z.boolean(), z.string(), z.null()])));

export type ContentRange = { start: number; end: number; total: number };

/** `Content-Range: 0-4/52`; the end can be below the start at the very end (`38-37/38`). */
export function parseContentRange(value: string | null): ContentRange | null {
  const match = value?.match(/^(\d+)-(-?\d+)\/(\d+)$/);
  if (!match) return null;
  return { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) };
}

// Inputs of the writes the platform makes. GLPI applies business rules on top (GLPI-API.md, Writes).
const binary = z.union([z.boolean(), flag]).transform((value) => (value === true || value === 1 ? 1 : 0));

export const ticketInputSchema = z.object({
  name: z.string().min(1),
  content: z.string(),
  entities_id: id,
  /** No requester is added automatically through the API. */
  _users_id_requester: z.union([id, z.array(id)]),
  urgency: z.number().int().min(1).max(5).optional(),
  impact: z.number().int().min(1).max(5).optional(),
  type: z.union([z.literal(1), z.literal(2)]).optional(),
  itilcategories_id: id.optional(),
  /** Items of the park the ticket is about: GLPI links each (Item_Ticket) as the ticket is added. */
  items_id: z.record(z.string().regex(/^[A-Za-z_]+$/), z.array(id)).optional(),
});
export const ticketUpdateSchema = ticketInputSchema
  .omit({ _users_id_requester: true, items_id: true })
  .partial()
  .extend({ status: z.number().int().min(1).max(6).optional() });

export const followupInputSchema = z.object({
  itemtype: z.literal('Ticket').default('Ticket'),
  items_id: id,
  content: z.string().min(1),
  is_private: binary.default(0),
  /**
   * The requester's answer to a solved ticket's solution, as GLPI's own approval form posts it
   * (timeline/approbation_form.html.twig): `add_close` approves (the ticket closes, the solution is
   * accepted), `add_reopen` refuses (a reason is required; the ticket goes back to processing).
   */
  add_close: z.literal(1).optional(),
  add_reopen: z.literal(1).optional(),
});

export const userInputSchema = z.object({
  /** The login (the platform uses the e-mail address). */
  name: z.string().min(1),
  realname: z.string().optional(),
  firstname: z.string().optional(),
  phone: z.string().optional(),
  password: z.string().optional(),
  /** GLPI hashes the password only when password2 is sent too. */
  password2: z.string().optional(),
  _useremails: z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional(),
  _default_email: z.union([z.number(), z.string()]).optional(),
  _profiles_id: id.optional(),
  _entities_id: id.optional(),
  _is_recursive: binary.optional(),
  entities_id: id.optional(),
  is_active: binary.optional(),
});
export const userUpdateSchema = userInputSchema
  .omit({ name: true, _profiles_id: true, _entities_id: true, _is_recursive: true })
  .partial()
  .extend({
    /** The user's default profile: the one a session of theirs starts on. */
    profiles_id: id.optional(),
    /** Set by an account with more rights than the user; never returned by reads (GLPI-API.md). */
    api_token: z
      .string()
      .regex(/^[A-Za-z0-9]{20,}$/)
      .optional(),
    /** 0: GLPI refuses the account any session (its token included); the platform's deactivated people. */
    is_active: binary.optional(),
  });

export const entityInputSchema = z.object({ name: z.string().min(1), entities_id: id, comment: z.string().optional() });
export const entityUpdateSchema = entityInputSchema.partial();

export const profileUserInputSchema = z.object({ users_id: id, profiles_id: id, entities_id: id, is_recursive: binary.default(0) });
export const profileUserUpdateSchema = profileUserInputSchema.partial();

export const writeSchemas = {
  Ticket: { create: ticketInputSchema, update: ticketUpdateSchema },
  ITILFollowup: { create: followupInputSchema, update: followupInputSchema.partial() },
  User: { create: userInputSchema, update: userUpdateSchema },
  Entity: { create: entityInputSchema, update: entityUpdateSchema },
  Profile_User: { create: profileUserInputSchema, update: profileUserUpdateSchema },
} as const;
export type WritableItemtype = keyof typeof writeSchemas;
export type CreateInput<T extends WritableItemtype> = z.input<(typeof writeSchemas)[T]['create']>;
export type UpdateInput<T extends WritableItemtype> = z.input<(typeof writeSchemas)[T]['update']>;
