import { Sequelize } from 'sequelize';
import { createDatabase } from '../../db/create-database';
import { createMigrator } from '../../db/migrator';
import { testDatabaseUrl, testWorkerSlots } from './test-databases';

/** Fresh, migrated databases for every vitest worker slot (ids start at 1). */
export default async function globalSetup() {
  for (let slot = 1; slot <= testWorkerSlots; slot++) {
    const url = testDatabaseUrl(slot);
    await createDatabase(url, { dropFirst: true });
    const sequelize = new Sequelize(url, { dialect: 'mysql', logging: false, timezone: '+00:00' });
    await createMigrator(sequelize).up();
    await sequelize.close();
  }
}
