import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * The satisfaction survey of a solved or closed ticket: one per (company, ticket). Its mail link is
 * made when the mail is sent and stored here only as a SHA-256 (`token_hash`); answering ends it.
 * The answer goes to GLPI's TicketSatisfaction through an outbox row of kind `satisfaction`
 * (docs/decisions/091-satisfaction-without-logging-in.md).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.createTable('ticket_surveys', {
    id: { type: DataTypes.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    company_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, references: { model: 'companies', key: 'id' }, onDelete: 'CASCADE' },
    glpi_ticket_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false },
    /** Who the mail goes to: the ticket's requester when the platform knows them, else a client of the company. */
    user_id: { type: DataTypes.INTEGER.UNSIGNED, allowNull: true, references: { model: 'users', key: 'id' }, onDelete: 'SET NULL' },
    token_hash: { type: DataTypes.CHAR(64), allowNull: true },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    rating: { type: DataTypes.TINYINT.UNSIGNED, allowNull: true },
    comment: { type: DataTypes.TEXT, allowNull: true },
    answered_at: { type: DataTypes.DATE, allowNull: true },
    answered_via: { type: DataTypes.ENUM('mail', 'portal'), allowNull: true },
    outbox_id: { type: DataTypes.BIGINT.UNSIGNED, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
  await qi.addIndex('ticket_surveys', ['company_id', 'glpi_ticket_id'], { unique: true, name: 'ticket_surveys_ticket' });
  await qi.addIndex('ticket_surveys', ['token_hash'], { unique: true, name: 'ticket_surveys_token' });
  await qi.addIndex('ticket_surveys', ['company_id', 'answered_at'], { name: 'ticket_surveys_answered' });
  await qi.sequelize.query(
    "ALTER TABLE glpi_outbox MODIFY kind ENUM('ticket', 'followup', 'approval', 'document', 'satisfaction') NOT NULL",
  );
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.sequelize.query("DELETE FROM glpi_outbox WHERE kind = 'satisfaction'");
  await qi.sequelize.query("ALTER TABLE glpi_outbox MODIFY kind ENUM('ticket', 'followup', 'approval', 'document') NOT NULL");
  await qi.dropTable('ticket_surveys');
};
