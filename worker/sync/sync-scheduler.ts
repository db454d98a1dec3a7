import type { Queue } from 'bullmq';
import { GlpiCompanyLink } from '../../server/db/models';
import { queueDefinitions } from '../../server/jobs/queues';

/** How often each scope is read: tickets and their answers, and the park (assets, dropdowns). */
export type SyncCadence = { ticketsEveryMs: number; assetsEveryMs: number };
export type SyncScope = 'tickets' | 'assets';
const scopes: readonly SyncScope[] = ['tickets', 'assets'];

const companyPrefix = 'glpi-sync-company-';
const serverPrefix = 'glpi-sync-server';
export const schedulerId = (companyId: number, scope: SyncScope) => `${companyPrefix}${companyId}-${scope}`;
const everyOf = (cadence: SyncCadence, scope: SyncScope) => (scope === 'tickets' ? cadence.ticketsEveryMs : cadence.assetsEveryMs);

/**
 * BullMQ runs jobs without a priority before prioritized ones, and these by number. Two hundred
 * companies' scheduled checks a minute queue up in one queue: the server-wide read of the answers
 * (every client's technicians' follow-ups), staff's "sync now" and a new client's first sync carry
 * none, so they never wait behind them; a company's tickets come before the parks.
 */
const priorityOf = (scope: SyncScope): number => (scope === 'tickets' ? 1 : 2);

/**
 * Spreads the companies over the interval (a stable offset per company, so a restart keeps the
 * spread): two hundred entities never hit GLPI in the same second.
 */
export function jitterOffsetMs(companyId: number, everyMs: number): number {
  let hash = 2_166_136_261;
  for (const char of String(companyId)) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0;
  return hash % everyMs;
}

/** The company's two cycles (BullMQ 6 job schedulers; the job id per run is BullMQ's own). */
export async function upsertCompanySchedules(queue: Queue, companyId: number, cadence: SyncCadence): Promise<void> {
  for (const scope of scopes) {
    const every = everyOf(cadence, scope);
    await queue.upsertJobScheduler(
      schedulerId(companyId, scope),
      { every, offset: jitterOffsetMs(companyId, every) },
      {
        name: 'glpi-sync',
        data: { companyId, scope, reason: 'schedule' as const },
        opts: { ...queueDefinitions['glpi-sync'].options, priority: priorityOf(scope) },
      },
    );
  }
}

/** The server-wide reads (follow-ups with the tickets, dropdowns with the park) on the same cadences. */
export async function upsertServerWideSchedules(queue: Queue, cadence: SyncCadence): Promise<void> {
  for (const scope of scopes) {
    await queue.upsertJobScheduler(
      `${serverPrefix}-${scope}`,
      { every: everyOf(cadence, scope) },
      {
        name: 'glpi-sync',
        data: { scope, reason: 'schedule' as const },
        opts:
          scope === 'tickets'
            ? queueDefinitions['glpi-sync'].options
            : { ...queueDefinitions['glpi-sync'].options, priority: priorityOf(scope) },
      },
    );
  }
}

/**
 * Schedulers for every provisioned company and the server-wide reads at this cadence; those of
 * companies no longer linked, and of earlier schedules' names, are removed.
 */
export async function ensureSyncSchedules(queue: Queue, cadence: SyncCadence): Promise<number> {
  await upsertServerWideSchedules(queue, cadence);
  const links = await GlpiCompanyLink.findAll({ where: { provisioningState: 'done' }, attributes: ['companyId', 'glpiEntityId'] });
  const wanted = new Set(links.filter((link) => link.glpiEntityId !== null).map((link) => link.companyId));
  for (const companyId of wanted) await upsertCompanySchedules(queue, companyId, cadence);
  const keep = new Set([
    ...scopes.map((scope) => `${serverPrefix}-${scope}`),
    ...[...wanted].flatMap((id) => scopes.map((scope) => schedulerId(id, scope))),
  ]);
  for (const scheduler of await queue.getJobSchedulers()) {
    const id = scheduler.key;
    if ((id.startsWith(companyPrefix) || id.startsWith(serverPrefix)) && !keep.has(id)) await queue.removeJobScheduler(id);
  }
  return wanted.size;
}
