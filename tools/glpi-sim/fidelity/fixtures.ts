import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The recordings kept beside this file (`fixtures/`), unless GLPI_FIXTURES_DIR says otherwise. */
function fixturesDir(): string {
  return process.env.GLPI_FIXTURES_DIR ?? path.resolve(import.meta.dirname, 'fixtures');
}

export const fixtureSchema = z.object({
  request: z.object({
    method: z.string(),
    path: z.string(),
    query_string: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.unknown(),
  }),
  response: z.object({
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: z.unknown(),
  }),
});
export type Fixture = z.output<typeof fixtureSchema> & { name: string };

export function loadFixtures(dir = fixturesDir()): Fixture[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      ...fixtureSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))),
      name: file.slice(0, -'.json'.length),
    }));
}
