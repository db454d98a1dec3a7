import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { paymentProofStatuses, type PipelineState } from '../../sales/pipeline-states';
import { sequelize } from '../sequelize';

export const provenPaymentMethods = ['transfer', 'cheque'] as const;

/** A client's scan of a transfer order or cheque, with the bank reference; staff confirm it when the money is there. */
export class PaymentProof extends Model<InferAttributes<PaymentProof>, InferCreationAttributes<PaymentProof>> {
  declare id: CreationOptional<number>;
  declare proformaId: number;
  declare companyId: number;
  declare uploadedByUserId: number;
  declare method: (typeof provenPaymentMethods)[number];
  declare bankReference: string;
  declare storageName: string;
  declare originalName: string;
  declare mimeType: string;
  declare sizeBytes: number;
  declare status: CreationOptional<PipelineState<'paymentProof'>>;
  declare rejectionReason: CreationOptional<string | null>;
  declare reviewedByUserId: CreationOptional<number | null>;
  declare reviewedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

PaymentProof.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    proformaId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    uploadedByUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    method: { type: DataTypes.ENUM(...provenPaymentMethods), allowNull: false },
    bankReference: { type: DataTypes.STRING(100), allowNull: false },
    storageName: { type: DataTypes.STRING(100), allowNull: false },
    originalName: { type: DataTypes.STRING(255), allowNull: false },
    mimeType: { type: DataTypes.STRING(100), allowNull: false },
    sizeBytes: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    status: { type: DataTypes.ENUM(...paymentProofStatuses), allowNull: false, defaultValue: 'pending' },
    rejectionReason: DataTypes.STRING(1000),
    reviewedByUserId: DataTypes.INTEGER.UNSIGNED,
    reviewedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'payment_proofs' },
);
