import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { proformaStatuses, type PipelineState } from '../../sales/pipeline-states';
import { sequelize } from '../sequelize';
import type { DocumentLineData } from './document-line';

export const proformaPurposes = ['sale', 'renewal', 'tier_change'] as const;

export class Proforma extends Model<InferAttributes<Proforma>, InferCreationAttributes<Proforma>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare quoteRequestId: number;
  declare companyId: number;
  /** Null for a renewal pro-forma the worker issued. */
  declare issuedByUserId: number | null;
  declare serviceId: number;
  declare tierMaxQty: number | null;
  declare months: number;
  declare lines: DocumentLineData[];
  declare totalExclTaxCents: number;
  declare vatRatePercent: number;
  declare vatCents: number;
  declare totalInclTaxCents: number;
  /** YYYY-MM-DD, the last day the offer can be accepted (Algiers calendar). */
  declare validUntil: string;
  /** Changed only by applyTransition (server/sales/apply-transition.ts). */
  declare status: CreationOptional<PipelineState<'proforma'>>;
  declare paymentMethod: string | null;
  declare refusalReason: string | null;
  declare acceptedAt: Date | null;
  declare refusedAt: Date | null;
  declare paymentRecordedAt: Date | null;
  declare paymentReference: string | null;
  declare pdfPath: string | null;
  /** What it sells: a new sale, the renewal of `subscriptionId`, or a change of its tier from `effectiveOn`. */
  declare purpose: CreationOptional<(typeof proformaPurposes)[number]>;
  declare subscriptionId: CreationOptional<number | null>;
  /** YYYY-MM-DD (Algiers): the day a tier change takes effect. */
  declare effectiveOn: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Proforma.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    quoteRequestId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    issuedByUserId: DataTypes.INTEGER.UNSIGNED,
    serviceId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    tierMaxQty: DataTypes.INTEGER.UNSIGNED,
    months: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    lines: { type: DataTypes.JSON, allowNull: false },
    totalExclTaxCents: { type: DataTypes.BIGINT, allowNull: false },
    vatRatePercent: { type: DataTypes.DECIMAL(5, 2), allowNull: false },
    vatCents: { type: DataTypes.BIGINT, allowNull: false },
    totalInclTaxCents: { type: DataTypes.BIGINT, allowNull: false },
    validUntil: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.ENUM(...proformaStatuses), allowNull: false, defaultValue: 'pending' },
    paymentMethod: DataTypes.STRING(30),
    refusalReason: DataTypes.STRING(1000),
    acceptedAt: DataTypes.DATE,
    refusedAt: DataTypes.DATE,
    paymentRecordedAt: DataTypes.DATE,
    paymentReference: DataTypes.STRING(100),
    pdfPath: DataTypes.STRING(300),
    purpose: { type: DataTypes.ENUM(...proformaPurposes), allowNull: false, defaultValue: 'sale' },
    subscriptionId: DataTypes.INTEGER.UNSIGNED,
    effectiveOn: DataTypes.DATEONLY,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'proformas' },
);
