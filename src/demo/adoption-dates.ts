import { createHash } from 'node:crypto';
import type { Random } from '../shared/random.js';

/** Days since 1970-01-01 (UTC): the adoption generator counts in whole days. */
export type Day = number;

const DAY_MS = 86_400_000;

export function dayOf(date: Date): Day {
  return Math.floor(date.getTime() / DAY_MS);
}

export function parseDay(text: string): Day {
  return Date.parse(`${text}T00:00:00Z`) / DAY_MS;
}

export function isoDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same calendar day `months` later (or earlier); a day past the month's end rolls over, as Date.UTC does. */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * DAY_MS);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate())));
}

/** The first of the month on or after `day`: mandates read better starting on the 1st. */
export function firstOfMonthFrom(day: Day): Day {
  const d = new Date(day * DAY_MS);
  return d.getUTCDate() === 1 ? day : dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
}

/**
 * A day on an S-curve: the logistic distribution centred at `mid` of [from, to] with spread `width`
 * (both fractions of the span), cut to [from, to). Drawing every adopter this way makes the cumulative
 * count the familiar slow start, steep middle and plateau.
 */
export function sCurveDay(rng: Random, from: Day, to: Day, mid: number, width: number): Day {
  const span = to - from;
  const centre = from + mid * span;
  const scale = Math.max(1, width * span);
  const cdf = (x: number) => 1 / (1 + Math.exp(-(x - centre) / scale));
  const lo = cdf(from);
  const hi = cdf(to);
  const u = lo + rng.next() * (hi - lo);
  const x = centre + scale * Math.log(u / (1 - u));
  return Math.min(to - 1, Math.max(from, Math.floor(x)));
}

/** A commit id that looks real and is the same for the same inputs. */
export function fakeSha(...parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex');
}
