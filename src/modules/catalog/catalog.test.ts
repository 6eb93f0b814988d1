import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;

// Six teams, four people, six services and three capabilities. By DOMAIN.md:
//   platform teams (own a capability): platform-ci, observability (which also owns a service)
//   customer teams (own a service, no capability): payments, checkout
//   neither: engineering, empty-team
const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: engineering
  title: Engineering
spec:
  type: department
  children: [payments, checkout, platform-ci]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  title: Payments
  description: Card payments and payouts.
spec:
  type: team
  parent: engineering
  children: []
  # carol also names payments in her memberOf, and zed is nobody in the catalog.
  members: [bob, carol, zed]
  profile: { email: payments@example.com }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: checkout
  title: Checkout
spec:
  type: team
  parent: group:engineering
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform-ci
  title: Platform CI
spec:
  type: team
  parent: group:default/engineering
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: observability
  description: Metrics, logs and traces for everyone.
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: empty-team
spec:
  type: team
  children: []
`;

const PEOPLE = `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: alice
spec:
  profile: { displayName: Alice Andersen, email: alice@example.com }
  memberOf: [payments]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: bob
spec:
  memberOf: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: carol
  title: Carol C.
spec:
  memberOf: [payments, platform-ci]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: dave
spec:
  memberOf: [group:default/platform-ci]
`;

const SERVICES = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  title: Ledger
  description: Double-entry bookkeeping for card payments.
  tags: [java]
  annotations:
    github.com/project-slug: acme/ledger
    pagerduty.com/service-id: PLEDGER1
spec:
  type: service
  lifecycle: production
  owner: payments
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payouts
  description: Sends money to merchants.
spec:
  type: service
  lifecycle: experimental
  owner: group:payments
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-api
  annotations:
    gitlab.com/project-slug: shop/checkout-api
spec:
  type: service
  lifecycle: production
  owner: group:default/checkout
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-web
spec:
  type: website
  lifecycle: production
  owner: checkout
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: metrics-agent
  description: Ships host metrics.
spec:
  type: service
  lifecycle: production
  owner: observability
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ghost-svc
spec:
  type: service
  lifecycle: deprecated
  owner: group:default/nobody
`;

const CAPABILITIES = `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: golden-ci
  title: Golden CI pipeline
  description: Reusable CI workflow with caching, SBOM and signed artifacts.
spec:
  owner: group:default/platform-ci
  lifecycle: ga
  category: ci
  gaDate: 2025-03-01
  docs: https://docs.example.com/golden-ci
  detect:
    - files: ".github/workflows/*.yml"
      pattern: "uses:\\\\s*acme/golden-ci/"
    - dependency: { ecosystem: npm, name: "@acme/ci-tools" }
---
apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: secrets-vault
spec:
  owner: platform-ci
  lifecycle: experimental
  category: security
---
apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: telemetry-sdk
  description: Traces and metrics for services, one import away.
spec:
  owner: observability
  lifecycle: beta
  audience: [service]
  detect:
    - dependency: { ecosystem: npm, name: "@acme/telemetry" }
`;

beforeAll(async () => {
  t = await createTestApp();
  const files = [
    { path: 'org.yaml', content: ORG },
    { path: 'people.yaml', content: PEOPLE },
    { path: 'services.yaml', content: SERVICES },
    { path: 'capabilities.yaml', content: CAPABILITIES },
  ];
  const res = await t.call('POST', '/api/v1/imports/backstage', { body: { files, source: 'seed' } });
  if (res.status !== 200) throw new Error(`seed import failed: ${JSON.stringify(res.body)}`);
  expect(res.body.summary).toEqual({
    created: 19,
    updated: 0,
    unchanged: 0,
    orphaned: 0,
    restored: 0,
    skipped: 0,
    invalid: 0,
  });
  expect(res.body.warnings).toEqual([
    'services.yaml:6: spec.owner: group:default/nobody is not in the catalog; shown as unowned',
  ]);
});
afterAll(() => t.close());

const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((i) => i.name);
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Follows nextCursor from the first page to the last; returns the pages' names. */
async function walk(path: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await t.call('GET', `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    pages.push(names(res));
    cursor = res.body.nextCursor;
    if (pages.length > 20) throw new Error('the cursor never ends');
  } while (cursor !== null);
  return pages;
}

describe('lists', () => {
  it('walks every service two at a time, in name order, without duplicates or gaps', async () => {
    expect(await walk('/api/v1/services?limit=2')).toEqual([
      ['checkout-api', 'checkout-web'],
      ['ghost-svc', 'ledger'],
      ['metrics-agent', 'payouts'],
    ]);
    expect(await walk('/api/v1/teams?limit=4')).toEqual([
      ['checkout', 'empty-team', 'engineering', 'observability'],
      ['payments', 'platform-ci'],
    ]);
    expect(await walk('/api/v1/capabilities?limit=2')).toEqual([['golden-ci', 'secrets-vault'], ['telemetry-sdk']]);
    // A page that ends exactly at the last row has no next cursor.
    expect((await t.call('GET', '/api/v1/capabilities?limit=3')).body.nextCursor).toBeNull();
    expect(await walk('/api/v1/services?limit=2&owner=payments')).toEqual([['ledger', 'payouts']]);
  });

  it('refuses a made-up cursor and a limit out of range', async () => {
    expect(await t.call('GET', '/api/v1/services?cursor=bm90LWEtY3Vyc29y')).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'cursor: not a cursor this API returned',
          details: [{ field: 'cursor', reason: 'not a cursor this API returned' }],
        },
      },
    });
    for (const limit of ['0', '201', 'ten']) {
      const res = await t.call('GET', `/api/v1/services?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['limit']);
    }
  });

  it('filters services by owner written any way Backstage allows', async () => {
    for (const owner of ['payments', 'group:payments', 'group:default/payments', 'Group:Default/Payments']) {
      expect(names(await t.call('GET', `/api/v1/services?owner=${encodeURIComponent(owner)}`))).toEqual([
        'ledger',
        'payouts',
      ]);
    }
    expect(names(await t.call('GET', '/api/v1/capabilities?owner=platform-ci'))).toEqual([
      'golden-ci',
      'secrets-vault',
    ]);
    expect(names(await t.call('GET', '/api/v1/services?owner=nobody'))).toEqual(['ghost-svc']);
    expect(names(await t.call('GET', '/api/v1/services?owner=user:alice'))).toEqual([]);
    const bad = await t.call('GET', `/api/v1/services?owner=${encodeURIComponent('no such team!')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'owner' }] });
  });

  it('filters by lifecycle and type', async () => {
    expect(names(await t.call('GET', '/api/v1/services?lifecycle=production'))).toEqual([
      'checkout-api',
      'checkout-web',
      'ledger',
      'metrics-agent',
    ]);
    expect(names(await t.call('GET', '/api/v1/services?lifecycle=experimental'))).toEqual(['payouts']);
    expect(names(await t.call('GET', '/api/v1/services?type=website'))).toEqual(['checkout-web']);
    expect(names(await t.call('GET', '/api/v1/services?type=service&lifecycle=production&owner=checkout'))).toEqual([
      'checkout-api',
    ]);
    expect(names(await t.call('GET', '/api/v1/capabilities?lifecycle=ga'))).toEqual(['golden-ci']);
    expect(names(await t.call('GET', '/api/v1/teams?type=department'))).toEqual(['engineering']);
    expect(names(await t.call('GET', '/api/v1/services?lifecycle=retired'))).toEqual([]);
  });

  it('searches with q by word prefix and by substring of the name', async () => {
    // "bookk" is the start of a word of ledger's description only.
    expect(names(await t.call('GET', '/api/v1/services?q=bookk'))).toEqual(['ledger']);
    // "out" starts no word, but is inside three names.
    expect(names(await t.call('GET', '/api/v1/services?q=out'))).toEqual(['checkout-api', 'checkout-web', 'payouts']);
    // Every word must match: "card" and "pay" are both prefixes of words of ledger's description.
    expect(names(await t.call('GET', '/api/v1/services?q=card%20pay'))).toEqual(['ledger']);
    expect(names(await t.call('GET', '/api/v1/services?q=LEDG'))).toEqual(['ledger']);
    expect(names(await t.call('GET', '/api/v1/capabilities?q=metrics'))).toEqual(['telemetry-sdk']);
    expect(names(await t.call('GET', '/api/v1/teams?q=traces'))).toEqual(['observability']);
    expect(names(await t.call('GET', '/api/v1/services?q=ger'))).toEqual(['ledger']);
    expect(names(await t.call('GET', '/api/v1/services?q=zzz'))).toEqual([]);
    // Text that means something to SQL or to tsquery is only text.
    for (const q of ["' or 1=1 --", 'a & b | !c:*', '%', '_', '\\']) {
      const res = await t.call('GET', `/api/v1/services?q=${encodeURIComponent(q)}`);
      expect({ q, ...res }).toEqual({ q, status: 200, body: { items: [], nextCursor: null } });
    }
  });

  it('lists customer and platform teams as DOMAIN.md defines them', async () => {
    expect(names(await t.call('GET', '/api/v1/teams?kind=platform'))).toEqual(['observability', 'platform-ci']);
    expect(names(await t.call('GET', '/api/v1/teams?kind=customer'))).toEqual(['checkout', 'payments']);
    const all = (await t.call('GET', '/api/v1/teams')).body.items as { name: string; teamKind: string }[];
    expect(Object.fromEntries(all.map((team) => [team.name, team.teamKind]))).toEqual({
      checkout: 'customer',
      'empty-team': 'other',
      engineering: 'other',
      observability: 'platform',
      payments: 'customer',
      'platform-ci': 'platform',
    });
    expect((await t.call('GET', '/api/v1/teams?kind=vendor')).status).toBe(400);
  });

  it('counts services, capabilities and members of each team, each member once', async () => {
    const all = (await t.call('GET', '/api/v1/teams')).body.items as { name: string; counts: object }[];
    expect(Object.fromEntries(all.map((team) => [team.name, team.counts]))).toEqual({
      checkout: { services: 2, capabilities: 0, members: 0 },
      'empty-team': { services: 0, capabilities: 0, members: 0 },
      engineering: { services: 0, capabilities: 0, members: 0 },
      observability: { services: 1, capabilities: 1, members: 0 },
      // alice (memberOf), bob (spec.members), carol (both, once); zed is not a user of the catalog.
      payments: { services: 2, capabilities: 0, members: 3 },
      // carol and dave (memberOf)
      'platform-ci': { services: 0, capabilities: 2, members: 2 },
    });
  });

  it("names each team's parent by its title, so the list need not show internal names", async () => {
    const all = (await t.call('GET', '/api/v1/teams')).body.items as { name: string; parent: unknown }[];
    const payments = all.find((team) => team.name === 'payments');
    expect(payments?.parent).toEqual({ ref: 'group:default/engineering', name: 'engineering', title: 'Engineering' });
    expect(all.find((team) => team.name === 'engineering')?.parent).toBeNull();
  });
});

describe('details', () => {
  it('shows a team with its parent, children, members, services and capabilities', async () => {
    const res = await t.call('GET', '/api/v1/teams/payments');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.team).toEqual({
      ref: 'group:default/payments',
      name: 'payments',
      namespace: 'default',
      title: 'Payments',
      description: 'Card payments and payouts.',
      status: 'active',
      tags: [],
      links: [],
      source: 'seed',
      updatedAt: ISO,
      type: 'team',
      teamKind: 'customer',
      parentRef: 'group:default/engineering',
      parent: { ref: 'group:default/engineering', name: 'engineering', title: 'Engineering' },
      counts: { services: 2, capabilities: 0, members: 3 },
    });
    expect(d.email).toBe('payments@example.com');
    expect(d.parent).toEqual({ ref: 'group:default/engineering', name: 'engineering', title: 'Engineering' });
    expect(d.children).toEqual([]);
    expect(d.members).toEqual([
      { ref: 'user:default/alice', name: 'alice', displayName: 'Alice Andersen', email: 'alice@example.com' },
      { ref: 'user:default/bob', name: 'bob', displayName: 'bob', email: null },
      { ref: 'user:default/carol', name: 'carol', displayName: 'Carol C.', email: null },
    ]);
    expect(d.members).toHaveLength(d.team.counts.members);
    expect(d.services.map((s: { name: string; owner: unknown }) => [s.name, s.owner])).toEqual([
      ['ledger', { ref: 'group:default/payments', name: 'payments', title: 'Payments' }],
      ['payouts', { ref: 'group:default/payments', name: 'payments', title: 'Payments' }],
    ]);
    expect(d.capabilities).toEqual([]);
    expect(d.history).toEqual([{ action: 'created', at: ISO, importId: expect.any(Number), actor: 'test-admin' }]);

    const eng = (await t.call('GET', '/api/v1/teams/engineering')).body;
    expect(eng.parent).toBeNull();
    expect(eng.email).toBeNull();
    expect(
      eng.children.map((c: { name: string; teamKind: string; counts: object }) => [c.name, c.teamKind, c.counts]),
    ).toEqual([
      ['checkout', 'customer', { services: 2, capabilities: 0, members: 0 }],
      ['payments', 'customer', { services: 2, capabilities: 0, members: 3 }],
      ['platform-ci', 'platform', { services: 0, capabilities: 2, members: 2 }],
    ]);

    const ci = (await t.call('GET', '/api/v1/teams/platform-ci')).body;
    expect(ci.team.teamKind).toBe('platform');
    expect(ci.members.map((m: { name: string }) => m.name)).toEqual(['carol', 'dave']);
    expect(ci.capabilities.map((c: { name: string; owner: { name: string } }) => [c.name, c.owner.name])).toEqual([
      ['golden-ci', 'platform-ci'],
      ['secrets-vault', 'platform-ci'],
    ]);
    expect(ci.services).toEqual([]);
  });

  it('finds a team by name whatever its case, and only in its namespace', async () => {
    expect((await t.call('GET', '/api/v1/teams/Payments')).body.team.ref).toBe('group:default/payments');
    expect(await t.call('GET', '/api/v1/teams/payments?namespace=other')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'team "other/payments" not found' } },
    });
  });

  it('shows a service with its owner, repository and PagerDuty service', async () => {
    const res = await t.call('GET', '/api/v1/services/ledger');
    expect(res.status).toBe(200);
    expect(res.body.service).toEqual({
      ref: 'component:default/ledger',
      name: 'ledger',
      namespace: 'default',
      title: 'Ledger',
      description: 'Double-entry bookkeeping for card payments.',
      status: 'active',
      tags: ['java'],
      links: [],
      source: 'seed',
      updatedAt: ISO,
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/payments',
      owner: { ref: 'group:default/payments', name: 'payments', title: 'Payments' },
      systemRef: null,
      repository: { provider: 'github', slug: 'acme/ledger', url: 'https://github.com/acme/ledger' },
      pagerdutyServiceId: 'PLEDGER1',
      annotations: { 'github.com/project-slug': 'acme/ledger', 'pagerduty.com/service-id': 'PLEDGER1' },
    });
    expect(res.body.history).toEqual([
      { action: 'created', at: ISO, importId: expect.any(Number), actor: 'test-admin' },
    ]);

    const gitlab = (await t.call('GET', '/api/v1/services/checkout-api')).body.service;
    expect(gitlab.repository).toEqual({
      provider: 'gitlab',
      slug: 'shop/checkout-api',
      url: 'https://gitlab.com/shop/checkout-api',
    });
    expect(gitlab.pagerdutyServiceId).toBeNull();
    expect((await t.call('GET', '/api/v1/services/checkout-web')).body.service.repository).toBeNull();
  });

  it('shows a service whose owner does not exist as unowned, keeping the reference', async () => {
    const ghost = (await t.call('GET', '/api/v1/services/ghost-svc')).body.service;
    expect(ghost).toMatchObject({ owner: null, ownerRef: 'group:default/nobody', lifecycle: 'deprecated' });
    const listed = (await t.call('GET', '/api/v1/services?owner=nobody')).body.items[0];
    expect(listed).toMatchObject({ owner: null, ownerRef: 'group:default/nobody' });
  });

  it('shows a capability with its owner, GA date and detect rules', async () => {
    const res = await t.call('GET', '/api/v1/capabilities/golden-ci');
    expect(res.status).toBe(200);
    expect(res.body.capability).toEqual({
      ref: 'capability:default/golden-ci',
      name: 'golden-ci',
      namespace: 'default',
      title: 'Golden CI pipeline',
      description: 'Reusable CI workflow with caching, SBOM and signed artifacts.',
      status: 'active',
      tags: [],
      links: [],
      source: 'seed',
      updatedAt: ISO,
      ownerRef: 'group:default/platform-ci',
      owner: { ref: 'group:default/platform-ci', name: 'platform-ci', title: 'Platform CI' },
      lifecycle: 'ga',
      category: 'ci',
      gaDate: '2025-03-01',
      docs: 'https://docs.example.com/golden-ci',
      audience: [],
      detect: [
        { files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' },
        { dependency: { ecosystem: 'npm', name: '@acme/ci-tools' } },
      ],
    });
    const sdk = (await t.call('GET', '/api/v1/capabilities/telemetry-sdk')).body.capability;
    expect(sdk).toMatchObject({ lifecycle: 'beta', gaDate: null, docs: null, category: null, audience: ['service'] });
  });

  it('answers 404 NOT_FOUND for what is not there, and 400 for a name that cannot be', async () => {
    expect(await t.call('GET', '/api/v1/capabilities/nope')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'capability "default/nope" not found' } },
    });
    expect(await t.call('GET', '/api/v1/services/nope')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'service "default/nope" not found' } },
    });
    // ledger is a service, not a capability.
    expect((await t.call('GET', '/api/v1/capabilities/ledger')).status).toBe(404);
    const bad = await t.call('GET', `/api/v1/capabilities/${encodeURIComponent('bad name')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['name']);
  });
});

describe('search and overview', () => {
  it('finds teams, services and capabilities in one box', async () => {
    const res = await t.call('GET', '/api/v1/search?q=metrics');
    expect(res.status).toBe(200);
    const found = (res.body.items as { kind: string; ref: string }[]).map((i) => `${i.kind} ${i.ref}`).sort();
    expect(found).toEqual([
      'capability capability:default/telemetry-sdk',
      'service component:default/metrics-agent',
      'team group:default/observability',
    ]);

    // An exact name comes first.
    const payments = (await t.call('GET', '/api/v1/search?q=payments')).body.items as {
      kind: string;
      name: string;
      title: string | null;
      status: string;
    }[];
    expect(payments[0]).toEqual({
      kind: 'team',
      ref: 'group:default/payments',
      name: 'payments',
      title: 'Payments',
      description: 'Card payments and payouts.',
      status: 'active',
      owner: null,
      partOf: null,
    });
    expect(payments.map((i) => i.name).sort()).toEqual(['ledger', 'payments']);

    const people = (await t.call('GET', '/api/v1/search?q=alice')).body.items;
    expect(people).toEqual([
      {
        kind: 'user',
        ref: 'user:default/alice',
        name: 'alice',
        title: null,
        description: null,
        status: 'active',
        owner: null,
        partOf: null,
      },
    ]);
    expect((await t.call('GET', '/api/v1/search?q=payments&limit=1')).body.items).toHaveLength(1);
    expect((await t.call('GET', '/api/v1/search?q=')).status).toBe(400);
  });

  it('gives the headline numbers', async () => {
    expect(await t.call('GET', '/api/v1/overview')).toEqual({
      status: 200,
      body: {
        customerTeams: 2,
        platformTeams: 2,
        services: 6,
        capabilities: 3,
        users: 4,
        orphaned: 0,
        capabilitiesByLifecycle: [
          { lifecycle: 'beta', count: 1 },
          { lifecycle: 'experimental', count: 1 },
          { lifecycle: 'ga', count: 1 },
        ],
      },
    });
  });

  it('publishes an OpenAPI 3.1 document with the catalog, import and auth paths', async () => {
    const res = await t.call('GET', '/api/openapi.json', { role: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info).toMatchObject({ title: 'Paved API' });
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/v1/teams',
      '/api/v1/teams/{name}',
      '/api/v1/services',
      '/api/v1/services/{name}',
      '/api/v1/capabilities',
      '/api/v1/capabilities/{name}',
      '/api/v1/search',
      '/api/v1/overview',
      '/api/v1/imports/backstage',
      '/api/v1/imports',
      '/api/v1/imports/{id}',
      '/api/v1/session',
      '/api/v1/me',
      '/api/v1/tokens',
      '/api/v1/tokens/{id}',
    ]) {
      expect(paths).toContain(path);
    }
    expect(Object.keys(res.body.paths['/api/v1/capabilities'])).toEqual(['get', 'post']);
    expect(res.body.paths['/api/v1/session'].post.security).toEqual([]);
    expect(res.body.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining(['Capability', 'CapabilityCreate', 'Team', 'Service', 'BackstageImport', 'Import']),
    );
  });
});

describe('writing capabilities', () => {
  const NEW = {
    name: 'paved-db',
    title: 'Managed Postgres',
    description: 'Databases with backups and failover.',
    owner: 'platform-ci',
    lifecycle: 'beta',
    category: 'data',
    gaDate: '2025-06-01',
    docs: 'https://docs.example.com/paved-db',
    tags: ['postgres'],
    detect: [{ files: 'infra/**/*.tf', pattern: 'module "paved_db"' }],
  };

  it('creates one (201) that then reads back, and counts for its team', async () => {
    const res = await t.call('POST', '/api/v1/capabilities', { body: NEW });
    expect(res.status).toBe(201);
    const expected = {
      ref: 'capability:default/paved-db',
      name: 'paved-db',
      namespace: 'default',
      title: 'Managed Postgres',
      description: 'Databases with backups and failover.',
      status: 'active',
      tags: ['postgres'],
      links: [],
      source: 'api',
      updatedAt: ISO,
      ownerRef: 'group:default/platform-ci',
      owner: { ref: 'group:default/platform-ci', name: 'platform-ci', title: 'Platform CI' },
      lifecycle: 'beta',
      category: 'data',
      gaDate: '2025-06-01',
      docs: 'https://docs.example.com/paved-db',
      audience: [],
      detect: [{ files: 'infra/**/*.tf', pattern: 'module "paved_db"' }],
    };
    expect(res.body).toEqual({
      capability: expected,
      history: [{ action: 'created', at: ISO, importId: null, actor: 'test-admin' }],
    });
    expect((await t.call('GET', '/api/v1/capabilities/paved-db')).body).toEqual(res.body);
    expect(names(await t.call('GET', '/api/v1/capabilities?owner=platform-ci'))).toEqual([
      'golden-ci',
      'paved-db',
      'secrets-vault',
    ]);
    const team = (await t.call('GET', '/api/v1/teams/platform-ci')).body.team;
    expect(team.counts).toEqual({ services: 0, capabilities: 3, members: 2 });
    expect((await t.call('GET', '/api/v1/overview')).body.capabilitiesByLifecycle).toEqual([
      { lifecycle: 'beta', count: 2 },
      { lifecycle: 'experimental', count: 1 },
      { lifecycle: 'ga', count: 1 },
    ]);
  });

  it('answers 409 CONFLICT for a capability that exists, whatever the case of its name', async () => {
    for (const name of ['paved-db', 'Paved-DB', 'golden-ci']) {
      const res = await t.call('POST', '/api/v1/capabilities', { body: { ...NEW, name, description: 'a second one' } });
      expect(res).toEqual({
        status: 409,
        body: {
          error: {
            code: 'CONFLICT',
            message: `capability:default/${name.toLowerCase()} already exists`,
            details: [{ field: 'name', reason: 'already exists' }],
          },
        },
      });
    }
    expect((await t.call('GET', '/api/v1/capabilities/paved-db')).body.capability.description).toBe(
      'Databases with backups and failover.',
    );
    expect((await t.call('GET', '/api/v1/capabilities/golden-ci')).body.capability.source).toBe('seed');
  });

  it('changes the description and GA date, and clears the GA date with null', async () => {
    const res = await t.call('PATCH', '/api/v1/capabilities/paved-db', {
      body: { description: 'Postgres, managed for you.', gaDate: '2025-07-15' },
    });
    expect(res.status).toBe(200);
    expect(res.body.capability).toMatchObject({
      description: 'Postgres, managed for you.',
      gaDate: '2025-07-15',
      lifecycle: 'beta',
      category: 'data',
      title: 'Managed Postgres',
      tags: ['postgres'],
    });
    expect(res.body.capability.detect).toEqual(NEW.detect);
    expect(res.body.history.map((h: { action: string }) => h.action)).toEqual(['updated', 'created']);
    expect((await t.call('GET', '/api/v1/capabilities/paved-db')).body.capability.gaDate).toBe('2025-07-15');

    const cleared = await t.call('PATCH', '/api/v1/capabilities/paved-db', { body: { gaDate: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.capability).toMatchObject({ gaDate: null, description: 'Postgres, managed for you.' });
    expect((await t.call('GET', '/api/v1/capabilities/paved-db')).body.capability.gaDate).toBeNull();
    const row = await t.database.db
      .selectFrom('entities')
      .select('spec')
      .where('ref', '=', 'capability:default/paved-db')
      .executeTakeFirstOrThrow();
    expect(row.spec).not.toHaveProperty('gaDate');

    // The same values again change nothing and record nothing.
    const same = await t.call('PATCH', '/api/v1/capabilities/paved-db', {
      body: { gaDate: null, description: 'Postgres, managed for you.' },
    });
    expect(same.body.history.map((h: { action: string }) => h.action)).toEqual(['updated', 'updated', 'created']);
  });

  it('changes a capability that came from an import', async () => {
    const res = await t.call('PATCH', '/api/v1/capabilities/golden-ci', { body: { lifecycle: 'deprecated' } });
    expect(res.status).toBe(200);
    expect(res.body.capability).toMatchObject({ lifecycle: 'deprecated', gaDate: '2025-03-01', source: 'seed' });
    expect(res.body.capability.detect).toHaveLength(2);
    expect(res.body.history).toEqual([
      { action: 'updated', at: ISO, importId: null, actor: 'test-admin' },
      { action: 'created', at: ISO, importId: expect.any(Number), actor: 'test-admin' },
    ]);
  });

  it('refuses an unknown field, naming it', async () => {
    expect(await t.call('POST', '/api/v1/capabilities', { body: { ...NEW, name: 'x1', colour: 'blue' } })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'colour: unknown field',
          details: [{ field: 'colour', reason: 'unknown field' }],
        },
      },
    });
    expect(await t.call('PATCH', '/api/v1/capabilities/paved-db', { body: { name: 'renamed' } })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'name: unknown field',
          details: [{ field: 'name', reason: 'unknown field' }],
        },
      },
    });
    expect((await t.call('GET', '/api/v1/capabilities/x1')).status).toBe(404);
  });

  it('refuses a detect rule whose pattern is not a regular expression, naming the rule and the capability', async () => {
    const body = {
      name: 'broken-detect',
      owner: 'platform-ci',
      lifecycle: 'beta',
      detect: [{ files: '**/*.yml', pattern: 'uses:(' }],
    };
    const reason = 'capability broken-detect: invalid regular expression: /uses:(/: Unterminated group';
    expect(await t.call('POST', '/api/v1/capabilities', { body })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: `detect[0].pattern: ${reason}`,
          details: [{ field: 'detect[0].pattern', reason }],
        },
      },
    });
    expect((await t.call('GET', '/api/v1/capabilities/broken-detect')).status).toBe(404);

    const patch = await t.call('PATCH', '/api/v1/capabilities/paved-db', {
      body: { detect: [{ files: 'a.yml' }, { files: '*.tf', pattern: '[z-a]' }] },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.error.details).toEqual([
      {
        field: 'detect[1].pattern',
        reason: 'capability paved-db: invalid regular expression: /[z-a]/: Range out of order in character class',
      },
    ]);
    expect((await t.call('GET', '/api/v1/capabilities/paved-db')).body.capability.detect).toEqual(NEW.detect);
  });

  it('refuses a bad name, lifecycle, owner or date, naming the field', async () => {
    const nameRule = 'must be 1-63 letters, digits, "-", "_" or "." and start and end with a letter or digit';
    expect(await t.call('POST', '/api/v1/capabilities', { body: { ...NEW, name: '-paved db-' } })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: `name: ${nameRule}`,
          details: [{ field: 'name', reason: nameRule }],
        },
      },
    });
    const long = await t.call('POST', '/api/v1/capabilities', { body: { ...NEW, name: 'a'.repeat(64) } });
    expect(long.status).toBe(400);
    expect(long.body.error.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    const fields = async (body: object) =>
      (await t.call('POST', '/api/v1/capabilities', { body })).body.error.details.map(
        (d: { field: string }) => d.field,
      );
    expect(await fields({ ...NEW, name: 'x2', lifecycle: 'production' })).toEqual(['lifecycle']);
    expect(await fields({ ...NEW, name: 'x2', owner: 'not a team!' })).toEqual(['owner']);
    expect(await fields({ ...NEW, name: 'x2', gaDate: '2025-02-30' })).toEqual(['gaDate']);
    expect(await fields({ ...NEW, name: 'x2', owner: undefined, lifecycle: undefined })).toEqual([
      'owner',
      'lifecycle',
    ]);
    expect((await t.call('GET', '/api/v1/capabilities/x2')).status).toBe(404);
  });

  it('answers 404 for a change to a capability that does not exist', async () => {
    expect(await t.call('PATCH', '/api/v1/capabilities/nope', { body: { description: 'x' } })).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'capability "default/nope" not found' } },
    });
    expect((await t.call('GET', '/api/v1/capabilities/nope')).status).toBe(404);
  });

  it('answers 400 MALFORMED_JSON for a body that is not JSON', async () => {
    for (const [method, path] of [
      ['POST', '/api/v1/capabilities'],
      ['PATCH', '/api/v1/capabilities/paved-db'],
      ['POST', '/api/v1/teams'],
    ] as const) {
      const res = await t.call(method, path, {
        body: '{"name": "half',
        headers: { 'content-type': 'application/json' },
      });
      expect({ path, ...res }).toEqual({
        path,
        status: 400,
        body: { error: { code: 'MALFORMED_JSON', message: 'Malformed JSON in request body' } },
      });
    }
    expect(await t.call('POST', '/api/v1/capabilities', { body: '[]' })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '(body): Invalid input: expected object, received array',
          details: [{ field: '(body)', reason: 'Invalid input: expected object, received array' }],
        },
      },
    });
    expect((await t.call('GET', '/api/v1/capabilities/paved-db')).body.capability.description).toBe(
      'Postgres, managed for you.',
    );
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body that is not JSON by its content type', async () => {
    const res = await t.call('POST', '/api/v1/capabilities', {
      body: JSON.stringify({ ...NEW, name: 'as-text' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res).toEqual({
      status: 415,
      body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type' } },
    });
    expect((await t.call('GET', '/api/v1/capabilities/as-text')).status).toBe(404);
  });

  it('stores SQL-looking and script-looking text verbatim', async () => {
    const description =
      'Robert\'); DROP TABLE entities; --\n<script>alert("paved")</script>\n--- key: value # not a comment\n  & | ! :* %_\\';
    const title = '<img src=x onerror=alert(1)>';
    const res = await t.call('POST', '/api/v1/capabilities', {
      body: { name: 'tricky', title, description, owner: 'platform-ci', lifecycle: 'experimental' },
    });
    expect(res.status).toBe(201);
    expect(res.body.capability).toMatchObject({ title, description });
    expect((await t.call('GET', '/api/v1/capabilities/tricky')).body.capability).toMatchObject({ title, description });
    const row = await t.database.db
      .selectFrom('entities')
      .select(['title', 'description'])
      .where('ref', '=', 'capability:default/tricky')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title, description });
    // The table is still there, with everything in it.
    expect((await t.call('GET', '/api/v1/overview')).body).toMatchObject({ services: 6, capabilities: 5 });
    expect(
      (await t.call('PATCH', '/api/v1/capabilities/tricky', { body: { description: `${description}!` } })).body
        .capability.description,
    ).toBe(`${description}!`);
  });
});
