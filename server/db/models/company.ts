import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class Company extends Model<InferAttributes<Company>, InferCreationAttributes<Company>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare sector: string | null;
  declare employeeRange: string | null;
  declare address: string | null;
  declare phone: string | null;
  declare rc: string | null;
  declare nif: string | null;
  declare nis: string | null;
  declare ai: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Company.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    sector: DataTypes.STRING(100),
    employeeRange: DataTypes.STRING(20),
    address: DataTypes.STRING(500),
    phone: DataTypes.STRING(20),
    rc: DataTypes.STRING(30),
    nif: DataTypes.STRING(20),
    nis: DataTypes.STRING(15),
    ai: DataTypes.STRING(11),
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'companies' },
);
