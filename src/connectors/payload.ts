import { inYearRange, YEAR_REASON } from '../http/dates.js';
import { hasNul } from '../http/safe-text.js';
import type { Fact } from './facts.js';

/** A payload we read but that lacks what we need: stored, marked failed with this reason, nothing derived. */
export class UnusablePayload extends Error {}

/** What a delivery says: facts to record, or nothing Paved uses (and why). */
export type Derived = { status: 'processed'; facts: Fact[] } | { status: 'ignored'; reason: string };
export const processed = (...facts: Fact[]): Derived => ({ status: 'processed', facts });
export const ignored = (reason: string): Derived => ({ status: 'ignored', reason });

export function obj(v: unknown, field: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UnusablePayload(`${field} is missing`);
  return v as Record<string, unknown>;
}

/**
 * Names and ids end up in unique indexes and text columns: at most MAX_NAME characters (2,000 bytes, under an
 * index entry's 2,704) and no NUL, which PostgreSQL cannot store.
 */
export const MAX_NAME = 500;

export function text(v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') throw new UnusablePayload(`${field} is missing`);
  if (hasNul(v)) throw new UnusablePayload(`${field} contains a NUL character`);
  if (v.length > MAX_NAME) throw new UnusablePayload(`${field} is longer than ${MAX_NAME} characters`);
  return v;
}

/** Free text a fact shows (a title, a label), when it is a string: NULs become U+FFFD and it is cut at `max`. */
export function freeText(v: unknown, max = 2000): string | null {
  return typeof v === 'string' ? v.replaceAll('\u0000', '\ufffd').slice(0, max) : null;
}

/** A number or string id (GitHub and GitLab send numbers), as text. */
export function id(v: unknown, field: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return text(v, field);
}

/** A full commit id (SHA-1, or SHA-256 for repositories that use it), lowercase. */
export function commitSha(v: unknown, field: string): string {
  const s = text(v, field);
  if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(s)) throw new UnusablePayload(`${field} is not a full commit id`);
  return s.toLowerCase();
}

// GitLab writes some times as "2016-08-12 15:23:28 UTC" or "2021-04-28 21:50:00 +0200".
const SPACED = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) ?(UTC|[+-]\d\d:?\d\d)$/;

/** A time with its zone (ISO 8601, or GitLab's spaced form); times without one are refused rather than guessed. */
export function time(v: unknown, field: string): Date {
  const s = text(v, field);
  const spaced = SPACED.exec(s);
  const iso = spaced
    ? `${spaced[1]}T${spaced[2]}${spaced[3] === 'UTC' ? 'Z' : (spaced[3] ?? '').replace(/^([+-]\d\d):?(\d\d)$/, '$1:$2')}`
    : s;
  const d = new Date(iso);
  if (!/(Z|[+-]\d\d:?\d\d)$/.test(iso) || Number.isNaN(d.getTime()))
    throw new UnusablePayload(`${field} is not a time with a zone`);
  if (!inYearRange(d)) throw new UnusablePayload(`${field} ${YEAR_REASON}`);
  return d;
}

/**
 * The commits of a push to the default branch as changes, in the order pushed (oldest first, as GitHub and GitLab
 * list them): ordered by their time, then by their place in the push.
 */
export function pushedChanges(
  source: 'github' | 'gitlab',
  repository: string,
  serviceId: number | null,
  commits: unknown[],
): Fact[] {
  return commits.map((raw, index) => {
    const commit = obj(raw, `commits[${index}]`);
    const committedAt = time(commit.timestamp, `commits[${index}].timestamp`);
    return {
      kind: 'change',
      source,
      repository,
      serviceId,
      commit: commitSha(commit.id, `commits[${index}].id`),
      committedAt,
      position: committedAt.getTime() * 1000 + (index % 1000),
    };
  });
}

/** An http(s) link the sender gives for a fact (its page there), when it gives one. */
export const webPage = (v: unknown): { url?: string } =>
  typeof v === 'string' && /^https?:\/\/\S+$/.test(v) && v.length <= 2000 ? { url: v } : {};
