import { QueryTypes, Sequelize } from 'sequelize';
import { afterAll, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database';
import { createMigrator } from '../../db/migrator';
import { testServerUrl } from '../support/test-databases';

const url = `${testServerUrl}/ytech_test_migrations_${process.pid}`;
let sequelize: Sequelize | undefined;

afterAll(async () => {
  await sequelize?.query(`DROP DATABASE IF EXISTS \`ytech_test_migrations_${process.pid}\``);
  await sequelize?.close();
});

const tables = async (s: Sequelize) =>
  (
    await s.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'SequelizeMeta' ORDER BY table_name",
      { type: QueryTypes.SELECT },
    )
  ).map((r) => r.name);

it('migrations go up from empty, down to empty, and up again', async () => {
  await createDatabase(url, { dropFirst: true });
  sequelize = new Sequelize(url, { dialect: 'mysql', logging: false });
  const migrator = createMigrator(sequelize);
  expect(await tables(sequelize)).toEqual([]);

  const applied = await migrator.up();
  expect(applied.length).toBeGreaterThan(0);
  const schema = await tables(sequelize);
  expect(schema).toEqual(
    expect.arrayContaining([
      'users',
      'sessions',
      'companies',
      'services',
      'price_tiers',
      'faqs',
      'login_events',
      'notifications',
      'audit_log',
      'email_log',
    ]),
  );
  expect(await migrator.up()).toEqual([]); // idempotent

  await migrator.down({ to: 0 });
  expect(await tables(sequelize)).toEqual([]);

  await migrator.up();
  expect(await tables(sequelize)).toEqual(schema);
}, 180_000); // every migration up, down and up again: long on a loaded machine
