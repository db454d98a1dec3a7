import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export const receivedPaymentMethods = ['cash', 'transfer', 'cheque'] as const;
export type ReceivedPaymentMethod = (typeof receivedPaymentMethods)[number];

/**
 * Money received from a client, with its receipt (REC-YYYY-NNNN, gapless like the invoices). Before
 * the invoice (cash, transfer, cheque paid up front) it settles a pro-forma; after it (a purchase
 * order's term) it settles the invoice. Never edited: the balance is computed from these rows.
 */
export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<number>;
  declare receiptNumber: string;
  declare companyId: number;
  declare proformaId: number | null;
  declare invoiceId: number | null;
  declare paymentProofId: number | null;
  declare method: ReceivedPaymentMethod;
  declare amountCents: number;
  /** YYYY-MM-DD, Algiers calendar. */
  declare paidOn: string;
  declare reference: string | null;
  declare recordedByUserId: number;
  declare pdfPath: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Payment.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    receiptNumber: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    proformaId: DataTypes.INTEGER.UNSIGNED,
    invoiceId: DataTypes.INTEGER.UNSIGNED,
    paymentProofId: DataTypes.INTEGER.UNSIGNED,
    method: { type: DataTypes.ENUM(...receivedPaymentMethods), allowNull: false },
    amountCents: { type: DataTypes.BIGINT, allowNull: false },
    paidOn: { type: DataTypes.DATEONLY, allowNull: false },
    reference: DataTypes.STRING(100),
    recordedByUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    pdfPath: DataTypes.STRING(255),
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'payments' },
);
