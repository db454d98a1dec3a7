import mysql from 'mysql2/promise';
import { logger } from '../logger';

export type ReplicaState = 'unknown' | 'ok' | 'lagging' | 'down';

export type ReplicaStatus = {
  /** host:port/database — never the credentials. */
  name: string;
  state: ReplicaState;
  /** Serving reads now (state ok). */
  inService: boolean;
  /** How far behind the primary it is, by the heartbeat; null when it could not be measured. */
  lagSeconds: number | null;
  checkedAt: Date | null;
  error: string | null;
};

type Replica = ReplicaStatus & { url: string; host: string; port: number; connection: mysql.Connection | null };

export type ReplicaMonitorOptions = {
  primaryUrl: string;
  replicaUrls: string[];
  maxLagSeconds: number;
  intervalMs: number;
};

const heartbeatId = 1;

/** host:port/database of a mysql:// URL, with the primary's database when it names none. */
export function describeDatabaseUrl(url: string, fallbackDatabase = ''): { name: string; host: string; port: number; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || fallbackDatabase;
  const port = Number(parsed.port || 3306);
  return { name: `${parsed.hostname}:${port}/${database}`, host: parsed.hostname, port, database };
}

function connectionOptions(url: string, database: string, timeoutMs: number): mysql.ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    connectTimeout: timeoutMs,
    timezone: 'Z',
    dateStrings: false,
  };
}

/**
 * Watches the read replicas with a heartbeat row (replication_heartbeats): every tick the primary's
 * clock is written on the primary and read back on each replica. The age of the newest beat a
 * replica holds is how stale its data is, whatever replication says of itself — a stopped SQL
 * thread, a broken channel or a replica restored from an old backup all show as lag.
 * A replica that does not answer within the tick, or lags past maxLagSeconds, is out of service;
 * it comes back by itself when a tick finds it answering and caught up.
 */
export class ReplicaMonitor {
  private readonly replicas: Replica[];
  private readonly database: string;
  private readonly timeoutMs: number;
  private primary: mysql.Connection | null = null;
  private previousBeat: Date | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly listeners: Array<(inService: boolean[]) => void> = [];

  constructor(private readonly options: ReplicaMonitorOptions) {
    this.database = describeDatabaseUrl(options.primaryUrl).database;
    // A tick must end before the next one: a replica that takes longer than that to answer is not serving well.
    this.timeoutMs = Math.max(300, Math.min(2000, options.intervalMs));
    this.replicas = options.replicaUrls.map((url) => {
      const { name, host, port } = describeDatabaseUrl(url, this.database);
      return {
        url,
        name,
        host,
        port,
        state: 'unknown',
        inService: false,
        lagSeconds: null,
        checkedAt: null,
        error: null,
        connection: null,
      };
    });
  }

  /** Called with the replicas in service, in the order of replicaUrls, whenever that set changes. */
  onChange(listener: (inService: boolean[]) => void): void {
    this.listeners.push(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await Promise.all([this.primary, ...this.replicas.map((r) => r.connection)].map((c) => c?.end().catch(() => undefined)));
    this.primary = null;
    for (const replica of this.replicas) replica.connection = null;
  }

  anyInService(): boolean {
    return this.replicas.some((r) => r.inService);
  }

  /** Whether a pooled connection to host:port may keep serving reads. */
  isInService(host: string, port: number): boolean {
    return this.replicas.some((r) => r.inService && r.host === host && r.port === port);
  }

  status(): ReplicaStatus[] {
    return this.replicas.map(({ name, state, inService, lagSeconds, checkedAt, error }) => ({
      name,
      state,
      inService,
      lagSeconds,
      checkedAt,
      error,
    }));
  }

  /** A read on a replica failed: look now rather than at the next tick. */
  checkSoon(): void {
    if (!this.stopped && !this.running) void this.check();
  }

  /** One measurement of every replica; concurrent callers share the one running. */
  check(): Promise<void> {
    this.running ??= this.measure().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async measure(): Promise<void> {
    let beat: { beatAt: Date; now: Date };
    try {
      beat = await this.writeBeat();
    } catch (error) {
      // Without the primary nothing can be measured; the replicas keep their last state (reads
      // falling back to a dead primary would not help either).
      logger.warn({ err: error }, 'replica heartbeat: primary did not answer');
      this.primary?.destroy();
      this.primary = null;
      return;
    }
    const before = this.replicas.map((r) => r.inService);
    await Promise.all(this.replicas.map((replica) => this.measureReplica(replica, beat)));
    this.previousBeat = beat.beatAt;
    const after = this.replicas.map((r) => r.inService);
    if (after.some((value, i) => value !== before[i])) {
      for (const replica of this.replicas)
        if (replica.inService !== before[this.replicas.indexOf(replica)]) {
          logger.warn(
            { replica: replica.name, state: replica.state, lagSeconds: replica.lagSeconds, error: replica.error },
            replica.inService ? 'replica back in service' : 'replica out of service',
          );
        }
      for (const listener of this.listeners) listener(after);
    }
  }

  private async writeBeat(): Promise<{ beatAt: Date; now: Date }> {
    this.primary ??= await mysql.createConnection(connectionOptions(this.options.primaryUrl, this.database, this.timeoutMs));
    await this.primary.query({
      sql: 'INSERT INTO replication_heartbeats (id, beat_at) VALUES (?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE beat_at = VALUES(beat_at)',
      values: [heartbeatId],
      timeout: this.timeoutMs,
    });
    const [rows] = await this.primary.query<mysql.RowDataPacket[]>({
      sql: 'SELECT beat_at AS beatAt, UTC_TIMESTAMP(3) AS now FROM replication_heartbeats WHERE id = ?',
      values: [heartbeatId],
      timeout: this.timeoutMs,
    });
    return { beatAt: rows[0]!.beatAt as Date, now: rows[0]!.now as Date };
  }

  private async measureReplica(replica: Replica, beat: { beatAt: Date; now: Date }): Promise<void> {
    replica.checkedAt = new Date();
    try {
      replica.connection ??= await mysql.createConnection(
        connectionOptions(replica.url, describeDatabaseUrl(replica.url, this.database).database, this.timeoutMs),
      );
      const [rows] = await replica.connection.query<mysql.RowDataPacket[]>({
        sql: 'SELECT beat_at AS beatAt FROM replication_heartbeats WHERE id = ?',
        values: [heartbeatId],
        timeout: this.timeoutMs,
      });
      const held = (rows[0]?.beatAt as Date | undefined) ?? null;
      // Holding the previous tick's beat means it is at most one tick behind: counted as caught up.
      // Otherwise its data is as old as the newest beat it holds.
      const caughtUp = held !== null && held.getTime() >= (this.previousBeat ?? beat.beatAt).getTime();
      replica.lagSeconds = caughtUp ? 0 : held === null ? null : Math.max(0, (beat.now.getTime() - held.getTime()) / 1000);
      replica.error = null;
      if (replica.lagSeconds !== null && replica.lagSeconds <= this.options.maxLagSeconds) {
        replica.state = 'ok';
        replica.inService = true;
      } else {
        replica.state = 'lagging';
        replica.inService = false;
      }
    } catch (error) {
      replica.connection?.destroy();
      replica.connection = null;
      replica.state = 'down';
      replica.inService = false;
      replica.lagSeconds = null;
      replica.error = (error as Error).message.slice(0, 200);
    }
  }
}
