import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './rate-limiter.js';
import { parseRate } from './rate-limits.js';

describe('FixedWindowLimiter', () => {
  it('lets `limit` hits through per window, then says how long to wait, and starts afresh after it', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter({ limit: 3, windowMs: 60_000 }, 100, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 0]);
    expect(limiter.retryAfter('a')).toBe(60);
    expect(limiter.hit('a')).toBe(60);
    expect(limiter.hit('b')).toBe(0); // another client has its own window
    now += 45_500;
    expect(limiter.hit('a')).toBe(15); // 14.5 s left, rounded up
    now += 14_500;
    expect(limiter.retryAfter('a')).toBe(0);
    expect(limiter.hit('a')).toBe(0);
  });

  it('keeps at most maxKeys windows, dropping ended ones first, then the oldest', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1_000 }, 3, () => now);
    for (const key of ['a', 'b', 'c']) limiter.hit(key);
    now = 500;
    for (let i = 0; i < 1000; i++) limiter.hit(`flood-${i}`);
    expect(limiter.size).toBe(3);
    now = 2_000;
    limiter.hit('d');
    expect(limiter.size).toBeLessThanOrEqual(3);
  });
});

describe('parseRate', () => {
  it('reads N per second, minute or hour, or off', () => {
    expect(parseRate('X', '10/min')).toEqual({ limit: 10, windowMs: 60_000 });
    expect(parseRate('X', ' 600 / minute ')).toEqual({ limit: 600, windowMs: 60_000 });
    expect(parseRate('X', '5/s')).toEqual({ limit: 5, windowMs: 1_000 });
    expect(parseRate('X', '1000/hour')).toEqual({ limit: 1000, windowMs: 3_600_000 });
    expect(parseRate('X', 'OFF')).toBeNull();
    for (const bad of ['10', '0/min', '-1/min', '10/fortnight', 'lots'])
      expect(() => parseRate('PAVED_RATE_LIMIT_SIGNIN', bad)).toThrow(
        `PAVED_RATE_LIMIT_SIGNIN must be a number per s, min or hour (e.g. 10/min), or off; got "${bad}"`,
      );
  });
});
