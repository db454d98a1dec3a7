/**
 * Where the end-to-end stack listens: its own database, Redis prefix and ports, never the demo's.
 * E2E_PORT_BASE moves all of them (and the database name), so two checkouts can run e2e at once.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
const suffix = base === 3100 ? '' : `_${base}`;
export const e2ePorts = { web: base, smtp: base + 1, mailHttp: base + 2, glpi: base + 3 };
export const e2eBaseUrl = `http://localhost:${e2ePorts.web}`;
export const e2eMailApi = `http://127.0.0.1:${e2ePorts.mailHttp}/api/messages`;

export const e2eEnv = {
  NODE_ENV: 'production' as const,
  PORT: String(e2ePorts.web),
  APP_URL: e2eBaseUrl,
  DATABASE_URL: `${process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306'}/ytech_e2e${suffix}`,
  REDIS_PREFIX: `ytech-e2e${suffix}`,
  ADMIN_EMAIL: 'admin@ytech.dz',
  ADMIN_PASSWORD: 'Admin-e2e-2026',
  LOG_LEVEL: 'warn',
  // A sync cycle every 6 s, so that a technician's answer reaches the portal within a journey.
  SYNC_TICKETS_EVERY_SECONDS: '6',
  SYNC_ASSETS_EVERY_MINUTES: '0.1',
  // Test tunable: a journey takes GLPI down for a moment; the sync probes it again within seconds, not a minute.
  GLPI_CIRCUIT_PROBE_MS: '3000',
};
