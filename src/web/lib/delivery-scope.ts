import type { DoraInterval } from '../api/types.js';
import { formatDate } from './format.js';
import { entityPath, parseRef } from './refs.js';

/** What the delivery numbers are about: the whole organisation, one team, or one service. */
export type Scope = { kind: 'org' } | { kind: 'team' | 'service'; name: string };

/** `team:payments` → a team; anything unreadable → the organisation. */
export function parseScope(value: string | null | undefined): Scope {
  const match = /^(team|service):(.+)$/.exec(value ?? '');
  return match ? { kind: match[1] as 'team' | 'service', name: match[2] as string } : { kind: 'org' };
}

/** The `scope` the API takes (`org`, `team:<name>`, `service:<name>`). */
export function scopeParam(scope: Scope): string {
  return scope.kind === 'org' ? 'org' : `${scope.kind}:${scope.name}`;
}

export function scopeLabel(scope: Scope): string {
  if (scope.kind === 'org') return 'The whole organisation';
  return `${scope.kind === 'team' ? 'Team' : 'Service'} ${scope.name}`;
}

/** The team's or service's catalog page; null for the organisation. */
export function scopePagePath(scope: Scope): string | null {
  if (scope.kind === 'org') return null;
  const ref = parseRef(scope.name);
  return entityPath(scope.kind, ref.name, ref.namespace);
}

/** The scope of a catalog entity in another namespace keeps its namespace: `team:ops/payments`. */
export function entityScope(kind: 'team' | 'service', name: string, namespace = 'default'): string {
  return `${kind}:${namespace === 'default' ? name : `${namespace}/${name}`}`;
}

/** The same scope and period on another delivery page, without the page's own choices (list, interval, status). */
export function carrySearch(search: string): string {
  const params = new URLSearchParams(search);
  for (const own of ['list', 'interval', 'status']) params.delete(own);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const RANGES = [
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: '12m', label: '12 months' },
] as const;
export type Range = (typeof RANGES)[number]['value'];
export const DEFAULT_RANGE: Range = '90d';

export interface Period {
  /** ISO times for the API: [from, to). */
  from: string;
  to: string;
  /** The quick choice in use, or null for a quarter or dates typed in. */
  range: Range | null;
  /** The calendar quarter chosen (`2025-Q1`), or null. */
  quarter: string | null;
  /** The first and last day shown to a person (YYYY-MM-DD, UTC); the last is included. */
  firstDay: string;
  lastDay: string;
  days: number;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const validDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/**
 * The period in the address bar: `from`/`to` dates (both days included), else a quick choice counted back from
 * the end of today (UTC), so the same page asked twice in a day asks the API the same question.
 */
export function resolvePeriod(
  values: { range?: string; from?: string; to?: string; quarter?: string },
  now = new Date(),
): Period {
  const { from = '', to = '' } = values;
  const span = (start: number, end: number, range: Range | null, quarter: string | null): Period => ({
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
    range,
    quarter,
    firstDay: day(start),
    lastDay: day(end - DAY),
    days: Math.round((end - start) / DAY),
  });
  const endOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  if (validDate(from) && validDate(to) && from <= to)
    return span(Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`) + DAY, null, null);
  const quarter = quarterSpan(values.quarter ?? '');
  if (quarter && quarter.start < endOfToday)
    return span(quarter.start, Math.min(quarter.end, endOfToday), null, values.quarter ?? null);
  const range = RANGES.find((r) => r.value === values.range)?.value ?? DEFAULT_RANGE;
  const endDate = new Date(endOfToday);
  const start =
    range === '12m'
      ? Date.UTC(endDate.getUTCFullYear() - 1, endDate.getUTCMonth(), endDate.getUTCDate())
      : endOfToday - (range === '30d' ? 30 : 90) * DAY;
  return span(start, endOfToday, range, null);
}

/** `2025-Q2` → [1 Apr 2025, 1 Jul 2025) in milliseconds; anything else → null. */
function quarterSpan(value: string): { start: number; end: number } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!match) return null;
  const [year, q] = [Number(match[1]), Number(match[2])];
  return { start: Date.UTC(year, (q - 1) * 3, 1), end: Date.UTC(year, q * 3, 1) };
}

/** This quarter (up to today), last quarter, and the three before it: the past year in calendar quarters, UTC. */
export function quarterChoices(now = new Date()): { value: string; label: string }[] {
  const current = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  return [0, 1, 2, 3, 4].map((back) => {
    const n = current - back;
    const name = `Q${(n % 4) + 1} ${Math.floor(n / 4)}`;
    return {
      value: `${Math.floor(n / 4)}-Q${(n % 4) + 1}`,
      label: back === 0 ? `This quarter (${name})` : back === 1 ? `Last quarter (${name})` : name,
    };
  });
}

/** The period of the same length just before this one, as the API takes it: [from − length, from). */
export function previousPeriod(period: Pick<Period, 'from' | 'to'>): { from: string; to: string } {
  const [start, end] = [Date.parse(period.from), Date.parse(period.to)];
  return { from: new Date(start - (end - start)).toISOString(), to: period.from };
}

export function periodLabel(period: Period): string {
  return `${formatDate(period.firstDay)} – ${formatDate(period.lastDay)}`;
}

/** Weeks for a quarter or less, months beyond: a trend of roughly 4 to 14 points either way. */
export function defaultInterval(period: Period): DoraInterval {
  return period.days > 120 ? 'month' : 'week';
}
