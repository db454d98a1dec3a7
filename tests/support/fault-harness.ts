import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { Sequelize } from 'sequelize';
import { createDatabase } from '../../db/create-database';
import { createMigrator } from '../../db/migrator';
import { waitForUrl } from '../../scripts/stack/run-step';
import { startGlpiSimulator, type GlpiSimulator, type SimulatorOptions } from '../../tools/glpi-sim/glpi-simulator';
import { startMailCatcher, type CaughtMessage, type MailCatcher } from '../../tools/mail-catcher/main';
import type * as FaultAppModule from './fault-app';
import { freePort } from './free-port';
import { logInOverHttp } from './http-session';
import { startPlatformProcess, type PlatformProcess } from './platform-process';
import { startPrivateMariadb, startPrivateRedis, type PrivateServer } from './private-services';
import { shippedWorker } from '../../scripts/stack/shipped-worker';
import { ensureProductionBuild } from './production-build';
import { startReplicaPair, type ReplicaPair } from './replica-pair';
import { startFaultProxy, type FaultProxy } from './tcp-fault-proxy';
import { testRunId, testServerUrl } from './test-databases';

export type FaultApp = typeof FaultAppModule;

export type FaultPlatformOptions = {
  /** A MariaDB server of the test's own (to stop and restart it); else a database of its own on the shared server. */
  privateMariadb?: boolean;
  /**
   * A private MariaDB primary with a replica (replica-pair.ts): the database is created on the
   * primary, and web processes get the replica in DATABASE_REPLICA_URLS. The test's own modules use the primary.
   */
  replica?: boolean;
  /** More replica URLs after the real one (e.g. one that never answers). */
  extraReplicaUrls?: string[];
  /** A Redis server of the test's own; else a key prefix of its own on the shared server. */
  privateRedis?: boolean;
  /** A GLPI simulator in the test's process, which the worker is pointed at. */
  glpi?: SimulatorOptions;
  /** More environment for web and worker. */
  env?: Record<string, string>;
};

export type FaultPlatform = {
  /** The platform's modules in the test process, on the same database and Redis as the children. */
  app: FaultApp;
  /** What web and worker run with. */
  env: NodeJS.ProcessEnv;
  appUrl: string;
  uploadDir: string;
  sim: GlpiSimulator | null;
  /** Between the worker and the simulator. */
  glpi: FaultProxy | null;
  catcher: MailCatcher;
  /** Between the worker and the mail catcher: `hold` or `down` make SMTP slow or dead. */
  smtp: FaultProxy;
  mariadb: PrivateServer | null;
  replicaPair: ReplicaPair | null;
  redis: PrivateServer | null;
  startWorker(): Promise<PlatformProcess>;
  /** The web process on APP_URL's port, or another one on `port` (same stores: a second web process behind the balancer). */
  startWeb(port?: number): Promise<PlatformProcess>;
  mailsTo(address: string): CaughtMessage[];
  close(): Promise<void>;
};

// Short enough for CI, long enough that a busy machine does not see live jobs as stalled.
const fastRecovery = {
  JOB_BACKOFF_MS: '300',
  JOB_LOCK_MS: '4000',
  SYNC_LOCK_TTL_MS: '4000',
  GLPI_CIRCUIT_PROBE_MS: '1000',
};

let counter = 0;
const uniqueSuffix = () => `${process.pid}${++counter}${Math.floor(Math.random() * 1000)}`;

/**
 * The platform as production runs it — web and worker as child processes, on a database and a
 * Redis namespace of their own, with a GLPI simulator and a mail catcher behind a fault proxy —
 * plus the platform's own modules loaded in the test process against the same stores, to set up
 * data and check it row by row. Nothing else running on the machine is touched.
 */
export async function startFaultPlatform(options: FaultPlatformOptions = {}): Promise<FaultPlatform> {
  const replicaPair = options.replica ? await startReplicaPair() : null;
  const mariadb = replicaPair?.primary ?? (options.privateMariadb ? await startPrivateMariadb() : null);
  const redis = options.privateRedis ? await startPrivateRedis() : null;
  const suffix = uniqueSuffix();
  // Named like the run's own databases, so that a killed run's leftovers are dropped by the next one.
  const databaseUrl = `${mariadb?.url ?? testServerUrl}/ytech_t${testRunId()}_${suffix}`;
  await createDatabase(databaseUrl, { dropFirst: true });
  const migrating = new Sequelize(databaseUrl, { dialect: 'mysql', logging: false, timezone: '+00:00' });
  await createMigrator(migrating).up();
  await migrating.close();

  const uploadDir = mkdtempSync(path.join(tmpdir(), 'ytech-fault-uploads-'));
  const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const smtp = await startFaultProxy({ host: '127.0.0.1', port: catcher.smtpPort });
  const sim = options.glpi ? await startGlpiSimulator(options.glpi) : null;
  const glpi = sim ? await startFaultProxy({ host: '127.0.0.1', port: sim.port }) : null;
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const shared = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis?.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `ytech-test-${testRunId()}-f${suffix}`,
    APP_URL: appUrl,
    UPLOAD_DIR: uploadDir,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    ...fastRecovery,
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...shared,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    PORT: String(port),
    ...(replicaPair
      ? {
          DATABASE_REPLICA_URLS: [
            `${replicaPair.replica.url}/${new URL(databaseUrl).pathname.slice(1)}`,
            ...(options.extraReplicaUrls ?? []),
          ].join(','),
        }
      : {}),
    ...(sim
      ? {
          GLPI_URL: `http://127.0.0.1:${glpi!.port}/apirest.php`,
          GLPI_USER_TOKEN: sim.userToken,
          GLPI_PARENT_ENTITY_ID: '1',
          GLPI_MAX_PER_SECOND: '1000',
          GLPI_UTC_OFFSET_MINUTES: '0',
        }
      : {}),
    ...options.env,
  };

  Object.assign(process.env, shared);
  const app: FaultApp = await import('./fault-app');
  await app.seedCatalog();

  const processes: PlatformProcess[] = [];
  const stopProcess = async (child: PlatformProcess) => {
    const timer = setTimeout(() => void child.kill('SIGKILL'), 10_000);
    await child.kill('SIGTERM');
    clearTimeout(timer);
  };
  return {
    app,
    env,
    appUrl,
    uploadDir,
    sim,
    glpi,
    catcher,
    smtp,
    mariadb,
    replicaPair,
    redis,
    async startWorker() {
      // As shipped: the bundle the build made of it, its mail templates compiled beside it.
      await ensureProductionBuild();
      const shipped = shippedWorker();
      const worker = startPlatformProcess('worker', shipped.script, env, shipped.nodeFlags);
      processes.push(worker);
      await worker.waitForOutput(/"msg":"worker started"/);
      return worker;
    },
    async startWeb(otherPort?: number) {
      await ensureProductionBuild();
      const web = startPlatformProcess(
        otherPort ? `web:${otherPort}` : 'web',
        'server/http/main.ts',
        otherPort ? { ...env, PORT: String(otherPort) } : env,
      );
      processes.push(web);
      await waitForUrl(`http://127.0.0.1:${otherPort ?? port}/healthz`);
      return web;
    },
    mailsTo: (address) => catcher.messages().filter((m) => m.envelope.to.includes(address)),
    async close() {
      await Promise.all(processes.map(stopProcess));
      await app.closeTestResources().catch(() => undefined);
      await glpi?.close();
      await sim?.close();
      await smtp.close();
      await catcher.close();
      if (replicaPair) await replicaPair.destroy();
      else if (mariadb) await mariadb.destroy();
      else await dropDatabase(databaseUrl);
      await redis?.destroy();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

async function dropDatabase(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/';
  const connection = await mysql.createConnection(url.toString());
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}

/** A fault platform with web and worker running and a super-client signed in over HTTP, as the restart tests need. */
export async function startBrowsedPlatform(options: FaultPlatformOptions) {
  const p = await startFaultPlatform(options);
  const company = await p.app.createCompany();
  const user = await p.app.createUser('client', company.id);
  await p.app.giveActiveSubscription(company.id);
  const web = await p.startWeb();
  const worker = await p.startWorker();
  const browser = await logInOverHttp(p.appUrl, user.email, p.app.fixturePassword);
  return { p, web, worker, browser, email: user.email };
}
