import { sequelize } from '../server/db/sequelize';
import { closeRedis } from '../server/redis';
import { seedAdmin } from './seeds/seed-admin';
import { seedCatalog } from './seeds/seed-catalog';
import { seedFaq } from './seeds/seed-faq';

/** `npm run db:seed`: catalog, FAQ and first admin; `-- --demo` adds the demo accounts and companies. Idempotent. */
await seedCatalog();
await seedFaq();
await seedAdmin();
if (process.argv.includes('--demo')) {
  const { seedDemo } = await import('./seeds/seed-demo');
  await seedDemo();
}
await sequelize.close();
// Writes to users and subscriptions publish cache invalidations (docs/decisions/013-web-request-costs.md).
await closeRedis();
