import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.js';

/**
 * Refuses a request body over `maxBytes` with 413 PAYLOAD_TOO_LARGE and `message`. A declared Content-Length is
 * checked without touching the body, so the route can still read it straight from the connection (reading
 * `c.req.raw.body`, as Hono's middleware does, builds a web stream for every request); a streamed body is counted
 * as it arrives.
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
