import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export const provisioningStates = ['pending', 'done', 'failed'] as const;

export class GlpiCompanyLink extends Model<InferAttributes<GlpiCompanyLink>, InferCreationAttributes<GlpiCompanyLink>> {
  declare companyId: number;
  declare glpiEntityId: number | null;
  declare glpiEntityName: string | null;
  declare provisioningState: CreationOptional<(typeof provisioningStates)[number]>;
  declare lastError: string | null;
  declare provisionedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiCompanyLink.init(
  {
    companyId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
    glpiEntityId: { type: DataTypes.INTEGER.UNSIGNED, unique: true },
    glpiEntityName: DataTypes.STRING(255),
    provisioningState: { type: DataTypes.ENUM(...provisioningStates), allowNull: false, defaultValue: 'pending' },
    lastError: DataTypes.TEXT,
    provisionedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_company_links' },
);
