import { startStack } from '../../scripts/stack/start-stack';
import { e2eEnv, e2ePorts } from './e2e-env';

/** Started by Playwright's webServer: the production build on a fresh database, with demo data. */
const stack = await startStack({
  env: { ...process.env, ...e2eEnv },
  freshDatabase: true,
  demoData: true,
  mailCatcher: { smtpPort: e2ePorts.smtp, httpPort: e2ePorts.mailHttp },
  glpiSimulator: { port: e2ePorts.glpi },
});
console.log(`e2e stack ready on ${stack.appUrl}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stack.stop().then(() => process.exit(0)));
