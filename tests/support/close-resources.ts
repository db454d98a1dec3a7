import { closeLuciaPool } from '../../server/auth/lucia';
import { sequelize } from '../../server/db/sequelize';
import { closeQueues } from '../../server/jobs/queues';
import { closeRedis } from '../../server/redis';

/** Closes every connection a test file opened through the app's own modules. */
export async function closeTestResources(): Promise<void> {
  await closeQueues();
  await closeRedis();
  await closeLuciaPool();
  await sequelize.close();
}
