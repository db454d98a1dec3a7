import { QueryTypes } from 'sequelize';
import { GlpiOutboxEntry } from '../db/models';
import { solutionStatus } from '../db/models/glpi-ticket-solution';
import { sequelize } from '../db/sequelize';
import { approvalPayloadSchema } from '../glpi-outbox/outbox-payload';
import { sanitizeGlpiHtml } from './sanitize-glpi-html';

export type SolutionState = 'waiting' | 'accepted' | 'refused';

/**
 * A ticket's solutions as the client sees them, oldest first. GLPI marks a solution accepted or
 * refused without moving its `date_mod` (so the incremental read may not see it): the ticket's own
 * status decides for a solution still "waiting" — closed means accepted, back in processing means
 * refused, and an older solution than the last one was refused when the next was written. The
 * ticket's row speaks only once it is newer than the solution: solutions are read server-wide and
 * the ticket by its company's pass, so the solution may arrive first.
 */
export async function ticketSolutions(glpiTicketId: number, ticket: { status: number; glpiUpdatedAt: Date | null }) {
  const rows = await sequelize.query<{
    id: number;
    content: string | null;
    status: number;
    posted: Date | null;
    approved: Date | null;
    author: string | null;
  }>(
    `SELECT s.glpi_id AS id, s.content, s.status, s.posted_at AS posted, s.approved_at AS approved, d.label AS author
     FROM glpi_ticket_solutions s LEFT JOIN glpi_dropdowns d ON d.itemtype = 'User' AND d.glpi_id = s.glpi_user_id AND d.deleted_at IS NULL
     WHERE s.glpi_ticket_id = :glpiTicketId AND s.deleted_at IS NULL ORDER BY s.posted_at, s.glpi_id`,
    { replacements: { glpiTicketId }, type: QueryTypes.SELECT },
  );
  return rows.map((row, index) => {
    const last = index === rows.length - 1;
    const status = Number(row.status);
    let state: SolutionState = 'waiting';
    if (status === solutionStatus.accepted) state = 'accepted';
    else if (status === solutionStatus.refused || !last) state = 'refused';
    else if (ticket.glpiUpdatedAt === null || row.posted === null || ticket.glpiUpdatedAt <= new Date(row.posted)) state = 'waiting';
    else if (ticket.status === 6) state = 'accepted';
    else if (ticket.status < 5) state = 'refused';
    return {
      glpiId: Number(row.id),
      html: sanitizeGlpiHtml(row.content ?? ''),
      state,
      author: row.author,
      postedAt: row.posted,
      decidedAt: row.approved,
    };
  });
}

/** The client's answer to this ticket's solution, while the outbox still holds it (then GLPI's status speaks). */
export async function waitingApproval(companyId: number, glpiTicketId: number) {
  const entry = await GlpiOutboxEntry.findOne({
    where: { companyId, kind: 'approval', glpiTicketId, state: ['pending', 'sending', 'failed'] },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  if (!entry) return null;
  const payload = approvalPayloadSchema.parse(entry.payload);
  return { outboxId: entry.id, decision: payload.decision, state: entry.state, createdAt: entry.createdAt };
}
