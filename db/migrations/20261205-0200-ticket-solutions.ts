import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * Technicians' solutions (GLPI's ITILSolution), read server-wide like follow-ups: one row per GLPI
 * solution, found by its ticket. A client reads them only through their company's cached ticket, so
 * the row needs no company of its own. The client's answer to a solution (approve or refuse) is an
 * outbox row of kind `approval` (docs/decisions/040-solution-approval-as-glpi-does.md).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('glpi_ticket_solutions', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    glpi_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpi_ticket_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    glpi_user_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true },
    content: { type: DataTypes.TEXT('medium'), allowNull: true },
    /** GLPI's CommonITILValidation status: 1 none, 2 waiting, 3 accepted, 4 refused. */
    status: { type: DataTypes.TINYINT.UNSIGNED, allowNull: false, defaultValue: 2 },
    approved_at: { type: DataTypes.DATE, allowNull: true },
    posted_at: { type: DataTypes.DATE, allowNull: true },
    glpi_updated_at: { type: DataTypes.DATE, allowNull: true },
    raw: { type: DataTypes.JSON, allowNull: true },
    deleted_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('glpi_ticket_solutions', ['glpi_id'], { unique: true, name: 'glpi_solutions_key' });
  await qi.addIndex('glpi_ticket_solutions', ['glpi_ticket_id'], { name: 'glpi_solutions_ticket' });
  await qi.sequelize.query("ALTER TABLE glpi_outbox MODIFY kind ENUM('ticket', 'followup', 'approval') NOT NULL");
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.sequelize.query("DELETE FROM glpi_outbox WHERE kind = 'approval'");
  await qi.sequelize.query("ALTER TABLE glpi_outbox MODIFY kind ENUM('ticket', 'followup') NOT NULL");
  await qi.dropTable('glpi_ticket_solutions');
};
