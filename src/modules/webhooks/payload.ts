/** A payload we read but that lacks what we need: stored, marked failed with this reason, nothing derived. */
export class UnusablePayload extends Error {}

export function obj(v: unknown, field: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UnusablePayload(`${field} is missing`);
  return v as Record<string, unknown>;
}

export function text(v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') throw new UnusablePayload(`${field} is missing`);
  return v;
}

/** A time with its zone; times without one are refused rather than guessed. */
export function time(v: unknown, field: string): Date {
  const s = text(v, field);
  const d = new Date(s);
  if (!/(Z|[+-]\d\d:?\d\d)$/.test(s) || Number.isNaN(d.getTime())) throw new UnusablePayload(`${field} is not a time with a zone`);
  return d;
}
