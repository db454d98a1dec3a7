import { QueryTypes } from 'sequelize';
import type { CompanyRole } from '../accounts/roles';
import { GlpiOutboxEntry, GlpiUserLink } from '../db/models';
import { sequelize } from '../db/sequelize';
import { notFound } from '../errors';

/**
 * Whose tickets a portal caller sees: a manager every ticket of the company; a member only those
 * whose GLPI actors name their GLPI account as requester or observer, and the ones they wrote that
 * GLPI has not numbered or the sync not brought back yet (docs/decisions/110-company-roles.md).
 */
export type TicketScope = { companyId: number; memberUserId: number | null };

export const ticketScopeOf = (ctx: { companyId: number; companyRole: CompanyRole; user: { id: number } }): TicketScope => ({
  companyId: ctx.companyId,
  memberUserId: ctx.companyRole === 'manager' ? null : ctx.user.id,
});

/**
 * The GLPI ids of the cached tickets a member sees, or null for a manager (no filter). The cache's
 * own requester column counts too: it is there for tickets synced before actors were read.
 */
export async function visibleTicketIds(scope: TicketScope): Promise<number[] | null> {
  if (scope.memberUserId === null) return null;
  const link = await GlpiUserLink.findByPk(scope.memberUserId, { attributes: ['glpiUserId'] });
  if (!link) return [];
  const rows = await sequelize.query<{ id: number }>(
    `SELECT t.glpi_id AS id FROM glpi_tickets t
       JOIN glpi_ticket_actors a ON a.glpi_entity_id = t.glpi_entity_id AND a.ticket_glpi_id = t.glpi_id
      WHERE t.company_id = :companyId AND a.glpi_user_id = :glpiUserId AND a.actor_type IN (1, 3)
     UNION
     SELECT glpi_id AS id FROM glpi_tickets WHERE company_id = :companyId AND requester_glpi_user_id = :glpiUserId`,
    { replacements: { companyId: scope.companyId, glpiUserId: link.glpiUserId }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => Number(row.id));
}

/** A member reaching a ticket that is not theirs gets "not found", as for another company's. */
export async function assertSeesTicket(scope: TicketScope, ref: { glpiId: number } | { outboxId: number }): Promise<void> {
  if (scope.memberUserId === null) return;
  if ('outboxId' in ref) {
    const own = await GlpiOutboxEntry.findOne({
      where: { id: ref.outboxId, companyId: scope.companyId, kind: 'ticket', userId: scope.memberUserId },
      attributes: ['id'],
    });
    if (!own) throw notFound();
    return;
  }
  if ((await visibleTicketIds(scope))!.includes(ref.glpiId)) return;
  const wrote = await GlpiOutboxEntry.findOne({
    where: { companyId: scope.companyId, kind: 'ticket', glpiId: ref.glpiId, userId: scope.memberUserId },
    attributes: ['id'],
  });
  if (!wrote) throw notFound();
}
