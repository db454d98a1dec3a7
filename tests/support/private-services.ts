import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import { freePort } from './free-port';

/**
 * MariaDB and Redis servers of a test's own, on free ports: the fault tests stop and restart them,
 * which they must never do to the machine's shared servers (other test files use those meanwhile).
 */
export type PrivateServer = {
  url: string;
  port: number;
  /** Clean shutdown (SIGTERM), waiting for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (and, for MariaDB, the same data). */
  start(): Promise<void>;
  /** Stops for good and removes its files. */
  destroy(): Promise<void>;
};

function processServer(name: string, launch: () => ChildProcess, ready: () => Promise<boolean>, cleanup: () => void) {
  let child: ChildProcess | null = null;
  let log = '';
  const start = async () => {
    log = '';
    child = launch();
    child.stdout?.on('data', (c: Buffer) => {
      log = (log + c.toString()).slice(-8000);
    });
    child.stderr?.on('data', (c: Buffer) => {
      log = (log + c.toString()).slice(-8000);
    });
    const deadline = Date.now() + 30_000;
    while (!(await ready())) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log}`);
      if (Date.now() > deadline) throw new Error(`${name} not ready within 30 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGTERM');
    await exited;
  };
  return {
    start,
    stop,
    destroy: async () => {
      await stop();
      cleanup();
    },
  };
}

export async function startPrivateRedis(): Promise<PrivateServer> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server = processServer(
    'private redis',
    // No persistence, as the brief of this fault asks: a restart comes back empty.
    () =>
      spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--daemonize',
          'no',
          '--maxmemory-policy',
          'noeviction',
        ],
        { stdio: 'pipe' },
      ),
    async () => {
      const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    },
    () => undefined,
  );
  await server.start();
  return { url, port, ...server };
}

export type PrivateMariadbOptions = {
  /** Replaces --skip-log-bin: a replication primary's or replica's own settings (replica-pair.ts). */
  replicationArgs?: (dir: string) => string[];
};

export async function startPrivateMariadb(options: PrivateMariadbOptions = {}): Promise<PrivateServer & { dir: string }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'ytech-mariadb-'));
  const datadir = path.join(dir, 'data');
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--user=root', '--skip-test-db'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
  const url = `mysql://root@127.0.0.1:${port}`;
  const server = processServer(
    'private mariadb',
    () =>
      spawn(
        'mariadbd',
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          `--socket=${path.join(dir, 'sock')}`,
          `--pid-file=${path.join(dir, 'pid')}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          '--user=root',
          '--innodb-buffer-pool-size=32M',
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_unicode_ci',
          // Last: the caller's settings win over the defaults above (mariadbd keeps an option's last value).
          ...(options.replicationArgs?.(dir) ?? ['--skip-log-bin']),
        ],
        { stdio: 'pipe' },
      ),
    async () => {
      try {
        const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1_000 });
        await connection.end();
        return true;
      } catch {
        return false;
      }
    },
    () => rmSync(dir, { recursive: true, force: true }),
  );
  await server.start();
  return { url, port, dir, ...server };
}
