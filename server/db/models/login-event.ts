import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class LoginEvent extends Model<InferAttributes<LoginEvent>, InferCreationAttributes<LoginEvent>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare companyId: number | null;
  declare ip: string | null;
  declare userAgent: string | null;
  declare createdAt: CreationOptional<Date>;
}

LoginEvent.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    userId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: DataTypes.INTEGER.UNSIGNED,
    ip: DataTypes.STRING(45),
    userAgent: DataTypes.STRING(255),
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'login_events', updatedAt: false },
);
