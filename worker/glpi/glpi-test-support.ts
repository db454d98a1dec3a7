import { pino, type Logger } from 'pino';
import { startGlpiSimulator, type GlpiSimulator, type SimulatorOptions } from '../../tools/glpi-sim/glpi-simulator';
import type { GlpiConfigInput } from './glpi-config';
import { GlpiSessionPool } from './glpi-session-pool';

/** Test-only helpers: a simulator on an ephemeral port and a pool pointed at it. */
export type Harness = {
  sim: GlpiSimulator;
  pool: GlpiSessionPool;
  logLines: string[];
  /** API requests the simulator answered, oldest first. */
  requests(filter?: (path: string) => boolean): Array<{ method: string; path: string; query: string; status: number }>;
  close(): Promise<void>;
};

export async function startHarness(
  options: { sim?: SimulatorOptions; config?: Partial<GlpiConfigInput>; maxSessions?: number; fetch?: typeof fetch } = {},
): Promise<Harness> {
  const sim = await startGlpiSimulator({ seed: { seed: 3, entities: 3, assets: 200, tickets: 40 }, ...options.sim });
  const logLines: string[] = [];
  const logger: Logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  const pool = new GlpiSessionPool({
    config: {
      baseUrl: sim.url,
      userToken: sim.userToken,
      appToken: sim.appToken,
      timeoutMs: 2_000,
      maxConcurrent: 4,
      maxPerSecond: 1_000,
      retries: 3,
      retryBaseMs: 5,
      retryMaxMs: 20,
      ...options.config,
    },
    logger,
    maxSessions: options.maxSessions,
    fetch: options.fetch,
  });
  return {
    sim,
    pool,
    logLines,
    requests: (filter) => sim.state.requests.filter((request) => (filter ? filter(request.path) : true)),
    close: async () => {
      await pool.close();
      await sim.close();
    },
  };
}

/** Client entities of the seeded simulator (children of the parent entity), in id order. */
export function clientEntityIds(sim: GlpiSimulator): number[] {
  const parent = sim.state.rows('Entity').find((row) => row.entities_id === 0);
  return sim.state
    .rows('Entity')
    .filter((row) => parent && row.entities_id === parent.id)
    .map((row) => Number(row.id));
}

export function liveIds(sim: GlpiSimulator, itemtype: 'Computer' | 'Ticket' | 'Monitor' | 'SoftwareLicense', entityId: number): number[] {
  return sim.state
    .rows(itemtype, entityId)
    .filter((row) => row.is_deleted === 0 && row.is_template !== 1)
    .map((row) => Number(row.id));
}
