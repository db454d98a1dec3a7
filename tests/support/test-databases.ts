/** Test database names: one per vitest worker, so files in parallel never share tables. */
export const testServerUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const testWorkerSlots = 4;
export const testDatabaseUrl = (slot: number | string) => `${testServerUrl}/ytech_test_${slot}`;
