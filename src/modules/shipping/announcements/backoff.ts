// When a failed announcement is tried again: 1 minute after the first attempt, doubling to a cap of 4 hours, for
// about a day in all: 1 + 2 + 4 + … + 128 = 255 minutes, then 5 × 240 = 1,200, together 1,455 minutes (24 h 15 min)
// after the first attempt comes the 14th and last.
const MINUTE = 60_000;
export const RETRY_DELAYS_MINUTES = [1, 2, 4, 8, 16, 32, 64, 128, 240, 240, 240, 240, 240] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** How long after failed attempt number `attempt` (1-based) the next one is due; null after the last. */
export function retryDelayMs(attempt: number): number | null {
  const minutes = RETRY_DELAYS_MINUTES[attempt - 1];
  return minutes === undefined ? null : minutes * MINUTE;
}

/** A subscription that has delivered nothing while failing for this long is paused. */
export const PAUSE_AFTER_MS = 2 * 24 * 60 * MINUTE;

/** How long one attempt may take, connection to last byte. */
export const SEND_TIMEOUT_MS = 10_000;
export const EXCERPT_CHARS = 500;
