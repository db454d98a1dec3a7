import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/**
 * The satisfaction survey of one solved or closed ticket of a company (table ticket_surveys): its
 * mail link lives only as a SHA-256 and ends when answered; the answer goes to GLPI through the outbox.
 */
export class TicketSurvey extends Model<InferAttributes<TicketSurvey>, InferCreationAttributes<TicketSurvey>> {
  declare id: CreationOptional<number>;
  declare companyId: number;
  declare glpiTicketId: number;
  declare userId: number | null;
  declare tokenHash: string | null;
  declare expiresAt: Date;
  declare rating: number | null;
  declare comment: string | null;
  declare answeredAt: Date | null;
  declare answeredVia: 'mail' | 'portal' | null;
  declare outboxId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

TicketSurvey.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiTicketId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    userId: DataTypes.INTEGER.UNSIGNED,
    tokenHash: DataTypes.CHAR(64),
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    rating: DataTypes.TINYINT.UNSIGNED,
    comment: DataTypes.TEXT,
    answeredAt: DataTypes.DATE,
    answeredVia: DataTypes.ENUM('mail', 'portal'),
    outboxId: DataTypes.BIGINT.UNSIGNED,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'ticket_surveys' },
);
