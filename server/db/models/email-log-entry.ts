import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/**
 * `sending`: claimed by a worker (claimToken); `uncertain`: that worker stopped while the SMTP
 * server was receiving the message, which may have been delivered (decisions/130).
 */
export const emailStates = ['queued', 'sending', 'sent', 'uncertain', 'failed'] as const;

export class EmailLogEntry extends Model<InferAttributes<EmailLogEntry>, InferCreationAttributes<EmailLogEntry>> {
  declare id: CreationOptional<number>;
  declare recipient: string;
  declare template: string;
  declare locale: string;
  declare params: Record<string, unknown>;
  declare subject: string | null;
  declare state: CreationOptional<(typeof emailStates)[number]>;
  declare attempts: CreationOptional<number>;
  declare lastError: string | null;
  declare messageId: string | null;
  declare sentAt: Date | null;
  declare claimToken: CreationOptional<string | null>;
  declare claimedAt: CreationOptional<Date | null>;
  declare messageStartedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

EmailLogEntry.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    recipient: { type: DataTypes.STRING(254), allowNull: false },
    template: { type: DataTypes.STRING(60), allowNull: false },
    locale: { type: DataTypes.STRING(2), allowNull: false },
    params: { type: DataTypes.JSON, allowNull: false },
    subject: DataTypes.STRING(300),
    state: { type: DataTypes.ENUM(...emailStates), allowNull: false, defaultValue: 'queued' },
    attempts: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
    lastError: DataTypes.TEXT,
    messageId: DataTypes.STRING(300),
    sentAt: DataTypes.DATE,
    claimToken: DataTypes.CHAR(36),
    claimedAt: DataTypes.DATE(3),
    messageStartedAt: DataTypes.DATE(3),
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'email_log' },
);
