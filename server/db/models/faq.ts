import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

export class Faq extends Model<InferAttributes<Faq>, InferCreationAttributes<Faq>> {
  declare id: CreationOptional<number>;
  declare questionFr: string;
  declare answerFr: string;
  declare questionEn: string;
  declare answerEn: string;
  /** Null until written: the Arabic FAQ shows the French text meanwhile. */
  declare questionAr: string | null;
  declare answerAr: string | null;
  declare position: CreationOptional<number>;
  declare published: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Faq.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    questionFr: { type: DataTypes.STRING(300), allowNull: false },
    answerFr: { type: DataTypes.TEXT, allowNull: false },
    questionEn: { type: DataTypes.STRING(300), allowNull: false },
    answerEn: { type: DataTypes.TEXT, allowNull: false },
    questionAr: { type: DataTypes.STRING(300), allowNull: true },
    answerAr: { type: DataTypes.TEXT, allowNull: true },
    position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    published: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'faqs' },
);
