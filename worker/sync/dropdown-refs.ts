import type { AssetItemtype, DropdownItemtype } from '../glpi/glpi-schemas';

/**
 * Where each GLPI dropdown shows in the cache: the cached table and column that show its label, the
 * column that keeps its id, the GLPI field that holds that id, and, for per-type dropdowns
 * (ComputerModel…), the item type of the rows concerned. The write path reads labels through it,
 * and a renamed or deleted dropdown reaches every row it names through it.
 */
export type DropdownRef = {
  table: 'glpi_assets' | 'glpi_tickets' | 'glpi_ticket_followups' | 'glpi_asset_details';
  column: string;
  idColumn: string;
  field: string;
  itemtype?: string;
};

const asset = (column: string, field: string, itemtype?: AssetItemtype): DropdownRef => ({
  table: 'glpi_assets',
  column,
  idColumn: `${column === 'user_name' ? 'user' : column}_glpi_id`,
  field,
  ...(itemtype ? { itemtype } : {}),
});
const modelAndType = (itemtype: AssetItemtype, prefix: string): [DropdownRef, DropdownRef] => [
  asset('model', `${prefix}models_id`, itemtype),
  asset('type', `${prefix}types_id`, itemtype),
];
const hardware: AssetItemtype[] = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone'];

export const dropdownRefs: Record<DropdownItemtype, DropdownRef[]> = {
  OperatingSystem: [
    {
      table: 'glpi_asset_details',
      column: 'operating_system',
      idColumn: 'operating_system_glpi_id',
      field: 'operatingsystems_id',
      itemtype: 'Item_OperatingSystem',
    },
  ],
  Manufacturer: [...hardware, 'Software' as const].map((type) => asset('manufacturer', 'manufacturers_id', type)),
  ComputerModel: [modelAndType('Computer', 'computer')[0]],
  ComputerType: [modelAndType('Computer', 'computer')[1]],
  MonitorModel: [modelAndType('Monitor', 'monitor')[0]],
  MonitorType: [modelAndType('Monitor', 'monitor')[1]],
  PrinterModel: [modelAndType('Printer', 'printer')[0]],
  PrinterType: [modelAndType('Printer', 'printer')[1]],
  NetworkEquipmentModel: [modelAndType('NetworkEquipment', 'networkequipment')[0]],
  NetworkEquipmentType: [modelAndType('NetworkEquipment', 'networkequipment')[1]],
  PeripheralModel: [modelAndType('Peripheral', 'peripheral')[0]],
  PeripheralType: [modelAndType('Peripheral', 'peripheral')[1]],
  PhoneModel: [modelAndType('Phone', 'phone')[0]],
  PhoneType: [modelAndType('Phone', 'phone')[1]],
  SoftwareCategory: [asset('type', 'softwarecategories_id', 'Software')],
  SoftwareLicenseType: [asset('type', 'softwarelicensetypes_id', 'SoftwareLicense')],
  State: hardware.map((type) => asset('state', 'states_id', type)),
  Location: hardware.map((type) => asset('location', 'locations_id', type)),
  ITILCategory: [{ table: 'glpi_tickets', column: 'category', idColumn: 'category_glpi_id', field: 'itilcategories_id' }],
  User: [
    ...hardware.map((type) => asset('user_name', 'users_id', type)),
    { table: 'glpi_tickets', column: 'recipient_name', idColumn: 'recipient_glpi_id', field: 'users_id_recipient' },
    { table: 'glpi_ticket_followups', column: 'author_name', idColumn: 'glpi_user_id', field: 'users_id' },
  ],
};

/** The references a row of this cached table (and item type) carries. */
export function refsOf(table: DropdownRef['table'], itemtype?: string): Array<DropdownRef & { dropdown: DropdownItemtype }> {
  return (Object.entries(dropdownRefs) as Array<[DropdownItemtype, DropdownRef[]]>).flatMap(([dropdown, refs]) =>
    refs
      .filter((ref) => ref.table === table && (ref.itemtype === undefined || ref.itemtype === itemtype))
      .map((ref) => ({ ...ref, dropdown })),
  );
}

/** The id a row holds in that field: GLPI's 0 means none. */
export function refId(row: Record<string, unknown>, field: string): number | null {
  const value = row[field];
  return typeof value === 'number' && value > 0 ? value : null;
}
