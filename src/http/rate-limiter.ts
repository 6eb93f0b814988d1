/** At most `limit` hits per `windowMs`. */
export interface Rate {
  limit: number;
  windowMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters per key (a client address), in memory. At most `maxKeys` windows are kept: when full,
 * ended windows go first, then the oldest, so a flood of addresses costs bounded memory (an evicted client starts
 * afresh, which errs on letting it through).
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly rate: Rate,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may be let through again, or 0 when it has hits left (nothing is counted). */
  retryAfter(key: string): number {
    const window = this.windows.get(key);
    const now = this.now();
    if (!window || window.resetAt <= now || window.count < this.rate.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  /** Counts a hit for `key`: 0 when it is within the limit, else the seconds until the window ends. */
  hit(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      // Re-inserted, so the map's order stays the order windows started in: the first is the oldest.
      this.windows.delete(key);
      this.makeRoom(now);
      window = { count: 0, resetAt: now + this.rate.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count > this.rate.limit ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
  }

  /** How many windows are kept (for tests of the bound). */
  get size(): number {
    return this.windows.size;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
