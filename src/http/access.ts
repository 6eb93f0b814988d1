import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../db/schema/auth.js';
import { AppError, forbidden } from './errors.js';
import type { AppEnv, Principal } from './router.js';

/**
 * What a route needs, declared on the route itself and checked by one middleware before its input is read:
 * - `secret`: the sender proves itself with a secret of its own (a webhook signature, a feed token); a session or
 *   bearer token neither helps nor is needed.
 * - `public`: anyone (sign-in).
 * - `signed-in`: any person or token (viewers read).
 * - `member`: a member of a team, writing for one of their teams (the handler names the team: `assertWritesFor`).
 * - `team-admin`: a member of a platform team, administering their team's capabilities (`assertAdministers`).
 * - `platform-member`: any platform team's member, for work the platform side shares whatever the capability
 *   (curating problems, the backlog, running surveys).
 * - `org-admin`: an organisation admin (admin tokens, PAVED_ADMINS, the admin group).
 * - `events-writer`: an organisation admin or a token with the events:write scope.
 */
export const ACCESS_LEVELS = [
  'secret',
  'public',
  'signed-in',
  'member',
  'team-admin',
  'platform-member',
  'org-admin',
  'events-writer',
] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The OpenAPI operation field that carries a route's access, read by the route-by-role test and by API users. */
export const ACCESS_FIELD = 'x-paved-access';

export const EVENTS_WRITE_SCOPE = 'events:write';

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export function hasRole(principal: Principal, needed: Role): boolean {
  return RANK[principal.role] >= RANK[needed];
}

const teamList = (p: Principal) => (p.teams.length > 0 ? p.teams.join(', ') : 'no team');

/** Refuses before the handler reads anything; the handler checks the team or capability it touches. */
export function checkAccess(access: Access, principal: Principal | undefined): void {
  if (access === 'secret' || access === 'public') return;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'sign in or send "Authorization: Bearer <token>"');
  if (access === 'signed-in' || principal.orgAdmin) return;
  if (access === 'org-admin') throw forbidden('this needs an organisation admin');
  if (access === 'events-writer') {
    if (principal.scopes.includes(EVENTS_WRITE_SCOPE)) return;
    throw forbidden(
      `posting usage events needs a token with the ${EVENTS_WRITE_SCOPE} scope (or an organisation admin)`,
    );
  }
  if (access === 'member' && !hasRole(principal, 'member'))
    throw forbidden(`this needs a member of a team; you are a ${principal.role}`);
  if (access === 'team-admin' && !hasRole(principal, 'admin'))
    throw forbidden(`this needs a member of the platform team that owns the capability; you are a ${principal.role}`);
  if (access === 'platform-member' && !hasRole(principal, 'admin'))
    throw forbidden(`this needs a member of a platform team; you are a ${principal.role}`);
}

/** A member writes for their own teams only; organisation admins for any. */
export function assertWritesFor(principal: Principal, teamRef: string): void {
  if (principal.orgAdmin) return;
  if (hasRole(principal, 'member') && principal.teams.includes(teamRef)) return;
  throw forbidden(`you write for your own teams only (${teamList(principal)}); this is for ${teamRef}`);
}

/** A platform team's members administer that team's capabilities, not another team's; organisation admins all. */
export function assertAdministers(principal: Principal, ownerRef: string | null): void {
  if (principal.orgAdmin) return;
  if (hasRole(principal, 'admin') && ownerRef && principal.teams.includes(ownerRef)) return;
  throw forbidden(
    `only members of the owning team (${ownerRef ?? 'none'}) or an organisation admin may change this; your teams: ${teamList(principal)}`,
  );
}

export function accessMiddleware(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkAccess(access, c.get('principal'));
    await next();
  };
}

/** `createRoute` with the route's access declared: enforced first, and written into the OpenAPI document. */
export function accessRoute<R extends RouteConfig>(access: Access, config: R) {
  return createRoute({
    ...config,
    middleware: [accessMiddleware(access)] as const,
    [ACCESS_FIELD]: access,
    ...(access === 'secret' || access === 'public' ? { security: [] } : {}),
  });
}
