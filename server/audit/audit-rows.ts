import { Op } from 'sequelize';
import { User, type AuditEntry } from '../db/models';

/**
 * Audit entries as the back-office lists them, each with the person who acted (one query for all
 * of them, none when nobody did); `details` is cut to `detailsLength` characters of JSON.
 */
export async function auditRowsWithActors(rows: AuditEntry[], detailsLength: number) {
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is number => id !== null))];
  const actors =
    actorIds.length === 0
      ? []
      : await User.findAll({
          where: { id: { [Op.in]: actorIds } },
          attributes: ['id', 'email', 'firstName', 'lastName', 'role', 'active'],
        });
  const actorById = new Map(actors.map((a) => [a.id, a]));
  return rows.map((r) => {
    const actor = r.actorUserId === null ? undefined : actorById.get(r.actorUserId);
    return {
      id: Number(r.id),
      action: r.action,
      recordType: r.recordType,
      recordId: r.recordId,
      details: r.details === null ? null : JSON.stringify(r.details).slice(0, detailsLength),
      ip: r.ip,
      createdAt: r.createdAt,
      actor: actor
        ? { id: actor.id, name: `${actor.firstName} ${actor.lastName}`, email: actor.email, role: actor.role, active: actor.active }
        : null,
    };
  });
}
