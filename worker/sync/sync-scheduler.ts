import type { Queue } from 'bullmq';
import { GlpiCompanyLink } from '../../server/db/models';
import { queueDefinitions } from '../../server/jobs/queues';

const schedulerPrefix = 'glpi-sync-company-';
export const schedulerId = (companyId: number) => `${schedulerPrefix}${companyId}`;

/**
 * Spreads the companies over the interval (a stable offset per company, so a restart keeps the
 * spread): two hundred entities never hit GLPI in the same second.
 */
export function jitterOffsetMs(companyId: number, everyMs: number): number {
  let hash = 2_166_136_261;
  for (const char of String(companyId)) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0;
  return hash % everyMs;
}

/** The company's cycle every `everyMs` (BullMQ 6 job scheduler; the job id per run is BullMQ's own). */
export async function upsertCompanySchedule(queue: Queue, companyId: number, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    schedulerId(companyId),
    { every: everyMs, offset: jitterOffsetMs(companyId, everyMs) },
    { name: 'glpi-sync', data: { companyId, reason: 'schedule' as const }, opts: queueDefinitions['glpi-sync'].options },
  );
}

/** A scheduler for every provisioned company; those of companies no longer linked are removed. */
export async function ensureSyncSchedules(queue: Queue, everyMs: number): Promise<number> {
  const links = await GlpiCompanyLink.findAll({ where: { provisioningState: 'done' }, attributes: ['companyId', 'glpiEntityId'] });
  const wanted = new Set(links.filter((link) => link.glpiEntityId !== null).map((link) => link.companyId));
  for (const companyId of wanted) await upsertCompanySchedule(queue, companyId, everyMs);
  for (const scheduler of await queue.getJobSchedulers()) {
    const id = scheduler.key;
    if (!id.startsWith(schedulerPrefix)) continue;
    const companyId = Number(id.slice(schedulerPrefix.length));
    if (!wanted.has(companyId)) await queue.removeJobScheduler(id);
  }
  return wanted.size;
}
