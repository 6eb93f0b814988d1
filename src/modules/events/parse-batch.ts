import { AppError } from '../../http/errors.js';
import { zodDetails } from '../../http/router.js';
import { isRecord, MAX_EVENTS_PER_REQUEST, usageEventParser, type Rejection, type UsageEvent } from './contract.js';

export type BatchFormat = 'json' | 'ndjson';

export interface IndexedEvent {
  index: number;
  event: UsageEvent;
}

export interface ParsedBatch {
  events: IndexedEvent[];
  rejected: Rejection[];
}

/** The body's format from its Content-Type, or 415. */
export function batchFormat(contentType: string | undefined): BatchFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return 'json';
  if (type === 'application/x-ndjson' || type === 'application/ndjson') return 'ndjson';
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `send application/json or application/x-ndjson, not "${type || 'nothing'}"`,
  );
}

const tooMany = (size: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `${size} events in one request; send at most ${MAX_EVENTS_PER_REQUEST} per request (nothing was stored)`,
  );

/** JSON: an array of events, or one event. A body that is not JSON at all fails as a whole. */
function jsonItems(body: string): unknown[] {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new AppError('MALFORMED_JSON', `the body is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(raw)) return raw;
  if (isRecord(raw)) return [raw];
  throw new AppError('VALIDATION_FAILED', 'the body must be an array of events or one event object', [
    { field: '(body)', reason: 'must be an array of events or one event object' },
  ]);
}

const NOT_JSON = Symbol('not JSON');

/** NDJSON: one event per line; blank lines are skipped and do not count as positions. */
function ndjsonItems(body: string): { items: unknown[]; lineErrors: Map<number, string> } {
  const lines: string[] = [];
  for (const line of body.split('\n')) if (line.trim() !== '') lines.push(line);
  if (lines.length > MAX_EVENTS_PER_REQUEST) throw tooMany(lines.length);
  const lineErrors = new Map<number, string>();
  const items = lines.map((line, index) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      lineErrors.set(index, `the line is not valid JSON: ${(error as Error).message}`);
      return NOT_JSON;
    }
  });
  return { items, lineErrors };
}

/**
 * The body of POST /events as valid events and rejections, both by their position in the batch.
 * Whole-request problems (not JSON at all, more than MAX_EVENTS_PER_REQUEST events) throw.
 */
export function parseBatch(body: string, format: BatchFormat): ParsedBatch {
  const { items, lineErrors } =
    format === 'json' ? { items: jsonItems(body), lineErrors: new Map<number, string>() } : ndjsonItems(body);
  if (items.length > MAX_EVENTS_PER_REQUEST) throw tooMany(items.length);

  const events: IndexedEvent[] = [];
  const rejected: Rejection[] = [];
  items.forEach((item, index) => {
    const lineError = lineErrors.get(index);
    if (lineError !== undefined) return void rejected.push({ index, error: lineError });
    if (!isRecord(item)) return void rejected.push({ index, error: 'the event must be a JSON object' });
    const parsed = usageEventParser.safeParse(item);
    if (parsed.success) return void events.push({ index, event: parsed.data });
    const error = zodDetails(parsed.error)
      .map((d) => `${d.field}: ${d.reason}`)
      .join('; ');
    rejected.push({ index, error });
  });
  return { events, rejected };
}
