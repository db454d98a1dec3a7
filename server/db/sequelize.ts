import { Sequelize } from 'sequelize';
import { config } from '../config';
import { logger } from '../logger';

/** One Sequelize instance per process. All times are stored in UTC; pages show Africa/Algiers. */
export const sequelize = new Sequelize(config.DATABASE_URL, {
  dialect: 'mysql',
  timezone: '+00:00',
  logging: (sql) => logger.trace({ sql }, 'sql'),
  pool: { max: config.DATABASE_POOL_MAX, min: 0, idle: 10_000, acquire: 10_000 },
  dialectOptions: { charset: 'utf8mb4', dateStrings: false, decimalNumbers: true },
  define: { underscored: true, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
});
