import { randomBytes } from 'node:crypto';
import { createHmac } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { deriveDeliveries } from '../inbox/derive.js';
import { pendingDeliveryIds } from '../inbox/repo.js';
import { UNAUDITED_ROUTES } from './safety-net.js';
import { addItem, pain, request } from '../../../test/voice-org.js';

// Every write route in the OpenAPI document, called once with a sample that succeeds, must leave an audit entry of
// its own (not the safety net's generic one). A new write route fails here until it has a sample and an entry.
const SECRET = 'webhook-secret-for-audit-tests';
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('hex');
let t: TestApp;
const ids: Record<string, any> = {};

async function post(path: string, body: string, headers: Record<string, string>) {
  const res = await t.app.request(path, { method: 'POST', headers, body });
  const derived = await deriveDeliveries(t.database.db, await pendingDeliveryIds(t.database.db, 10));
  expect(derived.size).toBe(1);
  return res.status;
}

type Sample = () => Promise<number>;
const call =
  (method: string, path: string, body?: unknown): Sample =>
  async () => {
    const res = await t.call(method, path, body === undefined ? {} : { body });
    return res.status;
  };
const USER_JANE =
  'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: jane }\nspec: { profile: { email: jane@example.com }, memberOf: [] }\n';
const asJane = (method: string, path: string, body?: unknown) =>
  t.call(method, path, {
    role: null,
    headers: { authorization: `Bearer ${ids.janeSecret}` },
    ...(body ? { body } : {}),
  });
const capabilityBody = { name: 'golden-ci', owner: 'platform', lifecycle: 'beta' };

const SAMPLES: Record<string, Sample> = {
  'POST /api/v1/tokens': async () => {
    const res = await t.call('POST', '/api/v1/tokens', { body: { name: 'bot', role: 'viewer' } });
    ids.token = res.body.id;
    return res.status;
  },
  'DELETE /api/v1/tokens/{id}': async () => call('DELETE', `/api/v1/tokens/${ids.token}`)(),
  // A person's own tokens: the caller is a person, through a personal token issued for them.
  'POST /api/v1/me/tokens': async () => {
    const imported = await t.call('POST', '/api/v1/imports/backstage', {
      body: { source: 'people', files: [{ path: 'jane.yaml', content: USER_JANE }] },
    });
    expect(imported.status).toBe(200);
    const personal = await t.call('POST', '/api/v1/tokens', { body: { name: 'jane-laptop', user: 'jane' } });
    expect(personal.status).toBe(201);
    ids.janeSecret = personal.body.token;
    const res = await asJane('POST', '/api/v1/me/tokens', { name: 'jane-ci' });
    ids.janeToken = res.body.id;
    return res.status;
  },
  'DELETE /api/v1/me/tokens/{id}': async () => (await asJane('DELETE', `/api/v1/me/tokens/${ids.janeToken}`)).status,
  'POST /api/v1/teams': call('POST', '/api/v1/teams', { name: 'growth', type: 'team' }),
  'PATCH /api/v1/teams/{name}': call('PATCH', '/api/v1/teams/growth', { title: 'Growth' }),
  'POST /api/v1/services': call('POST', '/api/v1/services', {
    name: 'cart',
    type: 'service',
    lifecycle: 'production',
    owner: 'growth',
  }),
  'PATCH /api/v1/services/{name}': call('PATCH', '/api/v1/services/cart', { description: 'The cart' }),
  'POST /api/v1/capabilities': call('POST', '/api/v1/capabilities', capabilityBody),
  'PATCH /api/v1/capabilities/{name}': call('PATCH', '/api/v1/capabilities/golden-ci', { lifecycle: 'ga' }),
  'POST /api/v1/imports/backstage': call('POST', '/api/v1/imports/backstage', {
    source: 'more',
    files: [{ path: 'c.yaml', content: documents(groupDoc('core'), componentDoc('api', 'core')) }],
  }),
  'POST /api/v1/imports/feedback': call('POST', '/api/v1/imports/feedback', {
    csv: 'kind,team,capability,title,severity,hoursLostPerWeek\npain,growth,golden-ci,Slow builds,2,3\n',
  }),
  'POST /api/v1/capabilities/{name}/mandates': async () => {
    const res = await t.call('POST', '/api/v1/capabilities/golden-ci/mandates', {
      body: { scope: 'all', effectiveFrom: '2026-01-01' },
    });
    ids.mandate = res.body.id;
    return res.status;
  },
  'PATCH /api/v1/capabilities/{name}/mandates/{id}': async () =>
    call('PATCH', `/api/v1/capabilities/golden-ci/mandates/${ids.mandate}`, { note: 'why' })(),
  'DELETE /api/v1/capabilities/{name}/mandates/{id}': async () =>
    call('DELETE', `/api/v1/capabilities/golden-ci/mandates/${ids.mandate}`)(),
  'POST /api/v1/capabilities/{name}/declarations': call('POST', '/api/v1/capabilities/golden-ci/declarations', {
    team: 'growth',
    status: 'using',
    date: '2026-02-01',
  }),
  'POST /api/v1/scans': call('POST', '/api/v1/scans', {}),
  'POST /api/v1/scans/results': call('POST', '/api/v1/scans/results', {
    root: '/src',
    history: false,
    repositories: [],
  }),
  'POST /api/v1/deployments': call('POST', '/api/v1/deployments', [
    { id: 'd1', service: 'cart', finishedAt: '2026-01-01T00:00:00Z' },
  ]),
  'POST /api/v1/changes': call('POST', '/api/v1/changes', [
    { service: 'cart', commit: 'a'.repeat(40), timestamp: '2026-01-01T00:00:00Z' },
  ]),
  'POST /api/v1/incidents': call('POST', '/api/v1/incidents', [
    { id: 'i1', service: 'cart', triggeredAt: '2026-01-01T00:00:00Z' },
  ]),
  'POST /api/v1/unmapped/remap': call('POST', '/api/v1/unmapped/remap'),
  'POST /api/v1/deliveries/reprocess': call('POST', '/api/v1/deliveries/reprocess', { status: 'failed' }),
  'POST /api/v1/events': call('POST', '/api/v1/events', [
    { capability: 'golden-ci', service: 'cart', timestamp: '2026-01-01T00:00:00Z' },
  ]),
  'POST /api/v1/integrations': async () => {
    const res = await t.call('POST', '/api/v1/integrations', { body: { provider: 'gitlab', name: 'acme' } });
    ids.integration = res.body.id;
    return res.status;
  },
  'DELETE /api/v1/integrations/{id}': async () => call('DELETE', `/api/v1/integrations/${ids.integration}`)(),
  // Announcements: a webhook to a public test address (TEST-NET-3, no DNS), resumed, then deleted.
  'POST /api/v1/subscriptions': async () => {
    const res = await t.call('POST', '/api/v1/subscriptions', {
      body: { kind: 'webhook', url: 'https://203.0.113.5/hook', filter: { types: ['breaking'] } },
    });
    ids.subscription = res.body.id;
    return res.status;
  },
  'POST /api/v1/subscriptions/{id}/resume': async () =>
    call('POST', `/api/v1/subscriptions/${ids.subscription}/resume`)(),
  'DELETE /api/v1/subscriptions/{id}': async () => call('DELETE', `/api/v1/subscriptions/${ids.subscription}`)(),
  // Voice: items are written through the feedback module's create path (test setup, with their own entries).
  'POST /api/v1/problems': async () => {
    ids.pains = [
      await addItem(t, pain('growth', 'Slow builds', 2, 4)),
      await addItem(t, pain('growth', 'Flaky', 3, 1)),
    ];
    const res = await t.call('POST', '/api/v1/problems', {
      body: { title: 'CI is slow', items: [{ kind: 'pain', id: ids.pains[0] }] },
    });
    ids.problem = res.body.id;
    return res.status;
  },
  'PATCH /api/v1/problems/{id}': async () =>
    call('PATCH', `/api/v1/problems/${ids.problem}`, { addItems: [{ kind: 'pain', id: ids.pains[1] }], impact: 1 })(),
  'POST /api/v1/problems/{id}/split': async () => {
    const res = await t.call('POST', `/api/v1/problems/${ids.problem}/split`, {
      body: { title: 'Flaky tests', items: [{ kind: 'pain', id: ids.pains[1] }] },
    });
    ids.splitProblem = res.body.created?.id;
    return res.status;
  },
  'POST /api/v1/problems/{id}/merge': async () =>
    call('POST', `/api/v1/problems/${ids.problem}/merge`, { from: ids.splitProblem })(),
  'POST /api/v1/problems/suggestions/accept': async () => {
    const item = await addItem(t, pain('growth', 'No docs', 3, 1));
    return call('POST', '/api/v1/problems/suggestions/accept', {
      title: 'Docs',
      items: [{ kind: 'pain', id: item }],
    })();
  },
  'POST /api/v1/problems/suggestions/dismiss': async () => {
    ids.request = await addItem(t, request('growth', 'Dark mode'));
    return call('POST', '/api/v1/problems/suggestions/dismiss', { items: [{ kind: 'request', id: ids.request }] })();
  },
  'PUT /api/v1/backlog/requests/{id}/rice': async () =>
    call('PUT', `/api/v1/backlog/requests/${ids.request}/rice`, { impact: 2, confidence: 50, effort: 1 })(),
  'POST /api/v1/roadmap': async () => {
    const res = await t.call('POST', '/api/v1/roadmap', {
      body: { title: 'Fast CI', status: 'now', capability: 'golden-ci', problems: [ids.problem] },
    });
    ids.roadmap = res.body.id;
    return res.status;
  },
  'PATCH /api/v1/roadmap/{id}': async () =>
    call('PATCH', `/api/v1/roadmap/${ids.roadmap}`, { status: 'next', requests: [ids.request] })(),
  'POST /webhooks/github': () =>
    post('/webhooks/github', '{}', {
      'x-github-event': 'push',
      'x-github-delivery': 'g1',
      'x-hub-signature-256': `sha256=${sign('{}')}`,
    }),
  'POST /webhooks/gitlab': () =>
    post('/webhooks/gitlab', '{}', {
      'x-gitlab-event': 'Push Hook',
      'x-gitlab-token': SECRET,
      'idempotency-key': 'l1',
    }),
  // A survey of growth (sam is its one person), answered through sam's link, then closed.
  'POST /api/v1/surveys': async () => {
    const sam =
      'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: sam }\nspec: { memberOf: [growth] }\n';
    const imported = await t.call('POST', '/api/v1/imports/backstage', {
      body: { source: 'survey-people', files: [{ path: 'sam.yaml', content: sam }] },
    });
    expect(imported.status).toBe(200);
    const res = await t.call('POST', '/api/v1/surveys', {
      body: { title: 'Pulse', teams: ['growth'], capabilities: ['golden-ci'] },
    });
    ids.survey = res.body.id;
    return res.status;
  },
  'POST /api/v1/surveys/answer': async () => {
    const links = await t.call('GET', `/api/v1/surveys/${ids.survey}/invitations`);
    const link = String(links.body.items[0].link);
    const res = await t.call('POST', '/api/v1/surveys/answer', {
      role: null,
      body: { token: link.slice(link.lastIndexOf('/') + 1), nps: 9, csat: { 'golden-ci': 4 } },
    });
    return res.status;
  },
  'PATCH /api/v1/surveys/{id}': async () => call('PATCH', `/api/v1/surveys/${ids.survey}`, { status: 'closed' })(),
  'POST /webhooks/pagerduty': () => {
    const body = JSON.stringify({ event: { id: 'p1', event_type: 'incident.triggered', data: {} } });
    return post('/webhooks/pagerduty', body, { 'x-pagerduty-signature': `v1=${sign(body)}` });
  },
  'POST /api/v1/conversations': call('POST', '/api/v1/conversations', {
    team: 'growth',
    date: '2026-01-15',
    people: ['Ana'],
    platformTeam: 'platform',
  }),
  'POST /api/v1/engagements': call('POST', '/api/v1/engagements', {
    team: 'growth',
    engineer: 'Dee',
    startsOn: '2026-01-01',
  }),
  'PUT /api/v1/capabilities/{name}/sla': call('PUT', '/api/v1/capabilities/golden-ci/sla', {
    severities: { '1': { acknowledgeHours: 4, fixHours: 24 } },
  }),
  'PUT /api/v1/support/categories/{category}': call('PUT', '/api/v1/support/categories/access', {
    capability: 'golden-ci',
  }),
  // A release of golden-ci closing the request and the roadmap item made above; changed, then deleted.
  'POST /api/v1/releases': async () => {
    const res = await t.call('POST', '/api/v1/releases', {
      body: {
        capability: 'golden-ci',
        version: '1.0.0',
        type: 'feature',
        notes: 'Faster CI',
        closes: [
          { kind: 'request', id: ids.request },
          { kind: 'roadmap', id: ids.roadmap },
        ],
      },
    });
    ids.release = res.body.id;
    return res.status;
  },
  'PATCH /api/v1/releases/{id}': async () => call('PATCH', `/api/v1/releases/${ids.release}`, { title: 'Fast CI' })(),
  'DELETE /api/v1/releases/{id}': async () => call('DELETE', `/api/v1/releases/${ids.release}`)(),
  ...feedbackSamples(),
  // A demo of golden-ci attended by growth; dee (growth, by email) imported from a meeting export; then deleted.
  'POST /api/v1/demos': async () => {
    const res = await t.call('POST', '/api/v1/demos', {
      body: { capability: 'golden-ci', date: '2026-01-20', attendance: [{ team: 'growth' }] },
    });
    ids.demo = res.body.id;
    return res.status;
  },
  'PATCH /api/v1/demos/{id}': async () => call('PATCH', `/api/v1/demos/${ids.demo}`, { presenter: 'Pia' })(),
  'POST /api/v1/demos/{id}/attendance/import': async () => {
    const dee =
      'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: dee }\nspec: { profile: { email: dee@example.com }, memberOf: [growth] }\n';
    const imported = await t.call('POST', '/api/v1/imports/backstage', {
      body: { source: 'demo-people', files: [{ path: 'dee.yaml', content: dee }] },
    });
    expect(imported.status).toBe(200);
    return call('POST', `/api/v1/demos/${ids.demo}/attendance/import`, { csv: 'User Email\ndee@example.com\n' })();
  },
  'DELETE /api/v1/demos/{id}': async () => call('DELETE', `/api/v1/demos/${ids.demo}`)(),
  // Feed tokens are a person's: jane's, through the personal token an earlier sample made.
  'POST /api/v1/feed-tokens': async () => {
    const res = await asJane('POST', '/api/v1/feed-tokens', { name: 'reader' });
    ids.feedToken = res.body.id;
    return res.status;
  },
  'DELETE /api/v1/feed-tokens/{id}': async () =>
    (await asJane('DELETE', `/api/v1/feed-tokens/${ids.feedToken}`)).status,
};

/** Each kind of feedback item created, changed and commented on; a request voted for and the vote withdrawn. */
function feedbackSamples(): Record<string, Sample> {
  const inputs: Record<string, unknown> = {
    pains: { team: 'growth', title: 'Slow builds', severity: 2, hoursLostPerWeek: 3 },
    requests: { team: 'growth', capability: 'golden-ci', title: 'Preview environments' },
    bugs: { team: 'growth', capability: 'golden-ci', title: 'Cache misses', severity: 1 },
    'support-requests': { team: 'growth', capability: 'golden-ci', category: 'access', title: 'Registry access' },
  };
  const samples: Record<string, Sample> = {};
  for (const [kind, input] of Object.entries(inputs)) {
    samples[`POST /api/v1/${kind}`] = async () => {
      const res = await t.call('POST', `/api/v1/${kind}`, { body: input });
      ids[kind] = res.body.id;
      return res.status;
    };
    samples[`PATCH /api/v1/${kind}/{id}`] = async () =>
      call('PATCH', `/api/v1/${kind}/${ids[kind]}`, { title: 'Renamed' })();
    samples[`POST /api/v1/${kind}/{id}/comments`] = async () =>
      call('POST', `/api/v1/${kind}/${ids[kind]}/comments`, { body: 'Seen it too' })();
  }
  // Votes are a person's: jane, through the personal token an earlier sample made.
  samples['POST /api/v1/requests/{id}/votes'] = async () =>
    (await asJane('POST', `/api/v1/requests/${ids.requests}/votes`)).status;
  samples['DELETE /api/v1/requests/{id}/votes'] = async () =>
    (await asJane('DELETE', `/api/v1/requests/${ids.requests}/votes`)).status;
  // Following a capability is jane's too (marking notifications read is unaudited: safety-net.ts says why).
  samples['PUT /api/v1/capabilities/{name}/follow'] = async () =>
    (await asJane('PUT', '/api/v1/capabilities/golden-ci/follow')).status;
  samples['DELETE /api/v1/capabilities/{name}/follow'] = async () =>
    (await asJane('DELETE', '/api/v1/capabilities/golden-ci/follow')).status;
  return samples;
}

beforeAll(async () => {
  t = await createTestApp({
    scanRoot: await mkdtemp(join(tmpdir(), 'paved-audit-scan-')),
    webhookSecrets: { github: [SECRET], gitlab: [SECRET], pagerduty: [SECRET] },
    secretKey: randomBytes(32),
  });
  const platform = await t.call('POST', '/api/v1/teams', { body: { name: 'platform', type: 'team' } });
  expect(platform.status).toBe(201);
});
afterAll(() => t.close());

it('every write route records an entry of its own after a successful call', async () => {
  const doc = (await t.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => m !== 'get')
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  const exempt = new Set(UNAUDITED_ROUTES.map((r) => `${r.method} ${r.path}`));
  const audited = writes.filter((w) => !exempt.has(w));
  expect(audited.filter((w) => !SAMPLES[w])).toEqual([]);

  const missing: string[] = [];
  // In the samples' order: later ones use what earlier ones made.
  for (const [route, sample] of Object.entries(SAMPLES)) {
    expect(audited).toContain(route);
    const before = await t.database.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirst();
    const status = await sample();
    expect([route, status >= 200 && status < 300]).toEqual([route, true]);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_kind', 'entity_id', 'summary'])
      .where('id', '>', before?.id ?? 0)
      .execute();
    // The safety net's generic entry is kind 'request' with the path as its id (a feature request's id is a number).
    const generic = entries.some((e) => e.entity_kind === 'request' && String(e.entity_id).startsWith('/'));
    if (entries.length === 0 || generic) missing.push(route);
  }
  expect(missing).toEqual([]);
});
