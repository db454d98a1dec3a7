import type { QueryInterface } from 'sequelize';
import type { Migration } from '../migrator';

/**
 * A client's attachment is an outbox row of kind `document`: its payload names the file stored in
 * UPLOAD_DIR/ticket-attachments, delivered as a GLPI Document linked to the ticket
 * (docs/decisions/045-ticket-attachments-through-the-outbox.md).
 */
export const up: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.sequelize.query("ALTER TABLE glpi_outbox MODIFY kind ENUM('ticket', 'followup', 'approval', 'document') NOT NULL");
};

export const down: Migration = async ({ context: qi }: { context: QueryInterface }) => {
  await qi.sequelize.query("DELETE FROM glpi_outbox WHERE kind = 'document'");
  await qi.sequelize.query("ALTER TABLE glpi_outbox MODIFY kind ENUM('ticket', 'followup', 'approval') NOT NULL");
};
