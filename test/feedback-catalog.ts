import { expect } from 'vitest';
import { createToken } from '../src/modules/auth/service.js';
import type { TestApp } from './app.js';

/**
 * The catalog the feedback tests share: platform-a owns cap-a, platform-b owns cap-b (platform teams); team-x, team-y
 * and team-z own a service each (customer teams). Tokens for teams: x-dev, y-dev (members), a-admin, b-admin
 * (platform admins). `as(name, …)` calls the API with one of them.
 */
export async function feedbackCatalog(t: TestApp) {
  for (const name of ['platform-a', 'platform-b', 'team-x', 'team-y', 'team-z'])
    expect((await t.call('POST', '/api/v1/teams', { body: { name, type: 'team' } })).status).toBe(201);
  for (const [name, owner] of [
    ['cap-a', 'platform-a'],
    ['cap-b', 'platform-b'],
  ])
    expect((await t.call('POST', '/api/v1/capabilities', { body: { name, owner, lifecycle: 'ga' } })).status).toBe(201);
  for (const owner of ['team-x', 'team-y', 'team-z']) {
    const body = { name: `svc-${owner.slice(-1)}`, type: 'service', lifecycle: 'production', owner };
    expect((await t.call('POST', '/api/v1/services', { body })).status).toBe(201);
  }
  const tokens: Record<string, string> = {};
  for (const [name, role, team] of [
    ['x-dev', 'member', 'team-x'],
    ['y-dev', 'member', 'team-y'],
    ['a-admin', 'admin', 'platform-a'],
    ['b-admin', 'admin', 'platform-b'],
  ] as const)
    tokens[name] = (await createToken(t.database.db, { name, role, teamRef: `group:default/${team}` })).token;
  return (who: string, method: string, path: string, body?: unknown) =>
    t.call(method, path, { role: null, headers: { authorization: `Bearer ${tokens[who] ?? who}` }, body });
}
