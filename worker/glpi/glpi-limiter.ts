/**
 * Caps requests in flight and spaces their starts at least 1 / maxPerSecond apart, for every session
 * of the process together: GLPI has no rate limiting of its own, so the client has to be the polite one.
 * The spacing is measured from when the previous request really started, not from when it was due:
 * a worker busy parsing a page fires its timers late, and requests due one after the other would
 * then leave together, more than maxPerSecond in one second.
 */
export class RequestLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;

  constructor(
    private readonly maxConcurrent: number,
    maxPerSecond: number,
  ) {
    this.intervalMs = 1000 / maxPerSecond;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.active >= this.maxConcurrent) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    // Checked again after each wait: another holder may have started in the meantime.
    for (let now = Date.now(); now < this.lastStartAt + this.intervalMs; now = Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, this.lastStartAt + this.intervalMs - now));
    }
    this.lastStartAt = Date.now();
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next();
    else this.active -= 1;
  }
}
