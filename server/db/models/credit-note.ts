import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class CreditNote extends Model<InferAttributes<CreditNote>, InferCreationAttributes<CreditNote>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare invoiceId: number;
  declare companyId: number;
  declare issuedByUserId: number;
  declare reason: string;
  declare totalExclTaxCents: number;
  declare vatCents: number;
  declare totalInclTaxCents: number;
  declare pdfPath: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

CreditNote.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    invoiceId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    issuedByUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    reason: { type: DataTypes.STRING(1000), allowNull: false },
    totalExclTaxCents: { type: DataTypes.BIGINT, allowNull: false },
    vatCents: { type: DataTypes.BIGINT, allowNull: false },
    totalInclTaxCents: { type: DataTypes.BIGINT, allowNull: false },
    pdfPath: DataTypes.STRING(300),
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'credit_notes' },
);
