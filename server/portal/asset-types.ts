import { z } from 'zod';

/**
 * The IT park as the portal shows it: one list per GLPI asset type, named in URLs by a slug, with
 * the columns that type's cache rows fill (the cache keeps every type in one table).
 */
export const assetSlugs = {
  computers: 'Computer',
  monitors: 'Monitor',
  printers: 'Printer',
  'network-equipment': 'NetworkEquipment',
  peripherals: 'Peripheral',
  phones: 'Phone',
  software: 'Software',
  licences: 'SoftwareLicense',
} as const;

export type AssetSlug = keyof typeof assetSlugs;
export type AssetItemtype = (typeof assetSlugs)[AssetSlug];
const slugs = new Map<string, AssetSlug>(Object.entries(assetSlugs).map(([slug, itemtype]) => [itemtype, slug as AssetSlug]));
/** The slug of a GLPI item type the portal shows, or null. */
export const assetSlugOf = (itemtype: string): AssetSlug | null => slugs.get(itemtype) ?? null;
export const assetSlugSchema = z.enum(Object.keys(assetSlugs) as [AssetSlug, ...AssetSlug[]]);

export const assetColumns = [
  'name',
  'serial',
  'inventoryNumber',
  'model',
  'manufacturer',
  'type',
  'state',
  'location',
  'userName',
  'operatingSystem',
  'warrantyEnd',
  'licenceSoftware',
  'licenceSeats',
  'licenceExpiresOn',
  'glpiUpdatedAt',
] as const;
export type AssetColumn = (typeof assetColumns)[number];
export const assetColumnSchema = z.enum(assetColumns);

const hardware: AssetColumn[] = [
  'name',
  'serial',
  'inventoryNumber',
  'manufacturer',
  'model',
  'type',
  'state',
  'location',
  'userName',
  'warrantyEnd',
];

/** Columns shown (and sortable, exported) per type, in display order. */
export const columnsBySlug: Record<AssetSlug, AssetColumn[]> = {
  computers: [
    'name',
    'serial',
    'inventoryNumber',
    'manufacturer',
    'model',
    'operatingSystem',
    'state',
    'location',
    'userName',
    'warrantyEnd',
  ],
  monitors: hardware,
  printers: hardware,
  'network-equipment': hardware,
  peripherals: hardware,
  phones: hardware,
  software: ['name', 'manufacturer', 'state', 'location', 'glpiUpdatedAt'],
  licences: ['name', 'licenceSoftware', 'serial', 'licenceSeats', 'licenceExpiresOn', 'state', 'location'],
};

/** SQL column of each portal column (glpi_assets). */
export const sqlColumn: Record<AssetColumn, string> = {
  name: 'name',
  serial: 'serial',
  inventoryNumber: 'inventory_number',
  model: 'model',
  manufacturer: 'manufacturer',
  type: 'type',
  state: 'state',
  location: 'location',
  userName: 'user_name',
  operatingSystem: 'operating_system',
  warrantyEnd: 'warranty_end',
  licenceSoftware: 'licence_software',
  licenceSeats: 'licence_seats',
  licenceExpiresOn: 'licence_expires_on',
  glpiUpdatedAt: 'glpi_updated_at',
};

/** French CSV headers (the export is for French-speaking accountants and IT managers). */
export const frenchHeaders: Record<AssetColumn, string> = {
  name: 'Nom',
  serial: 'Numéro de série',
  inventoryNumber: "Numéro d'inventaire",
  model: 'Modèle',
  manufacturer: 'Fabricant',
  type: 'Type',
  state: 'Statut',
  location: 'Lieu',
  userName: 'Utilisateur',
  operatingSystem: "Système d'exploitation",
  warrantyEnd: 'Fin de garantie',
  licenceSoftware: 'Logiciel',
  licenceSeats: 'Nombre de postes',
  licenceExpiresOn: "Date d'expiration",
  glpiUpdatedAt: 'Dernière modification',
};

export const slugOfItemtype = (itemtype: string): AssetSlug | null =>
  (Object.entries(assetSlugs).find(([, value]) => value === itemtype)?.[0] as AssetSlug | undefined) ?? null;
