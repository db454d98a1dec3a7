import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/** One GLPI ticket of a client entity, as the sync last saw it (table glpi_tickets). */
export class GlpiTicket extends Model<InferAttributes<GlpiTicket>, InferCreationAttributes<GlpiTicket>> {
  declare id: CreationOptional<number>;
  declare glpiEntityId: number;
  declare glpiId: number;
  declare companyId: number;
  declare name: string | null;
  /** GLPI HTML, decoded but NOT sanitized: sanitize before display. */
  declare content: string | null;
  declare status: number;
  declare urgency: number;
  declare impact: number | null;
  declare priority: number;
  declare type: number;
  declare category: string | null;
  declare requesterGlpiUserId: number | null;
  declare recipientName: string | null;
  declare openedAt: Date | null;
  declare takenAt: Date | null;
  declare solvedAt: Date | null;
  declare closedAt: Date | null;
  declare timeToOwn: Date | null;
  declare timeToResolve: Date | null;
  declare glpiUpdatedAt: Date | null;
  declare raw: unknown;
  declare deletedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiTicket.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    glpiEntityId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    companyId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    name: DataTypes.STRING(255),
    content: DataTypes.TEXT('medium'),
    status: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    urgency: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    impact: DataTypes.TINYINT.UNSIGNED,
    priority: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    type: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    category: DataTypes.STRING(255),
    requesterGlpiUserId: DataTypes.INTEGER.UNSIGNED,
    recipientName: DataTypes.STRING(255),
    openedAt: DataTypes.DATE,
    takenAt: DataTypes.DATE,
    solvedAt: DataTypes.DATE,
    closedAt: DataTypes.DATE,
    timeToOwn: DataTypes.DATE,
    timeToResolve: DataTypes.DATE,
    glpiUpdatedAt: DataTypes.DATE,
    raw: { type: DataTypes.JSON, allowNull: false },
    deletedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_tickets' },
);
