import { sequelize } from '../server/db/sequelize';
import { createDatabase } from './create-database';
import { createMigrator } from './migrator';
import { config } from '../server/config';

/** `npm run db:migrate` (up, idempotent) and `npm run db:rollback` (down one, or `-- --to 0`). */
const direction = process.argv[2] === 'down' ? 'down' : 'up';
await createDatabase(config.DATABASE_URL);
const migrator = createMigrator(sequelize);
if (direction === 'up') {
  const applied = await migrator.up();
  console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
} else {
  const toZero = process.argv.includes('--to') && process.argv[process.argv.indexOf('--to') + 1] === '0';
  const reverted = await migrator.down(toZero ? { to: 0 } : undefined);
  console.log(`Reverted: ${reverted.map((m) => m.name).join(', ') || 'nothing'}`);
}
await sequelize.close();
