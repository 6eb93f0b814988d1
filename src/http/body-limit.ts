import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.js';

/**
 * What a request body may weigh unless its route declares more: a JSON form (a catalog entity with a long
 * description, a mandate naming many teams) fits with room to spare.
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** A route that takes more than the default: `path` is exact, or ends in `/*` for everything under it. */
export interface BodyLimit {
  path: string;
  maxBytes: number;
  /** The 413's message: what is limited, to how much. */
  message: string;
}

/**
 * Refuses a request body over `maxBytes` with 413 PAYLOAD_TOO_LARGE and `message`. A declared Content-Length is
 * checked without touching the body, so the route can still read it straight from the connection (reading
 * `c.req.raw.body`, as Hono's middleware does, builds a web stream for every request); a streamed body is counted
 * as it arrives and refused as soon as it passes the limit.
 */
export function limitBody(maxBytes: number, message: string): MiddlewareHandler {
  const tooLarge = () => {
    throw new AppError('PAYLOAD_TOO_LARGE', message);
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (Number(length) > maxBytes) tooLarge();
    await next();
  };
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) || path === pattern.slice(0, -2) : path === pattern;

/**
 * Every request's body limit, applied once in front of every route: the first declared limit whose path matches,
 * else DEFAULT_BODY_LIMIT. Requests without a body pass untouched.
 */
export function limitBodies(declared: BodyLimit[]): MiddlewareHandler {
  const limits = declared.map((d) => ({ ...d, check: limitBody(d.maxBytes, d.message) }));
  const fallback = limitBody(
    DEFAULT_BODY_LIMIT,
    `a request body is limited to ${DEFAULT_BODY_LIMIT / 1024} KiB on this route`,
  );
  return async (c, next) => {
    // A read without Content-Length or Transfer-Encoding has no body: no stream is made for it.
    const bodyless = c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined;
    if (bodyless && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    const limit = limits.find((l) => matches(l.path, c.req.path));
    return (limit?.check ?? fallback)(c, next);
  };
}
