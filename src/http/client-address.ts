import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The address of the client a request came from: the connection's peer, or, behind `trustProxy` proxies
 * (PAVED_TRUST_PROXY), the address the nearest trusted proxy recorded in X-Forwarded-For. Entries left of that are
 * whatever the client wrote and are never used. "unknown" when there is no connection (app.request in tests).
 */
export function clientAddress(c: Context, trustProxy = 0): string {
  const peer = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxy] ?? forwarded[0] ?? peer;
}
