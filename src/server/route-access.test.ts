import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { ACCESS_FIELD, type Access } from '../http/access.js';
import { createToken } from '../modules/auth/service.js';

/**
 * The rights of every route, as the product promises them. The test reads the routes from the OpenAPI document,
 * so a new route fails here until its rights are written down, and calls each one as every kind of caller.
 */
const RIGHTS: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/v1/session': 'public',
  'POST /webhooks/github': 'secret',
  'POST /webhooks/gitlab': 'secret',
  'POST /webhooks/pagerduty': 'secret',
  'DELETE /api/v1/session': 'signed-in',
  'GET /api/v1/me': 'signed-in',
  'GET /api/v1/tokens': 'org-admin',
  'POST /api/v1/tokens': 'org-admin',
  'DELETE /api/v1/tokens/{id}': 'org-admin',
  'GET /api/v1/teams': 'signed-in',
  'POST /api/v1/teams': 'org-admin',
  'GET /api/v1/teams/{name}': 'signed-in',
  'PATCH /api/v1/teams/{name}': 'org-admin',
  'GET /api/v1/services': 'signed-in',
  'POST /api/v1/services': 'org-admin',
  'GET /api/v1/services/{name}': 'signed-in',
  'PATCH /api/v1/services/{name}': 'org-admin',
  'GET /api/v1/capabilities': 'signed-in',
  'POST /api/v1/capabilities': 'team-admin',
  'GET /api/v1/capabilities/{name}': 'signed-in',
  'PATCH /api/v1/capabilities/{name}': 'team-admin',
  'GET /api/v1/domains': 'signed-in',
  'GET /api/v1/resources': 'signed-in',
  'GET /api/v1/search': 'signed-in',
  'POST /api/v1/imports/backstage': 'org-admin',
  'GET /api/v1/imports': 'signed-in',
  'GET /api/v1/imports/{id}': 'signed-in',
  'GET /api/v1/capabilities/{name}/adoption': 'signed-in',
  'GET /api/v1/adoption/matrix': 'signed-in',
  'GET /api/v1/adoption/changes': 'signed-in',
  'GET /api/v1/services/{name}/adoption': 'signed-in',
  'GET /api/v1/teams/{name}/adoption': 'signed-in',
  'GET /api/v1/capabilities/{name}/mandates': 'signed-in',
  'POST /api/v1/capabilities/{name}/mandates': 'team-admin',
  'PATCH /api/v1/capabilities/{name}/mandates/{id}': 'team-admin',
  'DELETE /api/v1/capabilities/{name}/mandates/{id}': 'team-admin',
  'GET /api/v1/capabilities/{name}/declarations': 'signed-in',
  'POST /api/v1/capabilities/{name}/declarations': 'member',
  'POST /api/v1/capabilities/{name}/views': 'signed-in',
  'POST /api/v1/releases/{id}/views': 'signed-in',
  'POST /api/v1/scans': 'org-admin',
  'GET /api/v1/scans': 'signed-in',
  'POST /api/v1/scans/results': 'org-admin',
  'GET /api/v1/scans/{id}': 'signed-in',
  'GET /api/v1/repositories': 'signed-in',
  'GET /api/v1/deprecations': 'signed-in',
  'GET /api/v1/deprecations/rules': 'signed-in',
  'GET /api/v1/releases/{id}/migration': 'signed-in',
  'POST /api/v1/deployments': 'org-admin',
  'GET /api/v1/deployments': 'signed-in',
  'POST /api/v1/changes': 'org-admin',
  'POST /api/v1/incidents': 'org-admin',
  'GET /api/v1/incidents': 'signed-in',
  'GET /api/v1/dora': 'signed-in',
  'GET /api/v1/dora/series': 'signed-in',
  'GET /api/v1/unmapped': 'signed-in',
  'POST /api/v1/unmapped/remap': 'org-admin',
  'GET /api/v1/deliveries': 'signed-in',
  'POST /api/v1/deliveries/reprocess': 'org-admin',
  'POST /api/v1/events': 'events-writer',
  'GET /api/v1/integrations': 'org-admin',
  'POST /api/v1/integrations': 'org-admin',
  'DELETE /api/v1/integrations/{id}': 'org-admin',
  'GET /api/v1/audit': 'org-admin',
  'GET /api/v1/backup': 'org-admin',
  'GET /api/v1/overview': 'signed-in',
  'GET /api/v1/overview/attention': 'signed-in',
  'GET /auth/login': 'public',
  'GET /auth/callback': 'public',
  'POST /auth/logout': 'public',
  'GET /api/v1/auth-config': 'public',
  'GET /api/v1/me/tokens': 'signed-in',
  'POST /api/v1/me/tokens': 'signed-in',
  'DELETE /api/v1/me/tokens/{id}': 'signed-in',
  'GET /api/v1/surveys': 'signed-in',
  'POST /api/v1/surveys': 'platform-member',
  'GET /api/v1/surveys/{id}': 'signed-in',
  'PATCH /api/v1/surveys/{id}': 'platform-member',
  'GET /api/v1/surveys/{id}/invitations': 'platform-member',
  'GET /api/v1/surveys/{id}/results': 'signed-in',
  // A personal survey link's token is the credential: no sign-in, and no token means 401.
  'GET /api/v1/surveys/answer': 'secret',
  'POST /api/v1/surveys/answer': 'secret',
  'GET /api/v1/conversations': 'signed-in',
  'POST /api/v1/conversations': 'team-admin',
  'GET /api/v1/engagements': 'signed-in',
  'POST /api/v1/engagements': 'team-admin',
  'GET /api/v1/teams/{name}/voice': 'signed-in',
  'GET /api/v1/capabilities/{name}/sla': 'signed-in',
  'PUT /api/v1/capabilities/{name}/sla': 'team-admin',
  'GET /api/v1/support/categories': 'signed-in',
  'PUT /api/v1/support/categories/{category}': 'team-admin',
  'GET /api/v1/voice/summary': 'signed-in',
  'GET /api/v1/shipping/summary': 'signed-in',
  'GET /api/v1/voice/series': 'signed-in',
  'GET /api/v1/contact-coverage': 'signed-in',
  'GET /api/v1/problems/suggestions': 'signed-in',
  'POST /api/v1/problems/suggestions/accept': 'platform-member',
  'POST /api/v1/problems/suggestions/dismiss': 'platform-member',
  'GET /api/v1/voice/inbox': 'signed-in',
  'GET /api/v1/problems': 'signed-in',
  'POST /api/v1/problems': 'platform-member',
  'GET /api/v1/problems/{id}': 'signed-in',
  'PATCH /api/v1/problems/{id}': 'platform-member',
  'POST /api/v1/problems/{id}/merge': 'platform-member',
  'POST /api/v1/problems/{id}/split': 'platform-member',
  'GET /api/v1/backlog': 'signed-in',
  'PUT /api/v1/backlog/requests/{id}/rice': 'platform-member',
  'GET /api/v1/roadmap': 'signed-in',
  'POST /api/v1/roadmap': 'team-admin',
  'PATCH /api/v1/roadmap/{id}': 'team-admin',
  'POST /api/v1/imports/feedback': 'member',
  'GET /api/v1/feedback/unplaced': 'signed-in',
  'GET /api/v1/pains': 'signed-in',
  'POST /api/v1/pains': 'member',
  'GET /api/v1/pains/{id}': 'signed-in',
  'PATCH /api/v1/pains/{id}': 'member',
  'GET /api/v1/pains/{id}/comments': 'signed-in',
  'POST /api/v1/pains/{id}/comments': 'member',
  'GET /api/v1/requests': 'signed-in',
  'POST /api/v1/requests': 'member',
  'GET /api/v1/requests/{id}': 'signed-in',
  'PATCH /api/v1/requests/{id}': 'member',
  'GET /api/v1/requests/{id}/comments': 'signed-in',
  'POST /api/v1/requests/{id}/comments': 'member',
  'GET /api/v1/bugs': 'signed-in',
  'POST /api/v1/bugs': 'member',
  'GET /api/v1/bugs/{id}': 'signed-in',
  'PATCH /api/v1/bugs/{id}': 'member',
  'GET /api/v1/bugs/{id}/comments': 'signed-in',
  'POST /api/v1/bugs/{id}/comments': 'member',
  'GET /api/v1/support-requests': 'signed-in',
  'POST /api/v1/support-requests': 'member',
  'GET /api/v1/support-requests/{id}': 'signed-in',
  'PATCH /api/v1/support-requests/{id}': 'member',
  'GET /api/v1/support-requests/{id}/comments': 'signed-in',
  'POST /api/v1/support-requests/{id}/comments': 'member',
  'POST /api/v1/requests/{id}/votes': 'member',
  'DELETE /api/v1/requests/{id}/votes': 'member',
  'GET /api/v1/feedback/similar': 'signed-in',
  'GET /api/v1/demos': 'signed-in',
  'POST /api/v1/demos': 'team-admin',
  'GET /api/v1/demos/{id}': 'signed-in',
  'PATCH /api/v1/demos/{id}': 'team-admin',
  'DELETE /api/v1/demos/{id}': 'team-admin',
  'POST /api/v1/demos/{id}/attendance/import': 'team-admin',
  'GET /api/v1/capabilities/{name}/demos': 'signed-in',
  'GET /api/v1/releases': 'signed-in',
  'POST /api/v1/releases': 'team-admin',
  'GET /api/v1/releases/unmapped': 'platform-member',
  'GET /api/v1/releases/{id}': 'signed-in',
  'PATCH /api/v1/releases/{id}': 'team-admin',
  'DELETE /api/v1/releases/{id}': 'team-admin',
  'GET /api/v1/capabilities/{name}/releases': 'signed-in',
  'GET /api/v1/notifications': 'signed-in',
  'POST /api/v1/notifications/read': 'signed-in',
  'GET /api/v1/follows': 'signed-in',
  'PUT /api/v1/capabilities/{name}/follow': 'signed-in',
  'DELETE /api/v1/capabilities/{name}/follow': 'signed-in',
  'GET /api/v1/teams/{name}/whats-new': 'signed-in',
  'GET /api/v1/feed-tokens': 'signed-in',
  'POST /api/v1/feed-tokens': 'signed-in',
  'DELETE /api/v1/feed-tokens/{id}': 'signed-in',
  'GET /api/v1/feeds': 'signed-in',
  // A feed token in the URL is the credential; without one a feed answers 404 (FEEDS below), whoever asks.
  ...Object.fromEntries(
    ['/feeds/releases', '/feeds/capabilities/{name}', '/feeds/teams/{name}'].flatMap((path) =>
      ['atom', 'json'].map((format) => [`GET ${path}.${format}`, 'secret' as const]),
    ),
  ),
  'GET /api/v1/subscriptions': 'platform-member',
  'POST /api/v1/subscriptions': 'platform-member',
  'DELETE /api/v1/subscriptions/{id}': 'platform-member',
  'POST /api/v1/subscriptions/{id}/resume': 'platform-member',
  'GET /api/v1/subscriptions/{id}/deliveries': 'platform-member',
};

/** Feeds refuse with 404, not 401: a feed URL without a valid token must not say whether the feed exists. */
const FEEDS = /^GET \/feeds\//;

type Caller =
  | 'anonymous'
  | 'viewer'
  | 'member'
  | 'member of another team'
  | 'platform admin'
  | 'admin of another platform team'
  | 'org admin';
const CALLERS: Caller[] = [
  'anonymous',
  'viewer',
  'member',
  'member of another team',
  'platform admin',
  'admin of another platform team',
  'org admin',
];

/**
 * Who gets through, for a request about team-x (a customer team) or cap-a (owned by the platform team platform-a).
 * A route whose check needs the team or capability reads it from a valid body, so those routes get one below;
 * every other route is refused before its input is read, and an empty body is enough to see who passes.
 */
const ALLOWED: Record<Access, Caller[]> = {
  secret: [],
  public: CALLERS,
  'signed-in': CALLERS.filter((c) => c !== 'anonymous'),
  member: ['member', 'org admin'],
  'team-admin': ['platform admin', 'org admin'],
  'platform-member': ['platform admin', 'admin of another platform team', 'org admin'],
  'org-admin': ['org admin'],
  'events-writer': ['org admin'],
};

/** team-admin routes about the whole platform rather than one capability: any platform team's member passes. */

const BODIES: Record<string, unknown> = {
  'POST /api/v1/capabilities': { name: 'cap-new', owner: 'platform-a', lifecycle: 'ga' },
  'PATCH /api/v1/capabilities/{name}': { description: 'changed by the access test' },
  'POST /api/v1/capabilities/{name}/mandates': { scope: 'all', effectiveFrom: '2025-01-01' },
  'PATCH /api/v1/capabilities/{name}/mandates/{id}': { note: 'changed' },
  'POST /api/v1/capabilities/{name}/declarations': { team: 'team-x', status: 'using', date: '2025-02-01' },
  'POST /api/v1/surveys': { title: 'Pulse', teams: ['team-x'], capabilities: ['cap-a'] },
  'PATCH /api/v1/surveys/{id}': { status: 'closed' },
  // A conversation or engagement names the platform team credited: only its members (and org admins) may.
  'POST /api/v1/conversations': { team: 'team-x', date: '2025-02-01', people: ['Ann'], platformTeam: 'platform-a' },
  'POST /api/v1/engagements': { team: 'team-x', engineer: 'Ann', startsOn: '2025-02-01', platformTeam: 'platform-a' },
  'PUT /api/v1/capabilities/{name}/sla': { severities: { '1': { acknowledgeHours: 4, fixHours: 24 } } },
  'PUT /api/v1/support/categories/{category}': { capability: 'cap-a' },
  'POST /api/v1/roadmap': { title: 'Access test', status: 'later', capability: 'cap-a' },
  // The second caller let through gets 409 (the version is taken): still let through.
  'POST /api/v1/releases': { capability: 'cap-a', version: '1.0.0', type: 'feature', notes: 'Access test' },
  'PATCH /api/v1/releases/{id}': { title: 'changed by the access test' },
  'POST /api/v1/imports/feedback': { csv: 'kind,team,title,severity,hoursLostPerWeek\npain,team-x,Slow builds,2,3\n' },
  'POST /api/v1/pains': { team: 'team-x', title: 'Slow builds', severity: 2, hoursLostPerWeek: 3 },
  'POST /api/v1/requests': { team: 'team-x', title: 'Preview environments' },
  'POST /api/v1/bugs': { team: 'team-x', capability: 'cap-a', title: 'Cache misses', severity: 2 },
  'POST /api/v1/support-requests': { team: 'team-x', category: 'access', title: 'Registry access' },
  'POST /api/v1/demos': { capability: 'cap-a', date: '2025-02-01', attendance: [{ team: 'team-x' }] },
  'POST /api/v1/demos/{id}/attendance/import': { csv: 'Email\nx@example.com\n' },
  'POST /api/v1/notifications/read': { all: true },
  'POST /api/v1/feed-tokens': { name: 'access test' },
  'POST /api/v1/subscriptions': { kind: 'slack', url: 'https://203.0.113.5/hook' },
  ...Object.fromEntries(
    ['pains', 'requests', 'bugs', 'support-requests'].flatMap((kind) => [
      [`PATCH /api/v1/${kind}/{id}`, { title: 'changed by the access test' }],
      [`POST /api/v1/${kind}/{id}/comments`, { body: 'a comment from the access test' }],
    ]),
  ),
};

/**
 * Routes whose handler lets through other callers than their level's usual ones, and why. Votes are cast by a
 * person, and every caller here is a token that acts for none (votes.test.ts has people voting). The platform team
 * answerable for a bug (platform-a for cap-a) comments on it beside the reporting team. A roadmap item's PATCH
 * checks the owner of the item's capability, which needs a stored item (roadmap.test.ts covers it): here an unknown
 * id answers 404 to any platform member.
 */
const EXCEPTIONS: Record<string, Caller[]> = {
  'PATCH /api/v1/roadmap/{id}': ['platform admin', 'admin of another platform team', 'org admin'],
  // A demo's writes check the owner of the demo's capability, which needs a stored demo (demos.test.ts covers it).
  'PATCH /api/v1/demos/{id}': ['platform admin', 'admin of another platform team', 'org admin'],
  'DELETE /api/v1/demos/{id}': ['platform admin', 'admin of another platform team', 'org admin'],
  'POST /api/v1/demos/{id}/attendance/import': ['platform admin', 'admin of another platform team', 'org admin'],
  'POST /api/v1/requests/{id}/votes': [],
  'DELETE /api/v1/requests/{id}/votes': [],
  'POST /api/v1/bugs/{id}/comments': ['member', 'platform admin', 'org admin'],
  // A release's PATCH and DELETE check the owner of the release's capability (releases.test.ts covers it): here an
  // unknown id answers 404 to any platform member.
  'PATCH /api/v1/releases/{id}': ['platform admin', 'admin of another platform team', 'org admin'],
  'DELETE /api/v1/releases/{id}': ['platform admin', 'admin of another platform team', 'org admin'],
  // Notifications and follows are a person's; every caller here is a token acting for none (403), as is any
  // service token (notifications.test.ts has people reading and following).
  'GET /api/v1/notifications': [],
  'POST /api/v1/notifications/read': [],
  'GET /api/v1/follows': [],
  'PUT /api/v1/capabilities/{name}/follow': [],
  'DELETE /api/v1/capabilities/{name}/follow': [],
  // A feed token is a person's: every caller here is a token that acts for none (feeds.test.ts has a person).
  'POST /api/v1/feed-tokens': [],
};

/** Feedback items of team-x (the bug on cap-a), made in beforeAll: their rights depend on the item. */
const items: Record<string, number> = {};

/**
 * Concrete path: names point at the test's catalog, ids at nothing (a 404 still shows the caller got through),
 * except feedback items' ids.
 */
function concrete(path: string): string {
  const name = path.startsWith('/api/v1/teams') ? 'team-x' : path.startsWith('/api/v1/services') ? 'svc-x' : 'cap-a';
  const item = Object.keys(items).find((kind) => path.startsWith(`/api/v1/${kind}/{id}`));
  return path
    .replace('{name}', name)
    .replace('{id}', String(item ? items[item] : 999999))
    .replace('{category}', 'access');
}

let t: TestApp;
const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
let operations: { key: string; method: string; path: string; access: unknown }[] = [];

beforeAll(async () => {
  t = await createTestApp({ webhookSecrets: { github: ['s'], gitlab: ['s'], pagerduty: ['s'] } });
  const group = (name: string) => ({ name, type: 'team' });
  for (const name of ['platform-a', 'platform-b', 'team-x', 'team-y'])
    expect((await t.call('POST', '/api/v1/teams', { body: group(name) })).status).toBe(201);
  for (const [cap, owner] of [
    ['cap-a', 'platform-a'],
    ['cap-b', 'platform-b'],
  ])
    expect((await t.call('POST', '/api/v1/capabilities', { body: { name: cap, owner, lifecycle: 'ga' } })).status).toBe(
      201,
    );
  const service = { name: 'svc-x', type: 'service', lifecycle: 'production', owner: 'team-x' };
  expect((await t.call('POST', '/api/v1/services', { body: service })).status).toBe(201);
  for (const kind of ['pains', 'requests', 'bugs', 'support-requests']) {
    const res = await t.call('POST', `/api/v1/${kind}`, { body: BODIES[`POST /api/v1/${kind}`] });
    expect(res.status).toBe(201);
    items[kind] = res.body.id;
  }

  const db = t.database.db;
  const issue = async (name: string, role: 'admin' | 'member' | 'viewer', teamRef: string | null) =>
    (await createToken(db, { name, role, teamRef })).token;
  tokens.viewer = t.tokens.viewer;
  tokens.member = await issue('x-dev', 'member', 'group:default/team-x');
  tokens['member of another team'] = await issue('y-dev', 'member', 'group:default/team-y');
  tokens['platform admin'] = await issue('a-admin', 'admin', 'group:default/platform-a');
  tokens['admin of another platform team'] = await issue('b-admin', 'admin', 'group:default/platform-b');
  tokens['org admin'] = t.tokens.admin;

  const doc = (await t.call('GET', '/api/openapi.json', { role: null })).body as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      access: op[ACCESS_FIELD],
    })),
  );
});
afterAll(() => t.close());

describe('rights, route by route', () => {
  it('every route declares the access the rights table gives it, and the table names no route that is gone', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(Object.fromEntries(operations.map((o) => [o.key, o.access]))).toEqual(RIGHTS);
  });

  it('lets through exactly the callers each route allows', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const op of operations) {
      const access = RIGHTS[op.key];
      if (!access) continue; // reported by the test above
      const body = BODIES[op.key] ?? (op.method === 'GET' || op.method === 'DELETE' ? undefined : {});
      for (const caller of CALLERS) {
        const headers: Record<string, string> = {};
        if (caller !== 'anonymous') headers.authorization = `Bearer ${tokens[caller]}`;
        const res = await t.call(op.method, concrete(op.path), { role: null, headers, body });
        const refused = res.status === 401 || res.status === 403;
        expect(res.status, `${caller} ${op.key}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        if (FEEDS.test(op.key)) {
          outcomes.push(`${op.key} as ${caller}: ${res.status === 404 ? 'refused 404' : `answered ${res.status}`}`);
          expected.push(`${op.key} as ${caller}: refused 404`);
          continue;
        }
        outcomes.push(`${op.key} as ${caller}: ${refused ? `refused ${res.status}` : 'allowed'}`);
        const allowed = (EXCEPTIONS[op.key] ?? ALLOWED[access]).includes(caller);
        const refusal = caller === 'anonymous' || access === 'secret' ? 'refused 401' : 'refused 403';
        expected.push(`${op.key} as ${caller}: ${allowed ? 'allowed' : refusal}`);
      }
    }
    expect(outcomes).toEqual(expected);
  }, 180_000); // every route, as each of the callers: some 1,500 requests
});
