import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestResources } from '../support/close-resources';
import { privateRealGlpi, type RealGlpi } from '../support/real-glpi';
import { startRealSyncHarness, type RealSyncHarness } from '../support/real-sync-harness';

/**
 * The HTTP layer's rate limit, counted where it matters: in GLPI's own request log (a GLPI of this
 * file's own, so that no other file's request is counted).
 */
const maxPerSecond = 4;
let glpi: RealGlpi & { stop(): Promise<void> };
let h: RealSyncHarness;

beforeAll(async () => {
  glpi = await privateRealGlpi('limiter');
  h = await startRealSyncHarness({ glpi, http: { maxPerSecond, maxConcurrent: 2 } });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await glpi?.stop();
  await closeTestResources();
});

/** `HH:MM:SS status METHOD URI 12.3ms`: the second the request ended, and how long it took. */
function parse(line: string): { end: number; seconds: number } {
  const match = /^(\d\d):(\d\d):(\d\d) \d+ \S+ \S+ ([\d.]+)ms$/.exec(line);
  if (!match) throw new Error(`unexpected request log line: ${line}`);
  const [, hours, minutes, seconds, ms] = match;
  return { end: Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds), seconds: Number(ms) / 1000 };
}

describe('the GLPI limiter', () => {
  it(`never lets more than ${maxPerSecond} requests a second reach GLPI during a first sync`, async () => {
    const { entityId, companyId } = await h.addClient();
    await h.driver.create(
      'Computer',
      Array.from({ length: 30 }, (_, i) => ({ name: `LIMIT-${i}`, entities_id: entityId })),
    );
    const from = h.glpi.requestLog().length;
    const result = await h.cycle(companyId);
    const requests = h.glpi.requestLog(from).map(parse);
    expect(result.status).toBe('done');
    expect(await h.differences(entityId)).toEqual([]);

    // Enough requests that an unlimited client would send several seconds' worth at once.
    expect(requests.length).toBeGreaterThan(8 * maxPerSecond);
    // The log has the second a request ended: the requests that ended within a window of `width`
    // seconds started within it or at most the longest duration before it, so a limiter that holds
    // lets at most (width + longest) × rate + 1 of them through.
    const longest = Math.max(...requests.map((request) => request.seconds));
    const width = 3;
    const bound = Math.floor((width + longest) * maxPerSecond) + 1;
    const first = Math.min(...requests.map((request) => request.end));
    const last = Math.max(...requests.map((request) => request.end));
    const busiest = Math.max(
      ...Array.from({ length: last - first + 1 }, (_, i) => first + i).map(
        (start) => requests.filter((request) => request.end >= start && request.end < start + width).length,
      ),
    );
    expect(busiest, `${requests.length} requests from ${first} to ${last}, longest ${longest} s`).toBeLessThanOrEqual(bound);
  }, 120_000);
});
