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
  /** The entity a relink left, until its cached rows and its client profiles in GLPI are removed. */
  declare retiredGlpiEntityId: CreationOptional<number | null>;
  /** Written into the entity's comment at provisioning: what proves the entity at that id is still this company's. */
  declare identityMarker: CreationOptional<string | null>;
  /** Set when the entity at glpiEntityId is gone or is another's: the sync and the outbox stop for the company. */
  declare identityLostAt: CreationOptional<Date | null>;
  declare identityProblem: CreationOptional<string | null>;
  /** Staff were alerted about the current loss (one alert per company, not one per ticket). */
  declare identityAlertedAt: CreationOptional<Date | null>;
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
    retiredGlpiEntityId: DataTypes.INTEGER.UNSIGNED,
    identityMarker: DataTypes.STRING(64),
    identityLostAt: DataTypes.DATE,
    identityProblem: DataTypes.TEXT,
    identityAlertedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_company_links' },
);
