import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class PaymentMethod extends Model<InferAttributes<PaymentMethod>, InferCreationAttributes<PaymentMethod>> {
  declare code: string;
  declare nameFr: string;
  declare nameEn: string;
  declare nameAr: string | null;
  declare position: CreationOptional<number>;
  declare active: CreationOptional<boolean>;
}

PaymentMethod.init(
  {
    code: { type: DataTypes.STRING(30), primaryKey: true },
    nameFr: { type: DataTypes.STRING(100), allowNull: false },
    nameEn: { type: DataTypes.STRING(100), allowNull: false },
    nameAr: { type: DataTypes.STRING(100), allowNull: true },
    position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  },
  { sequelize, tableName: 'payment_methods', timestamps: false },
);
