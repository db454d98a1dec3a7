import { testDatabaseUrl, testRunId, testWorkerSlots } from './test-databases';

// Runs before each test file's imports: every module then reads this worker's own database and
// Redis prefix through server/config.ts, exactly as in production.
const slot = ((Number(process.env.VITEST_POOL_ID ?? 1) - 1) % testWorkerSlots) + 1;
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = testDatabaseUrl(slot);
process.env.REDIS_PREFIX = `ytech-test-${testRunId()}-${slot}`;
process.env.APP_URL = 'http://localhost:3000';
