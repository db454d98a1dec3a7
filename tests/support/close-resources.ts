import { closeLuciaPool } from '../../server/auth/lucia';
import { sequelize } from '../../server/db/sequelize';
import { closeQueues } from '../../server/jobs/queues';
import { closeRedis } from '../../server/redis';

const extraClosers: Array<() => Promise<void>> = [];

/** For a test helper that opens something of its own (a mail catcher): closed with the rest. */
export function onTestResourcesClosed(close: () => Promise<void>): void {
  extraClosers.push(close);
}

/** Closes every connection a test file opened through the app's own modules. */
export async function closeTestResources(): Promise<void> {
  for (const close of extraClosers.splice(0)) await close();
  await closeQueues();
  await closeRedis();
  await closeLuciaPool();
  await sequelize.close();
}
