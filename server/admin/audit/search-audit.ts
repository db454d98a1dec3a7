import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { auditRowsWithActors } from '../../audit/audit-rows';
import { AuditEntry, User } from '../../db/models';
import { addDays, algiersMidnight } from '../../calendar/algiers-calendar';
import { pageWindow } from '../admin-actor';
import { recordId } from '../../validation/fields';

const pageSize = 50;
const day = z.iso.date('validation.admin.date');
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined));

export const searchAuditInput = z.object({
  /** A name or e-mail fragment of whoever acted. */
  person: optional(100),
  actorUserId: recordId.optional(),
  recordType: optional(40),
  recordId: optional(40),
  /** Algiers calendar days, both included. */
  from: day.optional(),
  to: day.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The audit log, newest first, by person, record (type and id) and period; deactivated people keep their names. */
export async function searchAudit(input: z.infer<typeof searchAuditInput>) {
  let actorIds: number[] | undefined;
  if (input.person) {
    const matches = await User.findAll({
      attributes: ['id'],
      where: { [Op.or]: ['email', 'firstName', 'lastName'].map((field) => ({ [field]: { [Op.like]: like(input.person!) } })) },
      limit: 500,
    });
    actorIds = matches.map((u) => u.id);
  }
  if (input.actorUserId) actorIds = actorIds ? actorIds.filter((id) => id === input.actorUserId) : [input.actorUserId];

  const where: WhereOptions<AuditEntry> = {
    ...(actorIds ? { actorUserId: { [Op.in]: actorIds } } : {}),
    ...(input.recordType ? { recordType: input.recordType } : {}),
    ...(input.recordId ? { recordId: input.recordId } : {}),
    ...(input.from || input.to
      ? {
          createdAt: {
            ...(input.from ? { [Op.gte]: algiersMidnight(input.from) } : {}),
            ...(input.to ? { [Op.lt]: algiersMidnight(addDays(input.to, 1)) } : {}),
          },
        }
      : {}),
  };
  const { rows, count } = await AuditEntry.findAndCountAll({ where, order: [['id', 'DESC']], ...pageWindow(input.page, pageSize) });
  return {
    total: count,
    page: input.page,
    pageSize,
    entries: await auditRowsWithActors(rows, 1000),
  };
}
