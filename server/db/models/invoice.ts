import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { invoiceStatuses, type PipelineState } from '../../sales/pipeline-states';
import type { z } from 'zod';
import type { buyerIdentitySchema } from '../../documents/commercial-document-schema';
import { sequelize } from '../sequelize';
import type { DocumentLineData } from './document-line';

/** The buyer as printed on the invoice (a snapshot: later company edits do not change it). */
export type InvoiceBuyer = z.infer<typeof buyerIdentitySchema>;

/** Issued invoices are never edited or deleted: only their state (with paidAt) and pdfPath change later. */
export class Invoice extends Model<InferAttributes<Invoice>, InferCreationAttributes<Invoice>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare proformaId: number;
  declare companyId: number;
  declare issuedByUserId: number;
  declare buyer: InvoiceBuyer;
  declare lines: DocumentLineData[];
  declare totalExclTaxCents: number;
  declare vatRatePercent: number;
  declare vatCents: number;
  declare totalInclTaxCents: number;
  declare paymentMethod: string;
  declare purchaseOrderId: number | null;
  declare dueDate: string;
  declare paidAt: Date | null;
  /** Changed only by applyTransition (apply-transition.ts). */
  declare status: CreationOptional<PipelineState<'invoice'>>;
  declare pdfPath: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Invoice.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    proformaId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    issuedByUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    buyer: { type: DataTypes.JSON, allowNull: false },
    lines: { type: DataTypes.JSON, allowNull: false },
    totalExclTaxCents: { type: DataTypes.BIGINT, allowNull: false },
    vatRatePercent: { type: DataTypes.DECIMAL(5, 2), allowNull: false },
    vatCents: { type: DataTypes.BIGINT, allowNull: false },
    totalInclTaxCents: { type: DataTypes.BIGINT, allowNull: false },
    paymentMethod: { type: DataTypes.STRING(30), allowNull: false },
    purchaseOrderId: DataTypes.INTEGER.UNSIGNED,
    dueDate: { type: DataTypes.DATEONLY, allowNull: false },
    paidAt: DataTypes.DATE,
    status: { type: DataTypes.ENUM(...invoiceStatuses), allowNull: false, defaultValue: 'unpaid' },
    pdfPath: DataTypes.STRING(300),
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'invoices' },
);
