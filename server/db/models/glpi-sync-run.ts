import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/** One sync cycle and what it cost GLPI (table glpi_sync_runs); the server-wide cycle has no company. */
export class GlpiSyncRun extends Model<InferAttributes<GlpiSyncRun>, InferCreationAttributes<GlpiSyncRun>> {
  declare id: CreationOptional<number>;
  declare companyId: number | null;
  declare glpiEntityId: number | null;
  declare startedAt: Date;
  declare durationMs: number;
  declare requests: number;
  declare rowsRead: number;
  declare rowsChanged: number;
  declare status: 'done' | 'interrupted' | 'failed';
  declare error: string | null;
  declare createdAt: CreationOptional<Date>;
}

GlpiSyncRun.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    glpiEntityId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    startedAt: { type: DataTypes.DATE, allowNull: false },
    durationMs: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    requests: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    rowsRead: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    rowsChanged: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    status: { type: DataTypes.ENUM('done', 'interrupted', 'failed'), allowNull: false },
    error: DataTypes.TEXT,
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_sync_runs', freezeTableName: true, updatedAt: false },
);
