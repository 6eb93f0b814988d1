const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const numberFormat = new Intl.NumberFormat();

/** A calendar date (YYYY-MM-DD or ISO), shown in UTC so it never shifts a day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFormat.format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFormat.format(d);
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

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

const utcDateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** A moment in UTC, as the delivery periods are counted: "Mar 26, 2025, 10:00". */
export function formatUtcDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : utcDateTimeFormat.format(d);
}
