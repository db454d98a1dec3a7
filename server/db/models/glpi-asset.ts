import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/** One GLPI asset of a client entity, as the sync last saw it (table glpi_assets, written in bulk by worker/sync). */
export class GlpiAsset extends Model<InferAttributes<GlpiAsset>, InferCreationAttributes<GlpiAsset>> {
  declare id: CreationOptional<number>;
  declare glpiEntityId: number;
  declare itemtype: string;
  declare glpiId: number;
  declare companyId: number;
  declare name: string | null;
  declare serial: string | null;
  declare inventoryNumber: string | null;
  declare model: string | null;
  declare manufacturer: string | null;
  declare type: string | null;
  declare state: string | null;
  declare location: string | null;
  declare userName: string | null;
  declare operatingSystem: string | null;
  declare warrantyStart: string | null;
  declare warrantyEnd: string | null;
  declare licenceSeats: number | null;
  declare licenceSoftware: string | null;
  declare licenceExpiresOn: string | null;
  /** GLPI templates: kept so counts match GLPI's, never shown. */
  declare isTemplate: CreationOptional<boolean>;
  declare glpiCreatedAt: Date | null;
  declare glpiUpdatedAt: Date | null;
  declare raw: unknown;
  declare deletedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiAsset.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    glpiEntityId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    itemtype: { type: DataTypes.STRING(32), allowNull: false },
    glpiId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    name: DataTypes.STRING(255),
    serial: DataTypes.STRING(255),
    inventoryNumber: DataTypes.STRING(255),
    model: DataTypes.STRING(255),
    manufacturer: DataTypes.STRING(255),
    type: DataTypes.STRING(255),
    state: DataTypes.STRING(255),
    location: DataTypes.STRING(255),
    userName: DataTypes.STRING(255),
    operatingSystem: DataTypes.STRING(255),
    warrantyStart: DataTypes.DATEONLY,
    warrantyEnd: DataTypes.DATEONLY,
    licenceSeats: DataTypes.INTEGER,
    licenceSoftware: DataTypes.STRING(255),
    licenceExpiresOn: DataTypes.DATEONLY,
    isTemplate: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    glpiCreatedAt: DataTypes.DATE,
    glpiUpdatedAt: DataTypes.DATE,
    raw: { type: DataTypes.JSON, allowNull: false },
    deletedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_assets' },
);
