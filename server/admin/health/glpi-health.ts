import { QueryTypes } from 'sequelize';
import { sequelize } from '../../db/sequelize';

/**
 * What the platform knows of its link to GLPI, read only from what the worker records (the web
 * process never calls GLPI): the sync state per (entity, item type), provisioning and the outbox
 * of writes. Each table is read only if it exists, so this page works whichever parts of the GLPI
 * work are deployed.
 */
const select = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
  sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });

async function existingTables(names: string[]): Promise<Set<string>> {
  const rows = await select<{ name: string }>(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN (:names)',
    { names },
  );
  return new Set(rows.map((r) => r.name));
}

const staleAfterMs = 60 * 60_000;

export async function glpiHealth(now: Date = new Date()) {
  const tables = await existingTables(['glpi_sync_state', 'glpi_company_links', 'glpi_outbox']);

  let sync = null;
  if (tables.has('glpi_sync_state')) {
    const [summary] = await select<{
      pairs: number;
      failing: number;
      lastSuccessAt: Date | null;
      lastAttemptAt: Date | null;
      running: number;
    }>(
      `SELECT COUNT(*) AS pairs,
         COALESCE(SUM(last_error_at IS NOT NULL AND (last_success_at IS NULL OR last_error_at > last_success_at)), 0) AS failing,
         MAX(last_success_at) AS lastSuccessAt, MAX(last_attempt_at) AS lastAttemptAt,
         COALESCE(SUM(running_since IS NOT NULL), 0) AS running
       FROM glpi_sync_state`,
    );
    const errors = await select<{
      companyId: number | null;
      companyName: string | null;
      itemtype: string;
      lastError: string;
      lastErrorAt: Date | null;
      lastSuccessAt: Date | null;
    }>(
      `SELECT s.company_id AS companyId, c.name AS companyName, s.itemtype, s.last_error AS lastError, s.last_error_at AS lastErrorAt, s.last_success_at AS lastSuccessAt
       FROM glpi_sync_state s LEFT JOIN companies c ON c.id = s.company_id
       WHERE s.last_error IS NOT NULL AND (s.last_success_at IS NULL OR s.last_error_at > s.last_success_at)
       ORDER BY s.last_error_at DESC LIMIT 20`,
    );
    sync = {
      pairs: Number(summary?.pairs ?? 0),
      failing: Number(summary?.failing ?? 0),
      running: Number(summary?.running ?? 0),
      lastSuccessAt: summary?.lastSuccessAt ? new Date(summary.lastSuccessAt) : null,
      lastAttemptAt: summary?.lastAttemptAt ? new Date(summary.lastAttemptAt) : null,
      errors: errors.map((e) => ({ ...e, lastError: e.lastError.slice(0, 500) })),
    };
  }

  let provisioning = null;
  if (tables.has('glpi_company_links')) {
    const counts = await select<{ state: string; n: number }>(
      'SELECT provisioning_state AS state, COUNT(*) AS n FROM glpi_company_links GROUP BY provisioning_state',
    );
    const failed = await select<{ companyId: number; companyName: string; lastError: string | null; updatedAt: Date }>(
      `SELECT l.company_id AS companyId, c.name AS companyName, l.last_error AS lastError, l.updated_at AS updatedAt
       FROM glpi_company_links l JOIN companies c ON c.id = l.company_id WHERE l.provisioning_state = 'failed' ORDER BY l.updated_at DESC LIMIT 20`,
    );
    const by = Object.fromEntries(counts.map((r) => [r.state, Number(r.n)]));
    provisioning = {
      pending: by.pending ?? 0,
      done: by.done ?? 0,
      failed: by.failed ?? 0,
      failures: failed.map((f) => ({ ...f, lastError: f.lastError?.slice(0, 500) ?? null })),
    };
  }

  let outbox = null;
  if (tables.has('glpi_outbox')) {
    const counts = await select<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM glpi_outbox GROUP BY state');
    const by = Object.fromEntries(counts.map((r) => [r.state, Number(r.n)]));
    outbox = { pending: (by.pending ?? 0) + (by.sending ?? 0), failed: by.failed ?? 0, delivered: by.delivered ?? 0 };
  }

  /** ok: synced lately without newer errors; degraded: some pairs failing; down: every pair failing; unknown: no sync yet. */
  const state =
    !sync || sync.pairs === 0
      ? 'unknown'
      : sync.failing === sync.pairs
        ? 'down'
        : sync.failing > 0 || !sync.lastSuccessAt || now.getTime() - sync.lastSuccessAt.getTime() > staleAfterMs
          ? 'degraded'
          : 'ok';
  return { state: state as 'unknown' | 'down' | 'degraded' | 'ok', sync, provisioning, outbox };
}
