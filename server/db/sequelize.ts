import { ConnectionError, Sequelize, type Options, type ReplicationOptions } from 'sequelize';
import { config } from '../config';
import { logger } from '../logger';
import { isReadOnlyStatement, noteWrite, replicaReadsAllowed } from './read-routing';
import { describeDatabaseUrl, ReplicaMonitor, type ReplicaStatus } from './replica-monitor';

const replicaUrls = config.DATABASE_REPLICA_URLS;
const primaryDatabase = describeDatabaseUrl(config.DATABASE_URL).database;

function replicaConnection(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port || '3306',
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: describeDatabaseUrl(url, primaryDatabase).database,
  };
}

/** Set once replicas are configured; started only by the web process (startReadReplicas). */
let monitor: ReplicaMonitor | null = null;

type MysqlConnection = { queryType?: 'read' | 'write'; config?: { host?: string; port?: number } };

const replication: ReplicationOptions | undefined =
  replicaUrls.length > 0 ? { write: {}, read: replicaUrls.map(replicaConnection) } : undefined;

/** One Sequelize instance per process. All times are stored in UTC; pages show Africa/Algiers. */
export const sequelize: Sequelize = new Sequelize(config.DATABASE_URL, {
  dialect: 'mysql',
  timezone: '+00:00',
  logging: (sql) => logger.trace({ sql }, 'sql'),
  // Absent, not undefined: Sequelize reads `replication.write` of whatever the key holds.
  ...(replication ? { replication } : {}),
  pool: {
    max: config.DATABASE_POOL_MAX,
    min: 0,
    idle: 10_000,
    acquire: 10_000,
    // A pooled connection to a replica taken out of service is dropped rather than reused.
    validate: (connection?: unknown) => {
      const base = (sequelize.connectionManager as unknown as { _validate(c: unknown): boolean })._validate(connection);
      const c = connection as MysqlConnection | undefined;
      if (!base || c?.queryType !== 'read') return base;
      return monitor?.isInService(c.config?.host ?? '', Number(c.config?.port)) ?? false;
    },
  },
  dialectOptions: { charset: 'utf8mb4', dateStrings: false, decimalNumbers: true },
  define: { underscored: true, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
} satisfies Options);

if (replication) installReadRouting();

/**
 * Reads go to a replica only when all of these hold: replicas are configured and one is in
 * service, the code runs inside a web request that allows it (read-routing.ts), and the query is
 * a SELECT outside any transaction (Sequelize sends transactions and writes to the primary
 * itself). Everything else gets useMaster. A read that a replica fails to answer — stopped,
 * restarted, unreachable — is run again on the primary: the user never sees the replica go.
 */
function installReadRouting() {
  type Routed = { type?: string; useMaster?: boolean; transaction?: unknown; replicaRoute?: { replica: boolean } };
  const connectionManager = sequelize.connectionManager as unknown as { config: { replication: { read: object[] } } };
  // Sequelize's read pool opens each new connection on the next entry of this list, round robin:
  // the list is narrowed to the replicas in service (never emptied: with none, no read reaches the pool).
  const allReads = [...connectionManager.config.replication.read];
  // One monitor per process, shared with the copy of this module that the Remix build bundles
  // (its loaders use that copy's Sequelize instance): one heartbeat, one view of the replicas.
  const processWide = globalThis as { [key: symbol]: unknown };
  const monitorKey = Symbol.for('ytech.replica-monitor');
  monitor = (processWide[monitorKey] ??= new ReplicaMonitor({
    primaryUrl: config.DATABASE_URL,
    replicaUrls,
    maxLagSeconds: config.REPLICA_MAX_LAG_SECONDS,
    intervalMs: config.REPLICA_CHECK_INTERVAL_MS,
  })) as ReplicaMonitor;
  monitor.onChange((inService) => {
    const serving = allReads.filter((_, i) => inService[i]);
    if (serving.length > 0) connectionManager.config.replication.read = serving;
  });

  sequelize.addHook('beforePoolAcquire', (options) => {
    const routed = options as Routed;
    if (routed.type !== 'SELECT' || routed.useMaster) return;
    if (!replicaReadsAllowed() || !monitor!.anyInService()) {
      routed.useMaster = true;
      return;
    }
    if (routed.replicaRoute) routed.replicaRoute.replica = true;
  });

  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: object) => Promise<unknown>;
  const routedQuery = async (sql: unknown, options?: Routed) => {
    const text = typeof sql === 'string' ? sql : ((sql as { query?: string } | null)?.query ?? '');
    if (!isReadOnlyStatement(text)) noteWrite();
    const replicaRoute = { replica: false };
    try {
      return await query(sql, { ...options, replicaRoute });
    } catch (error) {
      if (!replicaRoute.replica || !lostConnection(error)) throw error;
      logger.warn({ err: error }, 'read failed on a replica: served by the primary');
      monitor!.checkSoon();
      return query(sql, { ...options, useMaster: true });
    }
  };
  sequelize.query = routedQuery as typeof sequelize.query;
}

/** The connection failed, not the statement: safe to run a read again elsewhere. */
function lostConnection(error: unknown): boolean {
  if (error instanceof ConnectionError) return true;
  const parent = (error as { parent?: { fatal?: boolean; code?: string; errno?: number } }).parent;
  // 1053 server shutdown in progress, 1927 connection killed: what a stopping replica answers.
  return (
    Boolean(parent?.fatal) ||
    parent?.errno === 1053 ||
    parent?.errno === 1927 ||
    parent?.code === 'ECONNRESET' ||
    parent?.code === 'PROTOCOL_CONNECTION_LOST'
  );
}

/** The web process measures its replicas; the worker never calls this, so its reads all go to the primary. */
export function startReadReplicas(): void {
  monitor?.start();
}

/** For the health endpoint and the back office: empty without replicas. */
export function readReplicaStatus(): ReplicaStatus[] {
  return monitor?.status() ?? [];
}

export const readReplicasConfigured = replicaUrls.length > 0;
