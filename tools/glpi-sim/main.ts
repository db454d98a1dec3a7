/**
 * Runs the GLPI simulator alone: `npx tsx tools/glpi-sim/main.ts --entities 200 --assets 100000 --tickets 50000`.
 * Every flag has an environment twin (GLPI_SIM_PORT, GLPI_SIM_ENTITIES, ...); flags win.
 */
import { parseArgs } from 'node:util';
import { startGlpiSimulator } from './glpi-simulator';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    seed: { type: 'string' },
    entities: { type: 'string' },
    named: { type: 'string' },
    parent: { type: 'string' },
    assets: { type: 'string' },
    tickets: { type: 'string' },
    followups: { type: 'string' },
    'user-token': { type: 'string' },
    'app-token': { type: 'string' },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
    'session-lifetime': { type: 'string' },
    'state-file': { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(`GLPI 10 REST API simulator
  --port N              (GLPI_SIM_PORT, default 8088)
  --host H              (GLPI_SIM_HOST, default 127.0.0.1)
  --seed N              (GLPI_SIM_SEED, default 1)
  --entities N          generated client entities (GLPI_SIM_ENTITIES, default 3)
  --named "A;B"         client entities with these names, created first (GLPI_SIM_NAMED_ENTITIES)
  --parent NAME         parent entity of the clients (GLPI_SIM_PARENT, default "Clients Y-tech")
  --assets N            total assets (GLPI_SIM_ASSETS, default 240)
  --tickets N           total tickets (GLPI_SIM_TICKETS, default 60)
  --followups X         mean follow-ups per ticket (GLPI_SIM_FOLLOWUPS, default 1.5)
  --user-token T        (GLPI_SIM_USER_TOKEN, default glpi-sim-user-token)
  --app-token T         required App-Token (GLPI_SIM_APP_TOKEN, default none)
  --latency MS          added latency per request (GLPI_SIM_LATENCY_MS)
  --error-rate X        fraction of requests failing with 500 (GLPI_SIM_ERROR_RATE)
  --session-lifetime MS idle session lifetime (GLPI_SIM_SESSION_LIFETIME_MS)
  --state-file PATH     keep the data in this file between runs (GLPI_SIM_STATE_FILE)
Control endpoints under /_control (see tools/glpi-sim/README.md).`);
  process.exit(0);
}

const env = process.env;
const text = (flag: string | undefined, name: string): string | undefined => flag ?? env[name] ?? undefined;
const number = (flag: string | undefined, name: string): number | undefined => {
  const value = text(flag, name);
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`${name}: not a number: ${value}`);
  return parsed;
};

const named = text(values.named, 'GLPI_SIM_NAMED_ENTITIES');
const started = Date.now();
const simulator = await startGlpiSimulator({
  host: text(values.host, 'GLPI_SIM_HOST'),
  port: number(values.port, 'GLPI_SIM_PORT') ?? 8088,
  userToken: text(values['user-token'], 'GLPI_SIM_USER_TOKEN'),
  appToken: text(values['app-token'], 'GLPI_SIM_APP_TOKEN'),
  stateFile: text(values['state-file'], 'GLPI_SIM_STATE_FILE'),
  seed: {
    seed: number(values.seed, 'GLPI_SIM_SEED'),
    entities: number(values.entities, 'GLPI_SIM_ENTITIES'),
    namedEntities: named
      ? named
          .split(';')
          .map((name) => name.trim())
          .filter(Boolean)
      : undefined,
    parentEntityName: text(values.parent, 'GLPI_SIM_PARENT'),
    assets: number(values.assets, 'GLPI_SIM_ASSETS'),
    tickets: number(values.tickets, 'GLPI_SIM_TICKETS'),
    followupsPerTicket: number(values.followups, 'GLPI_SIM_FOLLOWUPS'),
  },
  knobs: {
    latencyMs: number(values.latency, 'GLPI_SIM_LATENCY_MS'),
    errorRate: number(values['error-rate'], 'GLPI_SIM_ERROR_RATE'),
    sessionLifetimeMs: number(values['session-lifetime'], 'GLPI_SIM_SESSION_LIFETIME_MS'),
  },
});

const counts = simulator.state.counts();
console.log(`GLPI simulator on ${simulator.url} (control: ${simulator.controlUrl}), seeded in ${Date.now() - started} ms`);
console.log(`user_token: ${simulator.userToken}${simulator.appToken ? ' (App-Token required)' : ''}`);
console.log(`entities ${counts.Entity}, tickets ${counts.Ticket}, follow-ups ${counts.ITILFollowup}, computers ${counts.Computer}`);

const shutdown = () => {
  void simulator.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
