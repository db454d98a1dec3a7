import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { Company } from '../db/models';
import { sequelize } from '../db/sequelize';
import { notFound } from '../errors';
import type { Actor } from '../sales/billing-links';
import { legalIdFields, optionalText, recordId, singleLineText } from '../validation/fields';

export const updateLegalIdentityInput = z.object({
  companyId: recordId,
  name: singleLineText(200),
  address: optionalText(500),
  ...legalIdFields,
});

const fields = ['name', 'address', 'rc', 'nif', 'nis', 'ai'] as const;

/**
 * Staff correct a client's legal identity (name, address, RC, NIF, NIS, AI) before issuing a
 * document, each identifier checked for its format. The audit keeps what changed, before and
 * after. Invoices and credit notes already issued keep the buyer they copied when issued.
 */
export async function updateLegalIdentity(input: z.output<typeof updateLegalIdentityInput>, actor: Actor) {
  return sequelize.transaction(async (transaction) => {
    const company = await Company.findByPk(input.companyId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!company) throw notFound();
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const field of fields) {
      if ((company[field] ?? null) !== input[field]) changes[field] = { from: company[field] ?? null, to: input[field] };
    }
    if (Object.keys(changes).length === 0) return { id: company.id, changed: [] as string[] };
    await company.update(Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])), { transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'company.legalIdentity',
        recordType: 'company',
        recordId: company.id,
        details: { changes },
        ip: actor.ip,
      },
      transaction,
    );
    return { id: company.id, changed: Object.keys(changes) };
  });
}
