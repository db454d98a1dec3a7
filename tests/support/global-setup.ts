import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import { Sequelize } from 'sequelize';
import { createDatabase } from '../../db/create-database';
import { createMigrator } from '../../db/migrator';
import { freePort } from './free-port';
import { stopRealGlpi, stopStaleRealGlpi } from './real-glpi';
import { testDatabaseName, testDatabaseUrl, testServerUrl, testWorkerSlots } from './test-databases';

/** Fresh, migrated databases for every vitest worker slot of this run; dropped at the end. */
export default async function globalSetup() {
  // Inherited by the forked test workers (see test-env.ts).
  process.env.YTECH_TEST_RUN = String(process.pid);
  // The real GLPI of this run (tests/support/real-glpi.ts) starts only if a test file asks for it.
  process.env.YTECH_REAL_GLPI_PORT ??= String(await freePort());
  await dropStaleRuns();
  for (let slot = 1; slot <= testWorkerSlots; slot++) {
    const url = testDatabaseUrl(slot);
    await createDatabase(url, { dropFirst: true });
    const sequelize = new Sequelize(url, { dialect: 'mysql', logging: false, timezone: '+00:00' });
    await createMigrator(sequelize).up();
    await sequelize.close();
  }
  return async () => {
    await stopRealGlpi();
    const connection = await mysql.createConnection(testServerUrl);
    for (let slot = 1; slot <= testWorkerSlots; slot++) await connection.query(`DROP DATABASE IF EXISTS \`${testDatabaseName(slot)}\``);
    await connection.end();
    await dropRedisKeys(`*ytech-test-${process.env.YTECH_TEST_RUN}-*`);
  };
}

/** Queues and rate-limit keys of this run (keys are prefixed by the run id, queues hash-tagged). */
async function dropRedisKeys(pattern: string) {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

/** Databases left by runs that were killed: their process no longer exists. */
async function dropStaleRuns() {
  const connection = await mysql.createConnection(testServerUrl);
  const [rows] = await connection.query<mysql.RowDataPacket[]>(
    "SHOW DATABASES WHERE `Database` LIKE 'ytech\\_t%\\_%' OR `Database` LIKE 'glpi\\_t%'",
  );
  for (const row of rows) {
    const name = String(Object.values(row)[0]);
    const pid = Number(/^(?:ytech_t(\d+)_\d+|glpi_t(\d+))$/.exec(name)?.slice(1).find(Boolean));
    if (!pid) continue;
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) continue;
    if (name.startsWith('glpi_')) await stopStaleRealGlpi(pid);
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
  await connection.end();
}
