import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class PriceTier extends Model<InferAttributes<PriceTier>, InferCreationAttributes<PriceTier>> {
  declare id: CreationOptional<number>;
  declare serviceId: number;
  declare minQty: number;
  declare maxQty: number;
  declare monthlyPriceDa: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

PriceTier.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    serviceId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    minQty: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    maxQty: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    monthlyPriceDa: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'price_tiers' },
);
