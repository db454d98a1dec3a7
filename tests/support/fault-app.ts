/**
 * The platform modules a fault test uses in its own process. Imported only through
 * `startFaultPlatform()` (fault-harness.ts), after the environment points at the test's own
 * database and Redis: server/config.ts reads it once, when this module graph loads.
 */
export * as models from '../../server/db/models';
export { sequelize } from '../../server/db/sequelize';
export { config } from '../../server/config';
export { enqueueMail, mailJobId } from '../../server/mail/enqueue-mail';
export { outboxJobId, queueTicket } from '../../server/glpi-outbox/queue-outbox';
export { getQueue } from '../../server/jobs/queues';
export { seedCatalog } from '../../db/seeds/seed-catalog';
export { closeTestResources } from './close-resources';
export { createCompany, createUser, giveActiveSubscription, loggedIn, fixturePassword } from './fixtures';
export { cacheSnapshot, duplicateKeys, glpiSnapshot } from './sync-harness';
export { createQuote, issueFromDraft, staffBrowser } from '../integration/billing-support';
export { uniqueEmail } from './trpc-caller';
