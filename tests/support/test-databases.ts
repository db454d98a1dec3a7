/**
 * Test database names: one per vitest worker slot AND per vitest run, so that files in parallel
 * never share tables and two runs on one machine (two engineers, CI) never drop each other's.
 */
export const testServerUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const testWorkerSlots = 4;
export const testRunId = () => process.env.YTECH_TEST_RUN ?? 'local';
export const testDatabaseName = (slot: number | string) => `ytech_t${testRunId()}_${slot}`;
export const testDatabaseUrl = (slot: number | string) => `${testServerUrl}/${testDatabaseName(slot)}`;
