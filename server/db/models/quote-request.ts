import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { quoteStatuses, type PipelineState } from '../../sales/pipeline-states';
import { sequelize } from '../sequelize';

export class QuoteRequest extends Model<InferAttributes<QuoteRequest>, InferCreationAttributes<QuoteRequest>> {
  declare id: CreationOptional<number>;
  declare companyId: number;
  declare requesterUserId: number;
  declare serviceId: number;
  declare durationMonths: number;
  declare ticketsPerMonth: number | null;
  declare pcsCount: number | null;
  declare softwareCount: number | null;
  declare description: string | null;
  declare estimatedMonthlyPriceDa: number | null;
  /** Changed only by applyTransition (server/sales/apply-transition.ts). */
  declare status: CreationOptional<PipelineState<'quote'>>;
  declare contactedAt: Date | null;
  declare previousQuoteId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

QuoteRequest.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    requesterUserId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    serviceId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    durationMonths: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    ticketsPerMonth: DataTypes.INTEGER.UNSIGNED,
    pcsCount: DataTypes.INTEGER.UNSIGNED,
    softwareCount: DataTypes.INTEGER.UNSIGNED,
    description: DataTypes.TEXT,
    estimatedMonthlyPriceDa: DataTypes.INTEGER.UNSIGNED,
    status: { type: DataTypes.ENUM(...quoteStatuses), allowNull: false, defaultValue: 'new' },
    contactedAt: DataTypes.DATE,
    previousQuoteId: DataTypes.INTEGER.UNSIGNED,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'quote_requests' },
);
