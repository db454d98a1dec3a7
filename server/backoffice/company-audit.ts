import { Op, QueryTypes, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { auditRowsWithActors } from '../audit/audit-rows';
import { AuditEntry, Company } from '../db/models';
import { sequelize } from '../db/sequelize';
import { notFound } from '../errors';
import { recordId } from '../validation/fields';

export const companyAuditInput = z.object({
  companyId: recordId,
  page: z.number().int().min(1).max(10_000).default(1),
});

const pageSize = 30;

/** The audit record types that belong to a company, and the table each one's ids live in. */
const ownedRecords = {
  quote_request: 'quote_requests',
  proforma: 'proformas',
  purchase_order: 'purchase_orders',
  invoice: 'invoices',
  credit_note: 'credit_notes',
  subscription: 'subscriptions',
} as const;

/**
 * The audit rows about a company: the company record itself and every record it owns (quote
 * requests, documents, subscriptions), newest first, with who acted (deactivated people keep
 * their names).
 */
export async function companyAuditTrail(input: z.output<typeof companyAuditInput>) {
  const { companyId } = input;
  if (!(await Company.count({ where: { id: companyId } }))) throw notFound();
  // One query for every owned id; audit rows keep record ids as text.
  const owned = await sequelize.query<{ t: keyof typeof ownedRecords; id: number }>(
    Object.entries(ownedRecords)
      .map(([type, table]) => `SELECT '${type}' AS t, id FROM ${table} WHERE company_id = :companyId`)
      .join(' UNION ALL '),
    { replacements: { companyId }, type: QueryTypes.SELECT },
  );
  const idsByType = new Map<string, string[]>();
  for (const row of owned) idsByType.set(row.t, [...(idsByType.get(row.t) ?? []), String(row.id)]);
  const where: WhereOptions<AuditEntry> = {
    [Op.or]: [
      { recordType: 'company', recordId: String(companyId) },
      ...[...idsByType].map(([recordType, ids]) => ({ recordType, recordId: { [Op.in]: ids } })),
    ],
  };
  const { rows, count } = await AuditEntry.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: pageSize,
    offset: (input.page - 1) * pageSize,
  });
  return {
    total: count,
    page: input.page,
    pageSize,
    // The company page shows who acted, not their address or IP: those stay in the admin's audit search.
    entries: (await auditRowsWithActors(rows, 500)).map(({ ip: _ip, actor, ...entry }) => ({
      ...entry,
      actor: actor && { name: actor.name, role: actor.role },
    })),
  };
}
