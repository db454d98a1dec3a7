import { insertDropdown } from './sim-dropdowns';
import type { DropdownType } from './sim-itemtypes';
import * as names from './sim-names';
import type { Scalar, Store } from './sim-store';
import { glpiEncode } from './sim-text';

/**
 * The dropdown tables seeded assets and tickets point at (by the ids the generator draws). Global
 * ones (Manufacturer, OperatingSystem, models, types, SoftwareCategory) have no entity; states,
 * ticket categories and licence types belong to the root entity, recursive; locations are seeded per
 * client (seedClient).
 */
export function seedDropdowns(store: Store, stamp: string): void {
  const dates = { date_mod: stamp, date_creation: stamp };
  const fill = (
    itemtype: DropdownType,
    values: Readonly<Record<number, string>> | readonly string[],
    extra: Record<string, Scalar> = {},
  ) => {
    const entries = Array.isArray(values) ? values.map((value, index) => [index + 1, value] as const) : Object.entries(values);
    for (const [id, name] of entries) {
      // SoftwareCategory has no date columns in GLPI 10: keep the row to its template's keys.
      const stamped = store.table(itemtype).columns.has('date_mod') ? dates : {};
      insertDropdown(store, itemtype, { id: Number(id), name: glpiEncode(name), ...stamped, ...extra });
    }
  };
  const rootRecursive = { entities_id: 0, is_recursive: 1 };
  fill('Manufacturer', names.manufacturers);
  fill('OperatingSystem', names.operatingSystems);
  fill('State', names.states, rootRecursive);
  fill('ITILCategory', names.itilCategories, rootRecursive);
  fill('SoftwareLicenseType', names.licenseTypes, rootRecursive);
  fill('ComputerType', names.computerTypes);
  fill('ComputerModel', names.computerModels);
  fill('MonitorModel', names.monitorModels);
  fill('MonitorType', names.monitorTypes);
  fill('PrinterModel', names.printerModels);
  fill('PrinterType', names.printerTypes);
  fill('NetworkEquipmentModel', names.networkEquipmentModels);
  fill('NetworkEquipmentType', names.networkEquipmentTypes);
  fill('PeripheralType', names.peripheralTypes);
  fill('PhoneModel', names.phoneModels);
  fill('PhoneType', names.phoneTypes);
  fill('SoftwareCategory', names.softwareCategories);
  store.setLabels('Group', ['Helpdesk N1', 'Infrastructure']);
  store.setLabels('Profile', ['Self-Service', 'Observer', 'Admin', 'Super-Admin', 'Hotliner', 'Technician', 'Supervisor', 'Read-Only']);
}
