import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/**
 * One GLPI follow-up (table glpi_ticket_followups). They are read server-wide and routed by their
 * ticket: entity and company stay null until the ticket is in a client's cache, and a follow-up
 * without a company is never shown to anyone. Private ones never reach clients.
 */
export class GlpiTicketFollowup extends Model<InferAttributes<GlpiTicketFollowup>, InferCreationAttributes<GlpiTicketFollowup>> {
  declare id: CreationOptional<number>;
  declare glpiEntityId: number | null;
  declare glpiId: number;
  declare glpiTicketId: number;
  declare companyId: number | null;
  declare glpiUserId: number | null;
  declare authorName: string | null;
  /** GLPI HTML, decoded but NOT sanitized: sanitize before display. */
  declare content: string | null;
  declare isPrivate: boolean;
  declare postedAt: Date | null;
  declare glpiUpdatedAt: Date | null;
  declare raw: unknown;
  declare deletedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiTicketFollowup.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    glpiEntityId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    glpiId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiTicketId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    glpiUserId: DataTypes.INTEGER.UNSIGNED,
    authorName: DataTypes.STRING(255),
    content: DataTypes.TEXT('medium'),
    isPrivate: { type: DataTypes.BOOLEAN, allowNull: false },
    postedAt: DataTypes.DATE,
    glpiUpdatedAt: DataTypes.DATE,
    raw: { type: DataTypes.JSON, allowNull: false },
    deletedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_ticket_followups' },
);
