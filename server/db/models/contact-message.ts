import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class ContactMessage extends Model<InferAttributes<ContactMessage>, InferCreationAttributes<ContactMessage>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare email: string;
  declare phone: string | null;
  declare company: string | null;
  declare message: string;
  declare ip: string | null;
  declare createdAt: CreationOptional<Date>;
}

ContactMessage.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    email: { type: DataTypes.STRING(254), allowNull: false },
    phone: DataTypes.STRING(20),
    company: DataTypes.STRING(200),
    message: { type: DataTypes.TEXT, allowNull: false },
    ip: DataTypes.STRING(45),
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'contact_messages', updatedAt: false },
);
