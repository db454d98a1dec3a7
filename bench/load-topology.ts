import { loadavg } from 'node:os';
import mysql from 'mysql2/promise';
import { startReplicaPair, type ReplicaPair } from '../tests/support/replica-pair';

/**
 * `npm run bench:load -- --topology replica`: the bench on the topology of issue 21 — a MariaDB
 * primary and its replica (binary-log replication, the harness of tests/replica), the web processes
 * reading the replica through DATABASE_REPLICA_URLS, two workers. Which server served the web's
 * reads is read from the servers' own counters: the web processes connect as a MariaDB user of
 * their own, so the workers' reads (always the primary's, decision 070) are not counted as the web's.
 */
export type Topology = 'single' | 'replica';

export function topologyOf(argv: string[]): Topology {
  const at = argv.indexOf('--topology');
  const value = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--topology='))?.slice('--topology='.length);
  if (value === undefined || value === 'single') return 'single';
  if (value === 'replica') return 'replica';
  throw new Error(`--topology ${value}: expected single or replica`);
}

const webUser = 'bench_web';
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Counters = { web_selects: number; all_selects: number };

async function counters(connection: mysql.Connection): Promise<Counters> {
  const [[row]] = await connection.query<mysql.RowDataPacket[]>(
    `SELECT (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_SELECT') AS all_selects,
            (SELECT COALESCE(SUM(SELECT_COMMANDS), 0) FROM information_schema.USER_STATISTICS WHERE USER = ?) AS web_selects`,
    [webUser],
  );
  return { web_selects: Number(row!.web_selects), all_selects: Number(row!.all_selects) };
}

export type ReplicaTopology = Awaited<ReturnType<typeof startReplicaTopology>>;

export async function startReplicaTopology(database: string) {
  const pair: ReplicaPair = await startReplicaPair();
  const connect = (port: number) => mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
  const primary = await connect(pair.primary.port);
  const replica = await connect(pair.replica.port);
  // The single-database bench's server settings, on both servers. Set at run time: the harness's
  // own --innodb-buffer-pool-size comes later on mariadbd's command line and would win there.
  for (const connection of [primary, replica])
    await connection.query('SET GLOBAL innodb_buffer_pool_size = 268435456, max_connections = 500, userstat = 1');
  // Made on the primary, it reaches the replica through the binary log like any change.
  await primary.query(`CREATE USER '${webUser}'@'127.0.0.1'`);
  await primary.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${webUser}'@'127.0.0.1'`);
  await pair.caughtUp();
  const [[settings]] = await replica.query<mysql.RowDataPacket[]>(
    'SELECT @@innodb_buffer_pool_size AS pool, @@max_connections AS connections, @@read_only AS readOnly',
  );
  const url = (port: number) => `mysql://${webUser}@127.0.0.1:${port}/${database}`;
  return {
    pair,
    /** What the web processes get: the primary and the replica, as the README tells operators to set them. */
    webEnv: { DATABASE_URL: url(pair.primary.port), DATABASE_REPLICA_URLS: url(pair.replica.port) },
    servers: `MariaDB primary (binary log, ROW) and its replica (read-only), private, buffer pool ${Number(settings!.pool) / 2 ** 20} MB and max_connections ${Number(settings!.connections)} each`,
    /**
     * Starts watching a step: the lag the web processes measure (their heartbeat, read from
     * /healthz) and the replica's own Seconds_Behind_Master, once a second; the counters are read
     * before and when the returned function is called.
     */
    async watch(appUrl: string) {
      const before = { primary: await counters(primary), replica: await counters(replica) };
      const heartbeatLags: number[] = [];
      const behindMaster: number[] = [];
      const states = new Map<string, number>();
      let watching = true;
      const sampling = (async () => {
        while (watching) {
          try {
            const health = (await (await fetch(`${appUrl}/healthz`)).json()) as {
              replicas?: Array<{ state: string; lagSeconds: number | null }>;
            };
            const state = health.replicas?.[0];
            states.set(state?.state ?? 'absent', (states.get(state?.state ?? 'absent') ?? 0) + 1);
            if (typeof state?.lagSeconds === 'number') heartbeatLags.push(state.lagSeconds);
          } catch {
            states.set('health unanswered', (states.get('health unanswered') ?? 0) + 1);
          }
          const [[status]] = await replica.query<mysql.RowDataPacket[]>('SHOW SLAVE STATUS');
          if (status?.Seconds_Behind_Master !== null && status?.Seconds_Behind_Master !== undefined)
            behindMaster.push(Number(status.Seconds_Behind_Master));
          await sleep(1_000);
        }
      })();
      return async () => {
        watching = false;
        await sampling;
        const after = { primary: await counters(primary), replica: await counters(replica) };
        const delta = (server: 'primary' | 'replica', key: keyof Counters) => after[server][key] - before[server][key];
        const webOnReplica = delta('replica', 'web_selects');
        const webOnPrimary = delta('primary', 'web_selects');
        const max = (list: number[]) => (list.length ? round(Math.max(...list)) : null);
        return {
          web_selects: { replica: webOnReplica, primary: webOnPrimary },
          replica_share_of_web_reads_percent: round((webOnReplica / Math.max(webOnReplica + webOnPrimary, 1)) * 100),
          all_selects: { replica: delta('replica', 'all_selects'), primary: delta('primary', 'all_selects') },
          lag_s: {
            heartbeat_max: max(heartbeatLags),
            heartbeat_mean: heartbeatLags.length ? round(heartbeatLags.reduce((a, b) => a + b, 0) / heartbeatLags.length) : null,
            seconds_behind_master_max: max(behindMaster),
            samples: heartbeatLags.length,
          },
          replica_state_samples: Object.fromEntries(states),
          load_average_1_5_15_at_end: loadavg().map((value) => Math.round(value * 100) / 100),
        };
      };
    },
    async close() {
      await primary.end().catch(() => undefined);
      await replica.end().catch(() => undefined);
      await pair.destroy();
    },
  };
}

export type ReplicaStepFigures = Awaited<ReturnType<Awaited<ReturnType<ReplicaTopology['watch']>>>>;
