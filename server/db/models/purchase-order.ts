import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { purchaseOrderStatuses, type PipelineState } from '../../sales/pipeline-states';
import { sequelize } from '../sequelize';

export class PurchaseOrder extends Model<InferAttributes<PurchaseOrder>, InferCreationAttributes<PurchaseOrder>> {
  declare id: CreationOptional<number>;
  declare proformaId: number;
  declare companyId: number;
  declare uploadedByUserId: number;
  declare storageName: string;
  declare originalName: string;
  declare mimeType: string;
  declare sizeBytes: number;
  declare poNumber: string | null;
  declare amountCents: number | null;
  /** What the order says, typed by the reviewer: the pro-forma number it cites, its date, its HT amount. */
  declare proformaReference: CreationOptional<string | null>;
  declare poDate: CreationOptional<string | null>;
  declare amountExclTaxCents: CreationOptional<number | null>;
  /** The fields that differed from the pro-forma when it was accepted anyway, and why. */
  declare mismatches: CreationOptional<string[] | null>;
  declare overrideReason: CreationOptional<string | null>;
  /** Changed only by applyTransition (server/sales/apply-transition.ts). */
  declare status: CreationOptional<PipelineState<'purchaseOrder'>>;
  declare refusalReason: string | null;
  declare reviewedByUserId: number | null;
  declare reviewedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

PurchaseOrder.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    proformaId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    uploadedByUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    storageName: { type: DataTypes.STRING(100), allowNull: false },
    originalName: { type: DataTypes.STRING(255), allowNull: false },
    mimeType: { type: DataTypes.STRING(100), allowNull: false },
    sizeBytes: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    poNumber: DataTypes.STRING(100),
    amountCents: DataTypes.BIGINT,
    proformaReference: DataTypes.STRING(30),
    poDate: DataTypes.DATEONLY,
    amountExclTaxCents: DataTypes.BIGINT,
    mismatches: DataTypes.JSON,
    overrideReason: DataTypes.STRING(1000),
    status: { type: DataTypes.ENUM(...purchaseOrderStatuses), allowNull: false, defaultValue: 'pending' },
    refusalReason: DataTypes.STRING(1000),
    reviewedByUserId: DataTypes.INTEGER.UNSIGNED,
    reviewedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'purchase_orders' },
);
