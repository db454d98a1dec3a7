import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export const reminderKinds = ['d30', 'd7', 'd1', 'd0'] as const;

export class SubscriptionReminder extends Model<InferAttributes<SubscriptionReminder>, InferCreationAttributes<SubscriptionReminder>> {
  declare subscriptionId: number;
  declare kind: (typeof reminderKinds)[number];
  declare endAt: Date;
  declare createdAt: CreationOptional<Date>;
}

SubscriptionReminder.init(
  {
    subscriptionId: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true },
    kind: { type: DataTypes.ENUM(...reminderKinds), primaryKey: true },
    endAt: { type: DataTypes.DATE, primaryKey: true },
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'subscription_reminders', updatedAt: false },
);
