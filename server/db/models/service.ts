import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute } from 'sequelize';
import { sequelize } from '../sequelize';
import type { PriceTier } from './price-tier';

export const pricedByValues = ['tickets_per_month', 'pcs', 'max'] as const;

export class Service extends Model<InferAttributes<Service>, InferCreationAttributes<Service>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare nameFr: string;
  declare nameEn: string;
  /** Null until someone writes it: Arabic pages show the French name meanwhile. */
  declare nameAr: string | null;
  declare pricedBy: (typeof pricedByValues)[number];
  declare scopeFr: string[];
  declare scopeEn: string[];
  declare scopeAr: string[] | null;
  declare position: CreationOptional<number>;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare tiers?: NonAttribute<PriceTier[]>;
}

Service.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    code: { type: DataTypes.STRING(30), allowNull: false, unique: true },
    nameFr: { type: DataTypes.STRING(200), allowNull: false },
    nameEn: { type: DataTypes.STRING(200), allowNull: false },
    nameAr: { type: DataTypes.STRING(200), allowNull: true },
    pricedBy: { type: DataTypes.ENUM(...pricedByValues), allowNull: false },
    scopeFr: { type: DataTypes.JSON, allowNull: false },
    scopeEn: { type: DataTypes.JSON, allowNull: false },
    scopeAr: { type: DataTypes.JSON, allowNull: true },
    position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'services' },
);
