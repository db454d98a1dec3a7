import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startMailCatcher, type MailCatcher } from '../../tools/mail-catcher/main';
import { runStep, startProcess, waitForUrl } from './run-step';
import { buildShippedWorker, shippedWorker } from './shipped-worker';

export type StackOptions = {
  env: NodeJS.ProcessEnv;
  /** Drop the database first (tests); the demo keeps its data between runs. */
  freshDatabase: boolean;
  demoData: boolean;
  mailCatcher: { smtpPort: number; httpPort: number } | null;
  /** `stateFile`: the simulator keeps its data there between runs (the demo: var/glpi-sim-state.json). */
  glpiSimulator: { port: number; stateFile?: string } | null;
};

const tsx = path.resolve('node_modules/.bin/tsx');

/**
 * The whole platform on one machine: database ready, mail catcher, GLPI simulator (when no real
 * GLPI is configured), production build, web and worker. Used by `npm run demo` and by the
 * end-to-end tests, so both exercise the same start-up path.
 */
export async function startStack(options: StackOptions) {
  const env: NodeJS.ProcessEnv = { ...options.env };
  const children: ChildProcess[] = [];
  let catcher: MailCatcher | null = null;

  if (options.freshDatabase) await runStep('database reset', [tsx, 'scripts/stack/reset-database.ts'], env);
  await runStep('migrations', [tsx, 'db/migrate.ts', 'up'], env);
  await runStep('seed', [tsx, 'db/seed.ts', ...(options.demoData ? ['--demo'] : [])], env);

  if (options.mailCatcher) {
    catcher = await startMailCatcher(options.mailCatcher);
    env.SMTP_HOST = '127.0.0.1';
    env.SMTP_PORT = String(catcher.smtpPort);
  }
  if (options.glpiSimulator && existsSync('tools/glpi-sim/main.ts')) {
    // The demo companies exist in the simulator under their names (db/seeds/seed-demo.ts), so the
    // worker's start-up provisioning finds the subscribed one's entity, with its park and tickets.
    const simToken = env.GLPI_SIM_USER_TOKEN ?? 'glpi-sim-user-token';
    const simEnv = {
      ...env,
      GLPI_SIM_PORT: String(options.glpiSimulator.port),
      GLPI_SIM_USER_TOKEN: simToken,
      GLPI_SIM_NAMED_ENTITIES: env.GLPI_SIM_NAMED_ENTITIES ?? 'Atlas Logistique SARL;Pharmacie El Amel;Numidia Conseil',
      ...(options.glpiSimulator.stateFile ? { GLPI_SIM_STATE_FILE: options.glpiSimulator.stateFile } : {}),
    };
    children.push(startProcess('glpi-sim', [tsx, 'tools/glpi-sim/main.ts'], simEnv));
    env.GLPI_URL = `http://127.0.0.1:${options.glpiSimulator.port}/apirest.php`;
    env.GLPI_USER_TOKEN = simToken;
    env.GLPI_APP_TOKEN = env.GLPI_SIM_APP_TOKEN ?? '';
    env.GLPI_PARENT_ENTITY_ID = '1'; // the simulator's "Clients Y-tech", created right after the root entity
    env.GLPI_UTC_OFFSET_MINUTES = '0'; // the simulator stamps its dates in UTC; a real GLPI in Algiers stamps local time
  }

  await runStep('build', [path.resolve('node_modules/.bin/remix'), 'build'], env);
  await buildShippedWorker(env);
  children.push(startProcess('web', [tsx, 'server/http/main.ts'], env));
  children.push(startProcess('worker', shippedWorker().command, env));
  const appUrl = env.APP_URL ?? 'http://localhost:3000';
  await waitForUrl(new URL('/healthz', appUrl).toString());

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await catcher?.close();
  };
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopped && code !== 0) console.error(`A platform process exited with code ${code}.`);
    });
  }
  return { env, catcher, appUrl, stop };
}
