import type { Transaction } from 'sequelize';
import { User } from '../db/models';

/**
 * Who receives a company's monthly report: its active managers (docs/decisions/110-company-roles.md),
 * the same people `reportReaderProcedure` (server/trpc/routers/reports-router.ts) lets read it.
 */
export async function reportRecipients(companyId: number, transaction?: Transaction) {
  return User.findAll({
    where: { companyId, role: 'client', companyRole: 'manager', active: true },
    attributes: ['id', 'email', 'locale'],
    order: [['id', 'ASC']],
    transaction,
  });
}
