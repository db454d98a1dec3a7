import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class AuditEntry extends Model<InferAttributes<AuditEntry>, InferCreationAttributes<AuditEntry>> {
  declare id: CreationOptional<number>;
  declare actorUserId: number | null;
  declare action: string;
  declare recordType: string;
  declare recordId: string | null;
  declare details: Record<string, unknown> | null;
  declare ip: string | null;
  declare createdAt: CreationOptional<Date>;
}

AuditEntry.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    actorUserId: DataTypes.INTEGER.UNSIGNED,
    action: { type: DataTypes.STRING(80), allowNull: false },
    recordType: { type: DataTypes.STRING(40), allowNull: false },
    recordId: DataTypes.STRING(40),
    details: DataTypes.JSON,
    ip: DataTypes.STRING(45),
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'audit_log', updatedAt: false },
);
