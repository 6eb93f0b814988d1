import type { ErrorBody } from '../../http/errors.js';

/** One field's problem, as the API's VALIDATION_FAILED details list it. */
export type { ErrorDetail as FieldProblem } from '../../http/errors.js';

/** Any failed API call: the `{ error: { code, message, details } }` body, plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get unauthenticated(): boolean {
    return this.status === 401;
  }

  /** Validation details keyed by field; `detect[0].files` and `detect.0.files` both become `detect.0.files`. */
  fieldProblems(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const d of this.details as unknown[]) {
      if (d && typeof d === 'object' && 'field' in d && 'reason' in d) {
        const field = String(d.field).replace(/\[(\d+)\]/g, '.$1');
        out[field] = out[field] ? `${out[field]}; ${String(d.reason)}` : String(d.reason);
      }
    }
    return out;
  }
}

export const API_BASE = '/api/v1';

type Query = Record<string, string | number | undefined | null>;

/** `/teams` + `{ q: 'x', cursor: undefined }` → `/teams?q=x`: empty values are left out. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Same-origin JSON call to /api/v1; the session cookie travels with it. Throws ApiError on any failure. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'NETWORK',
      'Paved could not be reached. Check your connection and that the server is running.',
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported below
  }
  if (!res.ok) {
    // What answered may not be Paved (a proxy's error page), so each part of the body falls back.
    const error = (body as { error?: Partial<ErrorBody['error']> } | null)?.error;
    throw new ApiError(
      res.status,
      error?.code ?? `HTTP_${res.status}`,
      error?.message ?? `the server answered ${res.status}`,
      error?.details,
    );
  }
  if (body === null)
    throw new ApiError(res.status, 'BAD_RESPONSE', 'the server answered with something that is not JSON');
  return body as T;
}
