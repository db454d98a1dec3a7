import mysql from 'mysql2/promise';
import { splitDatabaseUrl } from '../server/db/database-url';

/** CREATE DATABASE IF NOT EXISTS for the given URL (the demo and CI start from an empty server). */
export async function createDatabase(databaseUrl: string, { dropFirst = false } = {}): Promise<void> {
  const { serverUrl, database } = splitDatabaseUrl(databaseUrl);
  const connection = await mysql.createConnection(serverUrl);
  try {
    if (dropFirst) await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { config } = await import('../server/config');
  await createDatabase(config.DATABASE_URL);
  console.log(`Database ready: ${splitDatabaseUrl(config.DATABASE_URL).database}`);
}
