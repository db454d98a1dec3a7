import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class GlpiUserLink extends Model<InferAttributes<GlpiUserLink>, InferCreationAttributes<GlpiUserLink>> {
  declare userId: number;
  declare glpiUserId: number;
  declare glpiProfileLinkId: number | null;
  /**
   * The API token provisioning gave the client's GLPI user, sealed with a key only the worker holds
   * (worker/glpi/client-token-vault.ts): the outbox writes to GLPI as the client, never the web side.
   */
  declare apiTokenSealed: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiUserLink.init(
  {
    userId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
    glpiUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiProfileLinkId: DataTypes.INTEGER.UNSIGNED,
    apiTokenSealed: DataTypes.STRING(255),
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_user_links' },
);
