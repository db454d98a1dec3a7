import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

const glpiId = { type: DataTypes.INTEGER.UNSIGNED, allowNull: false };
const when = { type: DataTypes.DATE, allowNull: true };

/**
 * What GLPI keeps beside an asset's own row: its operating system (Item_OperatingSystem) and its
 * financial record with the warranty (Infocom). The sync reads them as item types of their own,
 * keeps them here, and copies what the portal shows onto the asset's row in glpi_assets
 * (operating_system, warranty_start, warranty_end), so that the portal's queries need no join.
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('glpi_asset_details', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    glpi_entity_id: glpiId,
    itemtype: { type: DataTypes.STRING(32), allowNull: false },
    glpi_id: glpiId,
    company_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, references: { model: 'companies', key: 'id' }, onDelete: 'CASCADE' },
    /** The asset it describes. */
    item_itemtype: { type: DataTypes.STRING(32), allowNull: false },
    item_id: glpiId,
    operating_system: { type: DataTypes.STRING(255), allowNull: true },
    warranty_start: { type: DataTypes.DATEONLY, allowNull: true },
    warranty_end: { type: DataTypes.DATEONLY, allowNull: true },
    glpi_updated_at: when,
    raw: { type: DataTypes.JSON, allowNull: false },
    deleted_at: when,
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('glpi_asset_details', ['glpi_entity_id', 'itemtype', 'glpi_id'], { unique: true, name: 'glpi_asset_details_key' });
  // An asset's details of one kind in GLPI order: what copying them onto the asset reads.
  await qi.addIndex('glpi_asset_details', ['glpi_entity_id', 'item_itemtype', 'item_id', 'itemtype', 'glpi_id'], {
    name: 'glpi_asset_details_item',
  });
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.dropTable('glpi_asset_details');
};
