import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../sequelize';

/** GLPI's CommonITILValidation statuses, which an ITILSolution carries. */
export const solutionStatus = { none: 1, waiting: 2, accepted: 3, refused: 4 } as const;

/**
 * One technician's solution (GLPI's ITILSolution, table glpi_ticket_solutions), read server-wide
 * and found through its ticket: a client reaches it only through their company's cached ticket.
 */
export class GlpiTicketSolution extends Model<InferAttributes<GlpiTicketSolution>, InferCreationAttributes<GlpiTicketSolution>> {
  declare id: CreationOptional<number>;
  declare glpiId: number;
  declare glpiTicketId: number;
  declare glpiUserId: number | null;
  /** GLPI HTML, decoded but NOT sanitized: sanitize before display. */
  declare content: string | null;
  declare status: number;
  declare approvedAt: Date | null;
  declare postedAt: Date | null;
  declare glpiUpdatedAt: Date | null;
  declare raw: unknown;
  declare deletedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

GlpiTicketSolution.init(
  {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    glpiId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiTicketId: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpiUserId: DataTypes.INTEGER.UNSIGNED,
    content: DataTypes.TEXT('medium'),
    status: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false },
    approvedAt: DataTypes.DATE,
    postedAt: DataTypes.DATE,
    glpiUpdatedAt: DataTypes.DATE,
    raw: DataTypes.JSON,
    deletedAt: DataTypes.DATE,
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'glpi_ticket_solutions' },
);
