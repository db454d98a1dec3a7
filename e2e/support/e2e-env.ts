/** Where the end-to-end stack listens: its own database, Redis prefix and ports, never the demo's. */
export const e2ePorts = { web: 3100, smtp: 2525, mailHttp: 2580, glpi: 8188 };
export const e2eBaseUrl = `http://localhost:${e2ePorts.web}`;
export const e2eMailApi = `http://127.0.0.1:${e2ePorts.mailHttp}/api/messages`;

export const e2eEnv = {
  NODE_ENV: 'production' as const,
  PORT: String(e2ePorts.web),
  APP_URL: e2eBaseUrl,
  DATABASE_URL: `${process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306'}/ytech_e2e`,
  REDIS_PREFIX: 'ytech-e2e',
  ADMIN_EMAIL: 'admin@ytech.dz',
  ADMIN_PASSWORD: 'Admin-e2e-2026',
  LOG_LEVEL: 'warn',
  // A sync cycle every 6 s, so that a technician's answer reaches the portal within a journey.
  SYNC_INTERVAL_MINUTES: '0.1',
};
