import type { TemplatedType } from './item-templates';

/**
 * How GLPI 10.0 restricts a type's rows to the session's active entities (API::getItems):
 * - `entity`: rows carry `entities_id`; a row of an ancestor entity is visible too when its
 *   `is_recursive` is 1 (getEntitiesRestrictRequest with the type's maybeRecursive()).
 * - `global`: not entity-assigned (Manufacturer, OperatingSystem, models, types…): every row, always.
 * - `ticket`: no `entities_id` column, so lists are **not** entity-filtered at all (GET /ITILFollowup
 *   returns every follow-up of the server whatever the active entity); rights filter them instead.
 * - `self`: Entity, scoped by its own id.
 * - `user`: User, scoped by the entities of the user's Profile_User rows (Search::addDefaultWhere).
 */
export type EntityScope = 'entity' | 'global' | 'ticket' | 'self' | 'user';

/** Dropdown tables GLPI serves as endpoints (`GET /Manufacturer`…), all with the shape of dropdown-templates.ts. */
export const dropdownTypes = [
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
] as const satisfies readonly TemplatedType[];
export type DropdownType = (typeof dropdownTypes)[number];

export function isDropdownType(itemtype: string): itemtype is DropdownType {
  return (dropdownTypes as readonly string[]).includes(itemtype);
}

/** Tree dropdowns (CommonTreeDropdown): the column naming the parent. They display as their completename. */
export const treeParentKeys: Partial<Record<TemplatedType, string>> = {
  SoftwareCategory: 'softwarecategories_id',
  SoftwareLicenseType: 'softwarelicensetypes_id',
  State: 'states_id',
  Location: 'locations_id',
  ITILCategory: 'itilcategories_id',
};

const entityAssignedDropdowns: ReadonlySet<string> = new Set(['State', 'Location', 'ITILCategory', 'SoftwareLicenseType']);

export function entityScope(itemtype: TemplatedType): EntityScope {
  if (itemtype === 'Entity') return 'self';
  if (itemtype === 'User') return 'user';
  if (
    itemtype === 'ITILFollowup' ||
    itemtype === 'ITILSolution' ||
    itemtype === 'Ticket_User' ||
    itemtype === 'Item_Ticket' ||
    itemtype === 'TicketSatisfaction'
  )
    return 'ticket';
  if (itemtype === 'UserEmail') return 'global';
  if (isDropdownType(itemtype)) return entityAssignedDropdowns.has(itemtype) ? 'entity' : 'global';
  return 'entity';
}

/** Foreign keys that point at a served table: their HATEOAS `rel` and what `expand_dropdowns` reads. */
export const foreignKeyTables: Readonly<Record<string, TemplatedType>> = {
  manufacturers_id: 'Manufacturer',
  operatingsystems_id: 'OperatingSystem',
  states_id: 'State',
  locations_id: 'Location',
  itilcategories_id: 'ITILCategory',
  computermodels_id: 'ComputerModel',
  computertypes_id: 'ComputerType',
  monitormodels_id: 'MonitorModel',
  monitortypes_id: 'MonitorType',
  printermodels_id: 'PrinterModel',
  printertypes_id: 'PrinterType',
  networkequipmentmodels_id: 'NetworkEquipmentModel',
  networkequipmenttypes_id: 'NetworkEquipmentType',
  peripheralmodels_id: 'PeripheralModel',
  peripheraltypes_id: 'PeripheralType',
  phonemodels_id: 'PhoneModel',
  phonetypes_id: 'PhoneType',
  softwarecategories_id: 'SoftwareCategory',
  softwarelicensetypes_id: 'SoftwareLicenseType',
  softwares_id: 'Software',
  tickets_id: 'Ticket',
};

/** Small lookup tables the simulator knows by name only (never served as endpoints). */
export type LabelKind = 'Group' | 'Profile' | 'RequestType';
