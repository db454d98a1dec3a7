import { QueryTypes, Sequelize } from 'sequelize';
import { afterAll, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database';
import { createMigrator } from '../../db/migrator';
import { testServerUrl } from '../support/test-databases';

const name = `ytech_test_company_roles_${process.pid}`;
let sequelize: Sequelize | undefined;

afterAll(async () => {
  await sequelize?.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await sequelize?.close();
});

it("makes every existing client their company's manager, and staff nothing (migration 20261205-1000)", async () => {
  await createDatabase(`${testServerUrl}/${name}`, { dropFirst: true });
  sequelize = new Sequelize(`${testServerUrl}/${name}`, { dialect: 'mysql', logging: false });
  const migrator = createMigrator(sequelize);
  await migrator.up({ to: '20261205-0600-replication-heartbeats.ts' });
  await sequelize.query(`INSERT INTO users (email, password_hash, first_name, last_name, role, company_id, locale, active, created_at, updated_at) VALUES
    ('client@example.dz', NULL, 'C', 'C', 'client', NULL, 'fr', 1, NOW(), NOW()),
    ('commercial@example.dz', NULL, 'S', 'S', 'commercial', NULL, 'fr', 1, NOW(), NOW())`);
  await migrator.up();
  const rows = await sequelize.query<{ email: string; companyRole: string | null }>(
    'SELECT email, company_role AS companyRole FROM users ORDER BY email',
    { type: QueryTypes.SELECT },
  );
  expect(rows).toEqual([
    { email: 'client@example.dz', companyRole: 'manager' },
    { email: 'commercial@example.dz', companyRole: null },
  ]);
}, 180_000);
