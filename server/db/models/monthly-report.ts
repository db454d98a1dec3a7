import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/** A client company's report for one Algiers calendar month (table monthly_reports; server/reports/). */
export class MonthlyReport extends Model<InferAttributes<MonthlyReport>, InferCreationAttributes<MonthlyReport>> {
  declare id: CreationOptional<number>;
  declare companyId: number;
  /** `YYYY-MM` */
  declare month: string;
  /** The figures as computed at generation (server/reports/report-figures.ts parses them back). */
  declare figures: unknown;
  declare generatedAt: Date;
  declare regeneratedBy: number | null;
  declare mailedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

MonthlyReport.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    month: { type: DataTypes.CHAR(7), allowNull: false },
    figures: { type: DataTypes.JSON, allowNull: false },
    generatedAt: { type: DataTypes.DATE, allowNull: false },
    regeneratedBy: DataTypes.INTEGER.UNSIGNED,
    mailedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'monthly_reports' },
);
