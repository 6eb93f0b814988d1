import { silentLogger, type Logger } from '../../http/logger.js';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/schema/index.js';
import type { AppEnv } from '../../http/router.js';
import { hasRecorded, recordAudit } from './service.js';

/** Writes that change no data, so record nothing: signing in and out, and the page views the adoption funnel counts. */
export const UNAUDITED_ROUTES: { method: string; path: string; why: string }[] = [
  { method: 'POST', path: '/api/v1/session', why: 'signing in opens a session; it changes no data' },
  { method: 'DELETE', path: '/api/v1/session', why: 'signing out ends a session; it changes no data' },
  { method: 'POST', path: '/auth/logout', why: 'signing out ends a session; it changes no data' },
  {
    method: 'POST',
    path: '/api/v1/capabilities/{name}/views',
    why: 'a page view the adoption funnel counts, sent on every visit',
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/read',
    why: "marking one's own notifications read, sent whenever one is opened: a person's reading, like a page view",
  },
  {
    method: 'POST',
    path: '/api/v1/releases/{id}/views',
    why: "a view of a release's notes the adoption funnel counts, sent on every visit",
  },
];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}');

/**
 * The safety net under the services' own entries: a successful write under /api/v1 whose service recorded nothing
 * gets a generic entry (who, method and route, status), so a write added without its entry still leaves a trace.
 * Mounted once, after authentication. Its own failure is logged, never answered: the write itself succeeded.
 */
export function auditSafetyNet(db: Db, logger: Logger = silentLogger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (READS.has(c.req.method) || c.res.status < 200 || c.res.status >= 300) return;
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
    if (!principal || hasRecorded(principal)) return;
    const path = openApiPath(c.req.routePath);
    if (UNAUDITED_ROUTES.some((r) => r.method === c.req.method && r.path === path)) return;
    // The write is done and committed: failing its answer now would invite a retry that writes it twice.
    try {
      await recordAudit(db, principal, {
        action: c.req.method.toLowerCase(),
        entity: { kind: 'request', id: c.req.path, ref: null },
        summary: `${c.req.method} ${path} answered ${c.res.status}`,
        changes: null,
      });
    } catch (error) {
      logger.error({ err: error, method: c.req.method, path }, 'the audit safety net could not record a write');
    }
  };
}
