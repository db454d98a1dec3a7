/**
 * Bench only: a real GLPI 10.0.12 (../shared/glpi-real) holding the same 50 client entities as the
 * dashboard bench's simulator, each with its share of the park, for the direct variant to ask as a
 * direct integration would ask a production GLPI. Seeded through GLPI's API once (a few minutes) and
 * kept between runs (database glpi_bench_dashboard); a seed cut short is started again from nothing.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { GlpiApiDriver } from '../tests/support/glpi-api-driver';

const token = 'ytechglpitesttoken0000000000000000000001';
// Created last: its presence says the seed ran to its end.
const doneMarker = 'Bench Dashboard (seed complete)';

export type RealDashboardGlpi = {
  url: string;
  userToken: string;
  /** GLPI entity id of each client, by name. */
  entityIds: Map<string, number>;
  /** True when this run seeded it: MariaDB is still working off the seed's writes (slower answers). */
  seededNow: boolean;
  stop(): void;
};

export async function startRealDashboardGlpi(input: {
  root: string;
  names: string[];
  assets: number;
  tickets: number;
}): Promise<RealDashboardGlpi> {
  const port = Number(process.env.BENCH_REAL_GLPI_PORT ?? 8097);
  const dir = `/tmp/ytech-bench-glpi-${port}`;
  const script = process.env.GLPI_REAL_DIR
    ? path.join(process.env.GLPI_REAL_DIR, 'start-glpi.sh')
    : path.resolve(input.root, '../shared/glpi-real/start-glpi.sh');
  const start = (fresh: boolean) =>
    execFileSync(
      'bash',
      [script, '--port', String(port), '--db', 'glpi_bench_dashboard', '--dir', dir, '--token', token, ...(fresh ? ['--fresh'] : [])],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  const url = `http://127.0.0.1:${port}/apirest.php`;
  start(false);
  let driver = await GlpiApiDriver.open(url, token);
  let entities = await driver.all('Entity');
  let seededNow = false;
  if (!entities.some((row) => row.name === doneMarker)) {
    seededNow = true;
    console.log(`seeding a real GLPI with ${input.names.length} client entities (once, a few minutes)…`);
    await driver.close();
    start(true);
    driver = await GlpiApiDriver.open(url, token);
    await seed(driver, input);
    await driver.close();
    driver = await GlpiApiDriver.open(url, token);
    entities = await driver.all('Entity');
  }
  await driver.close();
  const entityIds = new Map(entities.map((row) => [String(row.name), row.id]));
  const missing = input.names.filter((name) => !entityIds.has(name));
  if (missing.length > 0) throw new Error(`the real GLPI lacks ${missing.length} client entities: delete ${dir} and run again`);
  return {
    url,
    userToken: token,
    entityIds,
    seededNow,
    stop: () => execFileSync('bash', [script, '--stop', '--port', String(port), '--dir', dir], { stdio: 'ignore' }),
  };
}

/** The simulator's shares: each client holds assets/n assets (computers, monitors, printers) and tickets/n tickets of every status. */
async function seed(driver: GlpiApiDriver, input: { names: string[]; assets: number; tickets: number }): Promise<void> {
  const ids = await driver.create(
    'Entity',
    input.names.map((name) => ({ name, entities_id: 0 })),
  );
  // A session sees entities created after it opened only once switched again (GLPI-API.md).
  await driver.switchTo(0, true);
  const assetsEach = Math.round(input.assets / input.names.length);
  const ticketsEach = Math.round(input.tickets / input.names.length);
  const shares = [
    ['Computer', Math.round(assetsEach * 0.6)],
    ['Monitor', Math.round(assetsEach * 0.25)],
    ['Printer', assetsEach - Math.round(assetsEach * 0.6) - Math.round(assetsEach * 0.25)],
  ] as const;
  for (const [itemtype, each] of shares) {
    for (let from = 0; from < ids.length; from += 10) {
      await driver.create(
        itemtype,
        ids.slice(from, from + 10).flatMap((entity, e) =>
          Array.from({ length: each }, (_, i) => ({
            name: `${itemtype}-${from + e}-${i}`,
            serial: `DB-${from + e}-${i}`,
            entities_id: entity,
          })),
        ),
      );
    }
  }
  for (let from = 0; from < ids.length; from += 10) {
    await driver.create(
      'Ticket',
      ids.slice(from, from + 10).flatMap((entity, e) =>
        Array.from({ length: ticketsEach }, (_, i) => ({
          name: `Demande ${from + e}-${i}`,
          content: '<p>Le poste ne démarre plus.</p>',
          entities_id: entity,
          status: (i % 6) + 1,
        })),
      ),
    );
  }
  await driver.createOne('Entity', { name: doneMarker, entities_id: 0 });
}
