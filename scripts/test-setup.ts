import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';

/**
 * What `npm test` needs on the machine, checked and provided before any suite runs, each step
 * printed with what it did: MariaDB and Redis started when down, Debian's Chromium installed when
 * missing. (The real GLPI is started by scripts/test-all.ts through ../shared/glpi-real.) A step
 * that cannot be done here says why and what to do, and stops the run.
 */
export class SetupError extends Error {}

const say = (line: string) => console.log(`  ${line}`);

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitListening(port: number, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await listening(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const isRoot = () => process.getuid?.() === 0;

export async function ensureMariadb(): Promise<void> {
  if (await listening(3306)) return say('MariaDB: running on 127.0.0.1:3306');
  if (!existsSync('/usr/sbin/mariadbd'))
    throw new SetupError(
      'MariaDB is not running on 127.0.0.1:3306 and /usr/sbin/mariadbd is not installed: install MariaDB (apt-get install mariadb-server) and start it.',
    );
  say('MariaDB: not running, starting it (start-stop-daemon)…');
  spawnSync('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'], { stdio: 'inherit' });
  if (!(await waitListening(3306, 60)))
    throw new SetupError('MariaDB did not start within 60 s: see its error log (/var/log/mysql/error.log).');
  say('MariaDB: started');
}

export async function ensureRedis(): Promise<void> {
  if (await listening(6379)) return say('Redis: running on 127.0.0.1:6379');
  if (!has('redis-server'))
    throw new SetupError(
      'Redis is not running on 127.0.0.1:6379 and redis-server is not installed: install it (apt-get install redis-server) and start it.',
    );
  say('Redis: not running, starting it…');
  spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'], {
    stdio: 'inherit',
  });
  if (!(await waitListening(6379, 30))) throw new SetupError('Redis did not start within 30 s.');
  say('Redis: started');
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Playwright cannot download its browser here: Debian's Chromium is the one the end-to-end suite drives. */
export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return say(`Chromium: ${execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim()}`);
  if (!isRoot() || !has('apt-get')) {
    throw new SetupError(
      `Chromium is missing (${chromiumPath}) and cannot be installed from here (${isRoot() ? 'no apt-get' : 'not root'}): run "sudo apt-get install -y chromium", or set CHROMIUM_PATH.`,
    );
  }
  say("Chromium: missing, installing Debian's package (apt-get install chromium, about a minute)…");
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
          stdio: 'inherit',
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        })
      : update;
  if (install.status !== 0 || !existsSync(chromiumPath)) throw new SetupError('Installing Chromium with apt-get failed (see above).');
  say(`Chromium: installed, ${execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim()}`);
}
