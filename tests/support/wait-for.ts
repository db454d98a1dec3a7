/**
 * Polls until the check returns a truthy value (or throws after the timeout): for work done by another process or queue.
 * `explain`: what the failure message adds — the state that was waited on, to read a timeout from CI's log alone.
 */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  {
    timeoutMs = 15_000,
    intervalMs = 50,
    what = 'condition',
    explain,
  }: { timeoutMs?: number; intervalMs?: number; what?: string; explain?: () => Promise<string> } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${explain ? `: ${await explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
