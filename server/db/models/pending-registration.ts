import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/** A registration waiting for its address to be confirmed (server/accounts/register.ts). */
export class PendingRegistration extends Model<InferAttributes<PendingRegistration>, InferCreationAttributes<PendingRegistration>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare firstName: string;
  declare lastName: string;
  declare phone: string;
  declare passwordHash: string;
  declare locale: string;
  declare nextPath: string | null;
  declare tokenHash: string | null;
  declare expiresAt: Date;
  declare createdAt: CreationOptional<Date>;
}

PendingRegistration.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    email: { type: DataTypes.STRING(254), allowNull: false },
    firstName: { type: DataTypes.STRING(100), allowNull: false },
    lastName: { type: DataTypes.STRING(100), allowNull: false },
    phone: { type: DataTypes.STRING(20), allowNull: false },
    passwordHash: { type: DataTypes.STRING(255), allowNull: false },
    locale: { type: DataTypes.STRING(2), allowNull: false },
    nextPath: DataTypes.STRING(2000),
    tokenHash: { type: DataTypes.CHAR(64), unique: true },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'pending_registrations', updatedAt: false },
);
