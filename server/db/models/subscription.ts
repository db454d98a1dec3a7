import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { subscriptionStatuses, type PipelineState } from '../../sales/pipeline-states';
import { sequelize } from '../sequelize';

export class Subscription extends Model<InferAttributes<Subscription>, InferCreationAttributes<Subscription>> {
  declare id: CreationOptional<number>;
  declare companyId: number;
  declare serviceId: number;
  declare tierMaxQty: number;
  declare monthlyPriceDa: number;
  declare months: number;
  declare startAt: Date;
  declare endAt: Date;
  declare invoiceId: CreationOptional<number | null>;
  declare quoteRequestId: CreationOptional<number | null>;
  /** The contract's course, changed only by applyTransition; running or ended comes from the dates. */
  declare status: CreationOptional<PipelineState<'subscription'>>;
  /** Opt-in: the worker issues a renewal pro-forma 30 days before the end. */
  declare autoRenew: CreationOptional<boolean>;
  declare cancelRequestedAt: CreationOptional<Date | null>;
  declare renewalProformaId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Subscription.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    serviceId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    tierMaxQty: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    monthlyPriceDa: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    months: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    startAt: { type: DataTypes.DATE, allowNull: false },
    endAt: { type: DataTypes.DATE, allowNull: false },
    invoiceId: DataTypes.INTEGER.UNSIGNED,
    quoteRequestId: DataTypes.INTEGER.UNSIGNED,
    status: { type: DataTypes.ENUM(...subscriptionStatuses), allowNull: false, defaultValue: 'active' },
    autoRenew: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    cancelRequestedAt: DataTypes.DATE,
    renewalProformaId: DataTypes.INTEGER.UNSIGNED,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'subscriptions' },
);
