import { recordAudit } from '../audit/record-audit';
import { Company, GlpiCompanyLink } from '../db/models';
import { AppError, notFound } from '../errors';
import { requestCompanySync } from '../glpi-cache/request-sync';
import { syncMonitor } from '../glpi-cache/sync-monitor';

/** The sync monitor of one company, per item type (read from the cache's bookkeeping, never from GLPI). */
export async function companySyncMonitor(companyId: number, now = new Date()) {
  if (!(await Company.count({ where: { id: companyId } }))) throw notFound();
  return syncMonitor(companyId, now);
}

/** Staff "sync now": queued for the worker; a company not linked to a GLPI entity has nothing to sync. */
export async function syncCompanyNow(companyId: number, actor: { userId: number; ip: string | null }) {
  if (!(await Company.count({ where: { id: companyId } }))) throw notFound();
  const link = await GlpiCompanyLink.findByPk(companyId);
  if (!link?.glpiEntityId) throw new AppError('CONFLICT', 'errors.backoffice.notLinked');
  await requestCompanySync(companyId);
  await recordAudit({ actorUserId: actor.userId, action: 'glpi.syncNow', recordType: 'company', recordId: companyId, ip: actor.ip });
  return { ok: true as const };
}
