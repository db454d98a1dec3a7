import { QueryTypes } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { PairWriter } from './pair-writer';
import { utcNow } from './upsert-batch';

/** The cache tables of what GLPI lists server-wide and attaches to tickets, keyed by `glpi_id`. */
type TicketPartTable = 'glpi_ticket_followups' | 'glpi_ticket_solutions' | 'glpi_ticket_documents';

/**
 * The reconcile's reads and deletions of a ticket part's table: the same for follow-ups, solutions
 * and document links (read server-wide, no trash, compared by id), which differ only in their table.
 */
export function ticketPartRows(table: TicketPartTable): Pick<PairWriter, 'liveCount' | 'markDeleted' | 'cachedIdDates'> {
  return {
    async liveCount() {
      const [row] = await sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`, {
        type: QueryTypes.SELECT,
      });
      return Number(row?.n ?? 0);
    },
    async markDeleted(ids, transaction) {
      if (ids.length === 0) return;
      await sequelize.query(`UPDATE ${table} SET deleted_at = :now, updated_at = :now WHERE glpi_id IN (:ids) AND deleted_at IS NULL`, {
        replacements: { ids, now: utcNow() },
        transaction,
      });
    },
    async cachedIdDates() {
      const rows = await sequelize.query<{ id: number; d: string | null }>(
        `SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d FROM ${table} WHERE deleted_at IS NULL`,
        { type: QueryTypes.SELECT },
      );
      return new Map(rows.map((row) => [Number(row.id), row.d]));
    },
  };
}
