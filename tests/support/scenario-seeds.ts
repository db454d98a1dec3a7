/**
 * Seeds for the convergence scenarios: a fixed set that every run replays, plus some drawn from the
 * clock, so that the check keeps exploring instead of being tuned to known cases. A failing test
 * names its seed; SCENARIO_SEEDS=12,345 replays exactly those.
 */
export function scenarioSeeds(fixed: number[], drawn: number): number[] {
  const forced = process.env.SCENARIO_SEEDS?.split(',')
    .map((seed) => Number(seed.trim()))
    .filter(Number.isInteger);
  if (forced && forced.length > 0) return forced;
  const base = Date.now() % 1_000_000_007;
  return [...fixed, ...Array.from({ length: drawn }, (_, i) => (base * 31 + i * 7_919) % 2_147_483_647)];
}
