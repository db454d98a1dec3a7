import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { addJob } from '../jobs/queues';

/**
 * How often the worker asks GLPI for what changed: tickets (and their answers, server-wide) often,
 * since clients wait on them; the park (assets, dropdowns) less often. A quiet check costs GLPI one
 * small request per company and item type. Staff set both from the back office; until they do, the
 * worker's configuration (SYNC_TICKETS_EVERY_SECONDS, SYNC_ASSETS_EVERY_MINUTES) applies.
 */
export const syncCadenceSchema = z.object({
  ticketsEverySeconds: z.coerce
    .number({ error: 'validation.syncCadence' })
    .int('validation.syncCadence')
    .min(15, 'validation.syncCadence')
    .max(3_600, 'validation.syncCadence'),
  assetsEveryMinutes: z.coerce
    .number({ error: 'validation.syncCadence' })
    .int('validation.syncCadence')
    .min(1, 'validation.syncCadence')
    .max(1_440, 'validation.syncCadence'),
});
export type SyncCadence = z.output<typeof syncCadenceSchema>;

const settingName = 'glpi-sync-cadence';

/** The cadence staff set, or null (the worker's configuration applies). */
export async function storedSyncCadence(): Promise<SyncCadence | null> {
  const [row] = await sequelize.query<{ value: unknown }>('SELECT value FROM platform_settings WHERE name = :name', {
    replacements: { name: settingName },
    type: QueryTypes.SELECT,
  });
  if (!row) return null;
  const parsed = syncCadenceSchema.safeParse(typeof row.value === 'string' ? JSON.parse(row.value) : row.value);
  return parsed.success ? parsed.data : null;
}

/** Staff change the cadence: stored, audited, and the worker re-schedules every company at once. */
export async function setSyncCadence(actor: { userId: number; ip: string | null }, cadence: SyncCadence): Promise<SyncCadence> {
  await sequelize.query(
    `INSERT INTO platform_settings (name, value, updated_by_user_id, updated_at) VALUES (:name, :value, :userId, UTC_TIMESTAMP())
     ON DUPLICATE KEY UPDATE value = VALUES(value), updated_by_user_id = VALUES(updated_by_user_id), updated_at = VALUES(updated_at)`,
    { replacements: { name: settingName, value: JSON.stringify(cadence), userId: actor.userId } },
  );
  await recordAudit({
    actorUserId: actor.userId,
    action: 'glpi.syncCadence',
    recordType: 'platform',
    recordId: settingName,
    ip: actor.ip,
    details: cadence,
  });
  try {
    await addJob('glpi-sync', { reason: 'reschedule' });
  } catch {
    // Stored: the worker applies it at its next start if the queue cannot be reached now.
    throw new AppError('UNAVAILABLE', 'errors.queueUnavailable');
  }
  return cadence;
}
