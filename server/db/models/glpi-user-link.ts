import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class GlpiUserLink extends Model<InferAttributes<GlpiUserLink>, InferCreationAttributes<GlpiUserLink>> {
  declare userId: number;
  declare glpiUserId: number;
  declare glpiProfileLinkId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiUserLink.init(
  {
    userId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
    glpiUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiProfileLinkId: DataTypes.INTEGER.UNSIGNED,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_user_links' },
);
