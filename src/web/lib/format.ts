// Dates and times are written one way everywhere, text and inputs alike: ISO dates (2026-12-03), 24-hour times
// in UTC with the zone named (2026-12-03 09:07 UTC). The delivery periods are counted in UTC days, so a date
// never shifts with the reader's zone, and no reader has to guess whether 03/12 is March or December.

const parse = (value: string): Date | null => {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A calendar date (YYYY-MM-DD or ISO) as YYYY-MM-DD, in UTC; null → "—". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = parse(value);
  return d ? d.toISOString().slice(0, 10) : value;
}

/**
 * A moment as "2026-12-03 09:07 UTC"; null → "—". `zone: false` leaves "UTC" out, for a table column whose header
 * names the zone once.
 */
export function formatDateTime(value: string | null | undefined, { zone = true }: { zone?: boolean } = {}): string {
  if (!value) return '—';
  const d = parse(value);
  if (!d) return value;
  const text = `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
  return zone ? `${text} UTC` : text;
}

/** A month as "2025-08" (UTC); null → "". */
export function formatMonth(value: string | null | undefined): string {
  if (!value) return '';
  const d = parse(value);
  return d ? d.toISOString().slice(0, 7) : value;
}

/**
 * An input for a date, typed as YYYY-MM-DD. Text, not type="date": the browser writes a date input in its own locale
 * (12/03/2026), beside dates written 2026-12-03 everywhere else.
 */
export const DATE_INPUT_PROPS = {
  type: 'text',
  inputMode: 'numeric',
  pattern: '\\d{4}-\\d{2}-\\d{2}',
  placeholder: 'YYYY-MM-DD',
  title: 'A date as YYYY-MM-DD',
  autoComplete: 'off',
  size: 10,
} as const;

/** Whether text is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  const d = parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && d !== null && d.toISOString().startsWith(text);
}

const numberFormat = new Intl.NumberFormat();

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

const rateFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const wholeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const twoDigitsFormat = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2 });

/** 0.055 → "5.5%" (one decimal, so a rate near a level's threshold reads on the right side of it); null → "—". */
export function formatRate(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : rateFormat.format(ratio);
}

/** A rate per day or week: whole from 10 up ("448"), else two significant digits ("2.3", "0.21"), separators as counts. */
export function formatPer(value: number): string {
  return Math.abs(value) >= 10 ? wholeFormat.format(value) : twoDigitsFormat.format(value);
}

/** A number to at most one decimal: 12, 3.5 (chart axes, changes). */
export function formatTenths(n: number): string {
  return oneDecimal.format(n);
}

/** 0.5 → "50%"; null (nothing to divide by) → "—". */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : percentFormat.format(ratio);
}

/** Days to a tenth below ten, whole from ten up (a median of 444.5 days reads "445 days"); null → "—". */
export function formatDays(days: number | null): string {
  if (days === null) return '—';
  const shown = Math.abs(days) >= 10 ? Math.round(days) : Math.round(days * 10) / 10;
  return `${formatNumber(shown)} ${shown === 1 ? 'day' : 'days'}`;
}

/**
 * A calendar week or month of a series, by its first day (UTC), as the dates everywhere else read: a month as
 * "2025-08", a week as the day it starts, "2025-08-04".
 */
export function formatPeriod(iso: string, interval: 'week' | 'month'): string {
  return interval === 'month' ? formatMonth(iso) : formatDate(iso);
}

/** A duration in hours, in the unit a person would say: "45 min", "3.2 h", "2.1 days"; null → "—". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  const minutes = Math.round(hours * 60);
  if (minutes < 1) return hours > 0 ? '< 1 min' : '0 min';
  if (minutes < 60) return `${minutes} min`;
  const tenthsOfHour = Math.round(hours * 10) / 10;
  if (tenthsOfHour < 24) return `${oneDecimal.format(tenthsOfHour)} h`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `${oneDecimal.format(days)} ${days === 1 ? 'day' : 'days'}`;
}
