import { startStack } from './stack/start-stack';

/**
 * `npm run demo`: the whole platform with demo data on http://localhost:3000 — web, worker, a mail
 * catcher on http://localhost:1080 and, when GLPI_URL is not set, the GLPI simulator.
 */
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@ytech.dz',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'Admin-demo-2026',
};
const useCatcher = !process.env.SMTP_HOST;
const stack = await startStack({
  env,
  freshDatabase: false,
  demoData: true,
  mailCatcher: useCatcher
    ? { smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025), httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080) }
    : null,
  // The database outlives a run, so the simulator's data does too: the entities, accounts and tickets
  // the platform created in the first run are there in the next (docs/decisions/050-glpi-ids-that-come-back.md).
  glpiSimulator: process.env.GLPI_URL
    ? null
    : { port: Number(process.env.GLPI_SIM_PORT ?? 8088), stateFile: process.env.GLPI_SIM_STATE_FILE ?? 'var/glpi-sim-state.json' },
});

console.log(`
  Y-tech is running: ${stack.appUrl}
  ${useCatcher ? `Mails sent by the platform: http://localhost:${process.env.MAIL_CATCHER_HTTP_PORT ?? 1080}` : 'Mails go to the configured SMTP server.'}
  ${process.env.GLPI_URL ? `GLPI: ${process.env.GLPI_URL}` : `GLPI simulator: ${stack.env.GLPI_URL ?? '(not available)'}`}

  Demo accounts (see README):
    admin         ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}
    commercial    commercial@ytech.dz / Commercial-demo-2026
    client        client@pharmacie-elamel.dz / Client-demo-2026
    super-client  superclient@atlas-logistique.dz / Super-demo-2026

  Ctrl+C stops everything.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the platform...');
    void stack.stop().then(() => process.exit(0));
  });
}
