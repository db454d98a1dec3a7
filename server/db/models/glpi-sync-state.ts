import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/**
 * Where the sync of one (entity, item type) stands (table glpi_sync_state). Server-wide pairs
 * (follow-ups, dropdowns) have entity 0 and no company.
 */
export class GlpiSyncState extends Model<InferAttributes<GlpiSyncState>, InferCreationAttributes<GlpiSyncState>> {
  declare id: CreationOptional<number>;
  declare glpiEntityId: number;
  declare itemtype: string;
  declare companyId: number | null;
  /** GLPI's `date_mod` text of the newest item read so far. */
  declare watermark: string | null;
  /** Where the next incremental read starts (GLPI text, inclusive); null until the first full read ends. */
  declare readFrom: string | null;
  declare lastSuccessAt: Date | null;
  declare lastAttemptAt: Date | null;
  declare lastDurationMs: number | null;
  declare lastItems: number | null;
  declare lastFullReconcileAt: Date | null;
  declare lastError: string | null;
  declare lastErrorAt: Date | null;
  declare cycleCount: CreationOptional<number>;
  declare runningSince: Date | null;
  declare progressDone: number | null;
  declare progressTotal: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiSyncState.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    glpiEntityId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    itemtype: { type: DataTypes.STRING(32), allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    watermark: DataTypes.STRING(19),
    readFrom: DataTypes.STRING(19),
    lastSuccessAt: DataTypes.DATE,
    lastAttemptAt: DataTypes.DATE,
    lastDurationMs: DataTypes.INTEGER.UNSIGNED,
    lastItems: DataTypes.INTEGER.UNSIGNED,
    lastFullReconcileAt: DataTypes.DATE,
    lastError: DataTypes.TEXT,
    lastErrorAt: DataTypes.DATE,
    cycleCount: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
    runningSince: DataTypes.DATE,
    progressDone: DataTypes.INTEGER.UNSIGNED,
    progressTotal: DataTypes.INTEGER.UNSIGNED,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_sync_state', freezeTableName: true },
);
