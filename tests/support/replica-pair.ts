import mysql from 'mysql2/promise';
import { startPrivateMariadb, type PrivateServer } from './private-services';
import { waitFor } from './wait-for';

/**
 * A MariaDB primary and its read replica of the test's own: two private `mariadbd` (data
 * directories, ports and sockets of their own), binary-log replication between them. The
 * machine's MariaDB is left alone (its log_bin is off; a primary needs it on).
 */
export type ReplicaPair = {
  primary: PrivateServer;
  replica: PrivateServer;
  /** Stops applying the primary's changes (the I/O thread keeps reading): the replica's data ages. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** The replica's own count of SELECT statements it ran (SHOW GLOBAL STATUS). */
  replicaSelects(): Promise<number>;
  /** Resolves once the replica has applied everything the primary wrote so far. */
  caughtUp(): Promise<void>;
  destroy(): Promise<void>;
};

async function onServer<T>(port: number, fn: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
  try {
    return await fn(connection);
  } finally {
    await connection.end();
  }
}

const rows = async (connection: mysql.Connection, sql: string) => (await connection.query<mysql.RowDataPacket[]>(sql))[0];

export async function startReplicaPair(): Promise<ReplicaPair> {
  const primary = await startPrivateMariadb({
    replicationArgs: (dir) => [`--log-bin=${dir}/binlog`, '--server-id=1', '--binlog-format=ROW'],
  });
  const replica = await startPrivateMariadb({
    // read-only as a production replica is; the replication thread itself may write.
    replicationArgs: (dir) => ['--skip-log-bin', '--server-id=2', `--relay-log=${dir}/relay`, '--read-only'],
  });
  // Both were installed empty the same way: the replica starts from the primary's first binary-log position.
  const [position] = await onServer(primary.port, (c) => rows(c, 'SHOW MASTER STATUS'));
  await onServer(replica.port, async (c) => {
    await c.query(
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root', MASTER_PASSWORD='',
       MASTER_LOG_FILE=?, MASTER_LOG_POS=?, MASTER_CONNECT_RETRY=1`,
      [position!.File, position!.Position],
    );
    await c.query('START SLAVE');
  });
  const pair: ReplicaPair = {
    primary,
    replica,
    freeze: () => onServer(replica.port, async (c) => void (await c.query('STOP SLAVE SQL_THREAD'))),
    thaw: () => onServer(replica.port, async (c) => void (await c.query('START SLAVE SQL_THREAD'))),
    replicaSelects: () => onServer(replica.port, async (c) => Number((await rows(c, "SHOW GLOBAL STATUS LIKE 'Com_select'"))[0]!.Value)),
    async caughtUp() {
      const [target] = await onServer(primary.port, (c) => rows(c, 'SELECT @@gtid_binlog_pos AS pos'));
      await waitFor(
        () =>
          onServer(
            replica.port,
            async (c) => (await rows(c, `SELECT MASTER_GTID_WAIT('${String(target!.pos)}', 1) AS done`))[0]!.done === 0,
          ),
        { timeoutMs: 30_000, intervalMs: 100, what: 'the replica caught up' },
      );
    },
    async destroy() {
      await replica.destroy();
      await primary.destroy();
    },
  };
  await waitFor(() => onServer(replica.port, async (c) => (await rows(c, 'SHOW SLAVE STATUS'))[0]?.Slave_IO_Running === 'Yes'), {
    timeoutMs: 30_000,
    intervalMs: 100,
    what: 'replication running',
  });
  return pair;
}
