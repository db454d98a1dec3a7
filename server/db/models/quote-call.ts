import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export const callOutcomes = ['reached', 'no_answer', 'call_back', 'not_interested'] as const;

export class QuoteCall extends Model<InferAttributes<QuoteCall>, InferCreationAttributes<QuoteCall>> {
  declare id: CreationOptional<number>;
  declare quoteRequestId: number;
  declare userId: number;
  declare outcome: (typeof callOutcomes)[number];
  declare note: string | null;
  declare createdAt: CreationOptional<Date>;
}

QuoteCall.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    quoteRequestId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    userId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    outcome: { type: DataTypes.ENUM(...callOutcomes), allowNull: false },
    note: DataTypes.TEXT,
    createdAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'quote_calls', updatedAt: false },
);
