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
  /** The quick choice in use, or null for dates typed in. */
  range: Range | null;
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
export function resolvePeriod(values: { range?: string; from?: string; to?: string }, now = new Date()): Period {
  const { from = '', to = '' } = values;
  if (validDate(from) && validDate(to) && from <= to) {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`) + DAY;
    return {
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
      range: null,
      firstDay: from,
      lastDay: to,
      days: Math.round((end - start) / DAY),
    };
  }
  const range = RANGES.find((r) => r.value === values.range)?.value ?? DEFAULT_RANGE;
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const endDate = new Date(end);
  const start =
    range === '12m'
      ? Date.UTC(endDate.getUTCFullYear() - 1, endDate.getUTCMonth(), endDate.getUTCDate())
      : end - (range === '30d' ? 30 : 90) * DAY;
  return {
    from: new Date(start).toISOString(),
    to: endDate.toISOString(),
    range,
    firstDay: day(start),
    lastDay: day(end - DAY),
    days: Math.round((end - start) / DAY),
  };
}

export function periodLabel(period: Period): string {
  return `${formatDate(period.firstDay)} – ${formatDate(period.lastDay)}`;
}

/** Weeks for a quarter or less, months beyond: a trend of roughly 4 to 14 points either way. */
export function defaultInterval(period: Period): DoraInterval {
  return period.days > 120 ? 'month' : 'week';
}
