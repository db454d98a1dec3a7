import { createDatabase } from '../../db/create-database';
import { config } from '../../server/config';

/** Drops and re-creates the configured database (end-to-end runs start from nothing). */
await createDatabase(config.DATABASE_URL, { dropFirst: true });
