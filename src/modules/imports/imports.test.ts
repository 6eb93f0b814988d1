import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { JobRunner } from '../../jobs/runner.js';
import { createRegistry } from '../../jobs/registry.js';
import { silentLogger } from '../../http/logger.js';
import { backstageUrlImportJob, pendingTokens } from './jobs.js';

let t: TestApp;
beforeAll(async () => {
  // The Backstage these tests import from listens on 127.0.0.1 (url-import-guard.test.ts covers the refusal).
  t = await createTestApp({ allowPrivateDestinations: true });
});
afterAll(() => t.close());

const IMPORT = '/api/v1/imports/backstage';
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const summary = (
  counts: Partial<
    Record<'created' | 'updated' | 'unchanged' | 'orphaned' | 'restored' | 'skipped' | 'invalid', number>
  >,
) => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  orphaned: 0,
  restored: 0,
  skipped: 0,
  invalid: 0,
  ...counts,
});

// The fixture: 2 Locations (followed, not stored) and 13 entities:
// 3 Groups, 3 Users, 1 Domain, 1 System, 2 Components, 1 API, 1 Resource, 1 Capability.
const ACME_PATHS = [
  'catalog-info.yaml',
  'org/groups.yaml',
  'org/users.yaml',
  'systems/finance.yaml',
  'services/ledger.yaml',
  'services/payouts.yaml',
  'services/more-locations.yaml',
  'capabilities/golden-ci.yaml',
];
const acme = new Map<string, string>();

async function loadAcme() {
  for (const path of ACME_PATHS) {
    acme.set(path, await readFile(new URL(`../../../test/fixtures/catalog/acme/${path}`, import.meta.url), 'utf8'));
  }
}

type Files = Map<string, string>;
const asFiles = (files: Files) => [...files].map(([path, content]) => ({ path, content }));
const importFiles = (files: Files, extra: Record<string, unknown> = {}) =>
  t.call('POST', IMPORT, { body: { files: asFiles(files), source: 'git:acme', ...extra } });

/** Everything an import can write, to compare before and after. */
async function snapshot() {
  const { db } = t.database;
  return {
    entities: await db.selectFrom('entities').selectAll().orderBy('id').execute(),
    entity_relations: await db
      .selectFrom('entity_relations')
      .selectAll()
      .orderBy('source_id')
      .orderBy('type')
      .orderBy('target_ref')
      .execute(),
    entity_events: await db.selectFrom('entity_events').selectAll().orderBy('id').execute(),
    imports: await db.selectFrom('imports').selectAll().orderBy('id').execute(),
    jobs: await db.selectFrom('jobs').selectAll().orderBy('id').execute(),
  };
}

const countRows = async (table: 'entities' | 'entity_events' | 'imports') =>
  (
    await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

const history = async (path: string) => {
  const res = await t.call('GET', path);
  const detail = res.body.service ?? res.body.capability ?? res.body.team;
  return { status: detail.status as string, actions: (res.body.history as { action: string }[]).map((h) => h.action) };
};

describe('importing a Backstage catalog of several files', () => {
  let firstImportId: number;

  beforeAll(loadAcme);

  it('imports every entity with its owner and relations', async () => {
    const res = await importFiles(acme);
    expect(res.status).toBe(200);
    firstImportId = res.body.id;
    expect(res.body).toEqual({
      id: expect.any(Number),
      status: 'succeeded',
      source: 'git:acme',
      summary: summary({ created: 13 }),
      problems: [],
      // Every Location target, relative to its own file, names a file of the set.
      warnings: [],
      skipped: [],
    });

    const kinds = await t.database.db
      .selectFrom('entities')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      API: 1,
      Capability: 1,
      Component: 2,
      Domain: 1,
      Group: 3,
      Resource: 1,
      System: 1,
      User: 3,
    });

    const relations = await t.database.db
      .selectFrom('entity_relations as r')
      .innerJoin('entities as e', 'e.id', 'r.source_id')
      .select(['e.ref', 'r.type', 'r.target_ref'])
      .orderBy('e.ref')
      .orderBy('r.type')
      .orderBy('r.target_ref')
      .execute();
    expect(relations.map((r) => `${r.ref} ${r.type} ${r.target_ref}`)).toEqual([
      'api:default/ledger-api ownedBy group:default/payments',
      'api:default/ledger-api partOf system:default/payments-platform',
      'capability:default/golden-ci ownedBy group:default/platform-ci',
      'component:default/ledger dependsOn resource:default/ledger-db',
      'component:default/ledger ownedBy group:default/payments',
      'component:default/ledger partOf system:default/payments-platform',
      'component:default/ledger providesApi api:default/ledger-api',
      'component:default/payouts consumesApi api:default/ledger-api',
      'component:default/payouts dependsOn component:default/ledger',
      'component:default/payouts ownedBy group:default/payments',
      'component:default/payouts partOf system:default/payments-platform',
      'domain:default/finance ownedBy group:default/engineering',
      'group:default/engineering parentOf group:default/payments',
      'group:default/engineering parentOf group:default/platform-ci',
      'group:default/payments childOf group:default/engineering',
      'group:default/payments hasMember user:default/bob',
      'group:default/platform-ci childOf group:default/engineering',
      'resource:default/ledger-db ownedBy group:default/payments',
      'resource:default/ledger-db partOf system:default/payments-platform',
      'system:default/payments-platform ownedBy group:default/payments',
      'system:default/payments-platform partOf domain:default/finance',
      'user:default/alice memberOf group:default/payments',
      'user:default/carol memberOf group:default/payments',
      'user:default/carol memberOf group:default/platform-ci',
    ]);

    const locations = await t.database.db
      .selectFrom('entities')
      .select(['ref', 'location', 'source'])
      .where('kind', 'in', ['API', 'Resource', 'Capability'])
      .orderBy('ref')
      .execute();
    expect(locations).toEqual([
      { ref: 'api:default/ledger-api', location: 'services/ledger.yaml:2', source: 'git:acme' },
      { ref: 'capability:default/golden-ci', location: 'capabilities/golden-ci.yaml:1', source: 'git:acme' },
      { ref: 'resource:default/ledger-db', location: 'services/ledger.yaml:3', source: 'git:acme' },
    ]);

    const events = await t.database.db.selectFrom('entity_events').select(['action', 'import_id', 'actor']).execute();
    expect(events).toHaveLength(13);
    expect(new Set(events.map((e) => `${e.action} ${e.import_id} ${e.actor}`))).toEqual(
      new Set([`created ${firstImportId} test-admin`]),
    );

    expect(await t.call('GET', `/api/v1/imports/${firstImportId}`)).toEqual({
      status: 200,
      body: {
        id: firstImportId,
        kind: 'backstage',
        source: 'git:acme',
        status: 'succeeded',
        summary: summary({ created: 13 }),
        problems: [],
        warnings: [],
        error: null,
        requestedBy: 'test-admin',
        createdAt: ISO,
        finishedAt: ISO,
      },
    });
  });

  it('shows the imported teams, services and capability as the files describe them', async () => {
    const ledger = (await t.call('GET', '/api/v1/services/ledger')).body.service;
    expect(ledger).toMatchObject({
      title: 'Ledger',
      description: 'Double-entry bookkeeping for card payments.',
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/payments',
      owner: { ref: 'group:default/payments', name: 'payments', title: 'Payments' },
      systemRef: 'system:default/payments-platform',
      repository: { provider: 'github', slug: 'acme/ledger', url: 'https://github.com/acme/ledger' },
      pagerdutyServiceId: 'PLEDGER1',
      tags: ['java', 'payments'],
      links: [{ url: 'https://grafana.acme.example/d/ledger', title: 'Dashboard' }],
      source: 'git:acme',
    });
    expect((await t.call('GET', '/api/v1/services/payouts')).body.service).toMatchObject({
      owner: { name: 'payments' },
      systemRef: 'system:default/payments-platform',
      repository: null,
    });

    const engineering = (await t.call('GET', '/api/v1/teams/engineering')).body;
    expect(engineering.email).toBe('engineering@acme.example');
    expect(engineering.parent).toBeNull();
    expect(engineering.children.map((c: { name: string }) => c.name)).toEqual(['payments', 'platform-ci']);

    const payments = (await t.call('GET', '/api/v1/teams/payments')).body;
    expect(payments.parent).toEqual({ ref: 'group:default/engineering', name: 'engineering', title: 'Engineering' });
    expect(payments.team).toMatchObject({ teamKind: 'customer', counts: { services: 2, capabilities: 0, members: 3 } });
    expect(payments.members.map((m: { name: string; displayName: string }) => `${m.name}: ${m.displayName}`)).toEqual([
      'alice: Alice Andersen',
      'bob: Bob Berg',
      'carol: carol',
    ]);

    const platform = (await t.call('GET', '/api/v1/teams/platform-ci')).body;
    expect(platform.team).toMatchObject({
      teamKind: 'platform',
      parentRef: 'group:default/engineering',
      counts: { services: 0, capabilities: 1, members: 1 },
    });

    expect((await t.call('GET', '/api/v1/capabilities/golden-ci')).body.capability).toMatchObject({
      owner: { ref: 'group:default/platform-ci', name: 'platform-ci', title: 'Platform CI' },
      lifecycle: 'ga',
      gaDate: '2025-03-01',
      category: 'ci',
      detect: [
        { files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' },
        { dependency: { ecosystem: 'npm', name: '@acme/telemetry' } },
      ],
    });
  });

  it('finds nothing to do when the same files come again, and records no event', async () => {
    const before = await snapshot();
    const res = await importFiles(acme);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual(summary({ unchanged: 13 }));
    const after = await snapshot();
    expect(after.entities).toEqual(before.entities);
    expect(after.entity_relations).toEqual(before.entity_relations);
    expect(after.entity_events).toEqual(before.entity_events);
    expect(after.imports).toHaveLength(before.imports.length + 1);
  });

  it('counts the same entities under another source as unchanged, and moves them to the source that last sent them', async () => {
    // A file imported on its own, then with its folder: two sources, the same content (issue 10, item 7).
    const before = await snapshot();
    const other = await importFiles(acme, { source: 'git:acme-mirror' });
    expect(other.body.summary).toEqual(summary({ unchanged: 13 }));
    const moved = await snapshot();
    expect(new Set(moved.entities.map((e) => e.source))).toEqual(new Set(['git:acme-mirror']));
    expect(moved.entities.map((e) => ({ ...e, source: 'git:acme' }))).toEqual(before.entities);
    expect(moved.entity_events).toEqual(before.entity_events);
    const back = await importFiles(acme);
    expect(back.body.summary).toEqual(summary({ unchanged: 13 }));
    expect((await snapshot()).entities).toEqual(before.entities);
  });

  it('updates exactly the one entity whose document changed', async () => {
    const before = await snapshot();
    const ledger = acme.get('services/ledger.yaml') ?? '';
    acme.set(
      'services/ledger.yaml',
      ledger.replace('Double-entry bookkeeping for card payments.', 'The book of record for every card payment.'),
    );
    const res = await importFiles(acme);
    expect(res.body.summary).toEqual(summary({ updated: 1, unchanged: 12 }));

    const after = await snapshot();
    const changed = after.entities.filter(
      (e) => JSON.stringify(e) !== JSON.stringify(before.entities.find((b) => b.id === e.id)),
    );
    expect(changed.map((e) => [e.ref, e.description])).toEqual([
      ['component:default/ledger', 'The book of record for every card payment.'],
    ]);
    expect(after.entity_events.slice(before.entity_events.length).map((e) => [e.action, e.import_id])).toEqual([
      ['updated', res.body.id],
    ]);
    expect(await history('/api/v1/services/ledger')).toEqual({ status: 'active', actions: ['updated', 'created'] });
  });

  it('orphans an entity that is gone from the files: still readable, with its history', async () => {
    acme.delete('services/payouts.yaml');
    const res = await importFiles(acme);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual(summary({ unchanged: 12, orphaned: 1 }));

    const payouts = await t.call('GET', '/api/v1/services/payouts');
    expect(payouts.status).toBe(200);
    expect(payouts.body.service).toMatchObject({ status: 'orphaned', description: 'Sends money to merchants.' });
    expect(payouts.body.history.map((h: { action: string; importId: number }) => [h.action, h.importId])).toEqual([
      ['orphaned', res.body.id],
      ['created', firstImportId],
    ]);
    expect(
      (await t.call('GET', '/api/v1/services?status=orphaned')).body.items.map((s: { name: string }) => s.name),
    ).toEqual(['payouts']);
    expect(
      (await t.call('GET', '/api/v1/services?status=active')).body.items.map((s: { name: string }) => s.name),
    ).toEqual(['ledger']);
    // An orphaned service no longer counts for its team or in the overview.
    expect((await t.call('GET', '/api/v1/teams/payments')).body.team.counts.services).toBe(1);
    expect((await t.call('GET', '/api/v1/overview')).body).toMatchObject({
      services: 1,
      orphaned: 1,
      customerTeams: 1,
      platformTeams: 1,
      users: 3,
      capabilities: 1,
    });
  });

  it('restores the entity when it comes back', async () => {
    acme.set(
      'services/payouts.yaml',
      await readFile(new URL('../../../test/fixtures/catalog/acme/services/payouts.yaml', import.meta.url), 'utf8'),
    );
    const res = await importFiles(acme);
    expect(res.body.summary).toEqual(summary({ updated: 1, restored: 1, unchanged: 12 }));
    expect(await history('/api/v1/services/payouts')).toEqual({
      status: 'active',
      actions: ['restored', 'orphaned', 'created'],
    });
    const row = await t.database.db
      .selectFrom('entities')
      .select(['status', 'orphaned_at'])
      .where('ref', '=', 'component:default/payouts')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'active', orphaned_at: null });
    expect((await t.call('GET', '/api/v1/overview')).body).toMatchObject({ services: 2, orphaned: 0 });
  });

  const BAD = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Bad Name!
spec:
  lifecycle: production
  owner: payments
---
apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: broken-cap
spec:
  owner: platform-ci
  lifecycle: ga
  detect:
    - files: ".github/workflows/*.yml"
      pattern: "uses:("
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: sre
spec:
  type: team
  children: []
`;
  const PROBLEMS = [
    'services/payouts.yaml:1: spec.lifecycle: is required',
    'bad.yaml:1: metadata.name: "Bad Name!" is not a valid name: 1-63 letters, digits, - _ . (starting and ending with a letter or digit)',
    'bad.yaml:1: spec.type: is required',
    'bad.yaml:2: spec.detect[0].pattern: capability broken-cap: invalid regular expression: /uses:(/: Unterminated group',
  ];
  const withProblems = () => {
    const files = new Map(acme);
    files.set(
      'services/payouts.yaml',
      (acme.get('services/payouts.yaml') ?? '').replace('  lifecycle: experimental\n', ''),
    );
    files.set('bad.yaml', BAD);
    // A change that would be an update if the import went through.
    files.set(
      'services/ledger.yaml',
      (acme.get('services/ledger.yaml') ?? '').replace('lifecycle: production', 'lifecycle: deprecated'),
    );
    return files;
  };

  it('rejects the whole import with 422 listing every problem, and changes nothing at all', async () => {
    const before = await snapshot();
    const res = await importFiles(withProblems());
    expect(res).toEqual({
      status: 422,
      body: {
        error: {
          code: 'IMPORT_INVALID',
          message: '3 invalid documents (4 problems); nothing was imported',
          details: {
            id: null,
            status: 'rejected',
            source: 'git:acme',
            summary: summary({ invalid: 3 }),
            problems: PROBLEMS,
            warnings: [],
            skipped: [],
          },
        },
      },
    });
    expect(await snapshot()).toEqual(before);
    expect(JSON.stringify(await snapshot())).toBe(JSON.stringify(before));
  });

  it('with skipInvalid, imports the valid documents, reports the rest and orphans nothing', async () => {
    const files = withProblems();
    files.delete('capabilities/golden-ci.yaml'); // would be orphaned by a clean import
    const res = await importFiles(files, { skipInvalid: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      status: 'succeeded',
      source: 'git:acme',
      // 13 - payouts (invalid) - golden-ci (missing) = 11 seen, ledger among them changed; sre is new.
      summary: summary({ created: 1, updated: 1, unchanged: 10, invalid: 3 }),
      problems: PROBLEMS,
      warnings: [
        'catalog-info.yaml:1: spec.targets[4]: capabilities/golden-ci.yaml not found',
        'services/more-locations.yaml:1: spec.target: ../capabilities/golden-ci.yaml not found',
        'some documents were invalid, so no entity was marked orphaned in this import',
      ],
      skipped: [],
    });
    expect((await t.call('GET', '/api/v1/teams/sre')).body.team.status).toBe('active');
    expect((await t.call('GET', '/api/v1/services/ledger')).body.service.lifecycle).toBe('deprecated');
    expect(await history('/api/v1/capabilities/golden-ci')).toEqual({ status: 'active', actions: ['created'] });
    // The invalid document did not replace the stored payouts.
    expect((await t.call('GET', '/api/v1/services/payouts')).body.service).toMatchObject({
      status: 'active',
      lifecycle: 'experimental',
    });
    expect((await t.call('GET', '/api/v1/services/bad-name')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/capabilities/broken-cap')).status).toBe(404);

    const record = (await t.call('GET', `/api/v1/imports/${res.body.id}`)).body;
    expect(record).toMatchObject({
      status: 'succeeded',
      summary: res.body.summary,
      problems: PROBLEMS,
      warnings: res.body.warnings,
    });
    expect(await countRows('entities')).toBe(14);
  });
});

describe('what an import tolerates', () => {
  it('reports documents of kinds Paved does not read as skipped, and imports the rest', async () => {
    const content = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: new-service }
spec: { type: service, steps: [] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec: { replicas: 2 }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: qa-team }
spec: { type: team, children: [] }
---
# Not a descriptor at all: a CI workflow that happens to sit in the catalog folder.
name: CI
on: push
`;
    const res = await t.call('POST', IMPORT, {
      body: { files: [{ path: 'kinds.yaml', content }], source: 'test:kinds' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'succeeded',
      summary: summary({ created: 1, skipped: 2 }),
      problems: [],
      warnings: [],
      skipped: [
        'kinds.yaml:1: kind Template is not read by Paved; skipped',
        'kinds.yaml:2: kind Deployment is not read by Paved; skipped',
      ],
    });
    expect((await t.call('GET', '/api/v1/teams/qa-team')).status).toBe(200);
    expect((await t.call('GET', `/api/v1/imports/${res.body.id}`)).body.warnings).toEqual(res.body.skipped);
  });

  it('imports a service whose owner and system do not exist, with warnings, and shows it unowned', async () => {
    const content = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: lonely-svc }
spec: { type: service, lifecycle: production, owner: group:default/ghosts, system: nowhere }
`;
    const res = await t.call('POST', IMPORT, {
      body: { files: [{ path: 'dangling.yaml', content }], source: 'test:dangling' },
    });
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual(summary({ created: 1 }));
    expect(res.body.warnings).toEqual([
      'dangling.yaml:1: spec.owner: group:default/ghosts is not in the catalog; shown as unowned',
      'dangling.yaml:1: spec.system: system:default/nowhere is not in the catalog; shown without a system',
    ]);
    const svc = (await t.call('GET', '/api/v1/services/lonely-svc')).body.service;
    expect(svc).toMatchObject({
      owner: null,
      ownerRef: 'group:default/ghosts',
      systemRef: 'system:default/nowhere',
      status: 'active',
    });
  });
});

describe('how a catalog arrives', () => {
  const team = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n  children: []\n`;

  it('takes a raw application/yaml body', async () => {
    const res = await t.call('POST', `${IMPORT}?filename=yaml-team.yaml&source=test:yaml`, {
      body: `${team('yaml-team')}---\n${team('yaml-team-2')}`,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'succeeded', source: 'test:yaml', summary: summary({ created: 2 }) });
    const rows = await t.database.db
      .selectFrom('entities')
      .select(['name', 'location', 'source'])
      .where('source', '=', 'test:yaml')
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      { name: 'yaml-team', location: 'yaml-team.yaml:1', source: 'test:yaml' },
      { name: 'yaml-team-2', location: 'yaml-team.yaml:2', source: 'test:yaml' },
    ]);
    // Without a filename or source, the file is catalog-info.yaml and the source names it, and its content.
    const plain = await t.call('POST', IMPORT, {
      body: team('plain-team'),
      headers: { 'content-type': 'text/yaml; charset=utf-8' },
    });
    expect(plain.body).toMatchObject({
      status: 'succeeded',
      source: expect.stringMatching(/^upload:catalog-info\.yaml@sha256:[0-9a-f]{16}$/),
      summary: summary({ created: 1 }),
    });
  });

  it('gives each upload without a source a source of its own, so one never orphans another’s entities', async () => {
    const yaml = (body: string) => t.call('POST', IMPORT, { body, headers: { 'content-type': 'application/yaml' } });
    const first = await yaml(`${team('own-a')}---\n${team('own-b')}`);
    const second = await yaml(team('own-c'));
    expect(first.body).toMatchObject({ status: 'succeeded', summary: summary({ created: 2 }) });
    expect(second.body).toMatchObject({ status: 'succeeded', summary: summary({ created: 1, orphaned: 0 }) });
    expect(second.body.source).not.toBe(first.body.source);
    // The same file again is the same upload: nothing changes.
    const again = await yaml(`${team('own-a')}---\n${team('own-b')}`);
    expect(again.body).toMatchObject({ source: first.body.source, summary: summary({ unchanged: 2 }) });
    // So do JSON and multipart uploads without a source.
    const json = await t.call('POST', IMPORT, { body: { files: [{ path: 'd.yaml', content: team('own-d') }] } });
    expect(json.body).toMatchObject({
      source: expect.stringMatching(/^upload:d\.yaml@sha256:/),
      summary: summary({ created: 1 }),
    });
    const form = new FormData();
    form.append('file', new File([team('own-e')], 'e.yaml'));
    form.append('file', new File([team('own-f')], 'f.yaml'));
    const multipart = await t.app.request(IMPORT, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    expect(await multipart.json()).toMatchObject({
      source: expect.stringMatching(/^upload:2 files@sha256:[0-9a-f]{16}$/),
      summary: summary({ created: 2, orphaned: 0 }),
    });
    const rows = await t.database.db
      .selectFrom('entities')
      .select(['name', 'status'])
      .where('name', 'like', 'own-%')
      .orderBy('name')
      .execute();
    expect(rows).toEqual(
      ['own-a', 'own-b', 'own-c', 'own-d', 'own-e', 'own-f'].map((name) => ({ name, status: 'active' })),
    );
  });

  it('reports a YAML syntax error in a raw body as a problem of that file and document', async () => {
    const before = await snapshot();
    const res = await t.call('POST', `${IMPORT}?filename=broken.yaml&source=test:yaml`, {
      body: `${team('fine')}---\nkind: Group\nmetadata: { name: [unclosed\n`,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    expect(res.body.error.details.problems).toHaveLength(1);
    expect(res.body.error.details.problems[0]).toMatch(/^broken\.yaml:2: yaml: line \d+: /);
    expect(await snapshot()).toEqual(before);
  });

  it('takes multipart/form-data uploads of several files', async () => {
    const form = new FormData();
    form.append('file', new File([team('mp-team')], 'mp-team.yaml', { type: 'application/yaml' }));
    form.append(
      'file',
      new File(
        [`apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: mp-user }\nspec: { memberOf: [mp-team] }\n`],
        'mp-user.yaml',
      ),
    );
    form.append('source', 'test:multipart');
    const res = await t.app.request(IMPORT, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'succeeded',
      source: 'test:multipart',
      summary: summary({ created: 2 }),
      warnings: [],
    });
    expect((await t.call('GET', '/api/v1/teams/mp-team')).body.members.map((m: { name: string }) => m.name)).toEqual([
      'mp-user',
    ]);
    const rows = await t.database.db
      .selectFrom('entities')
      .select(['name', 'location'])
      .where('source', '=', 'test:multipart')
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      { name: 'mp-team', location: 'mp-team.yaml:1' },
      { name: 'mp-user', location: 'mp-user.yaml:1' },
    ]);

    const empty = new FormData();
    empty.append('source', 'test:multipart');
    const none = await t.app.request(IMPORT, {
      method: 'POST',
      body: empty,
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'file: attach at least one descriptor file',
        details: [{ field: 'file', reason: 'attach at least one descriptor file' }],
      },
    });
  });

  it('answers 415 for any other content type, and 400 for JSON that is broken or not an import', async () => {
    expect(
      await t.call('POST', IMPORT, { body: 'name,owner\nledger,payments\n', headers: { 'content-type': 'text/csv' } }),
    ).toEqual({
      status: 415,
      body: {
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'send application/json, application/yaml or multipart/form-data, not "text/csv"',
        },
      },
    });
    expect(
      await t.call('POST', IMPORT, { body: '{"files": [', headers: { 'content-type': 'application/json' } }),
    ).toEqual({
      status: 400,
      body: { error: { code: 'MALFORMED_JSON', message: 'the body is not valid JSON' } },
    });
    const unknown = await t.call('POST', IMPORT, { body: { files: [{ path: 'a.yaml', content: '' }], owner: 'x' } });
    expect(unknown).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'owner: unknown field',
          details: [{ field: 'owner', reason: 'unknown field' }],
        },
      },
    });
    const empty = await t.call('POST', IMPORT, { body: { files: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((d: { field: string }) => d.field)).toEqual(['files']);
    const badUrl = await t.call('POST', IMPORT, { body: { url: 'ftp://backstage.example.com' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.details.map((d: { field: string }) => d.field)).toEqual(['url']);
  });

  it('answers 413 PAYLOAD_TOO_LARGE over 20 MB and stores nothing', async () => {
    const before = await snapshot();
    const limit = 20 * 1024 * 1024;
    const tooLarge = {
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'uploads are limited to 20 MB' } },
    };
    const content = `${team('too-big')}# ${'x'.repeat(limit)}\n`;
    expect(
      await t.call('POST', IMPORT, { body: { files: [{ path: 'big.yaml', content }], source: 'test:big' } }),
    ).toEqual(tooLarge);
    expect(
      await t.call('POST', `${IMPORT}?source=test:big`, {
        body: content,
        headers: { 'content-type': 'application/yaml' },
      }),
    ).toEqual(tooLarge);
    expect(await snapshot()).toEqual(before);
    expect((await t.call('GET', '/api/v1/teams/too-big')).status).toBe(404);

    // Exactly 20 MB is still accepted.
    const head = `${team('just-fits')}# `;
    const exact = `${head}${'x'.repeat(limit - Buffer.byteLength(head) - 1)}\n`;
    expect(Buffer.byteLength(exact)).toBe(limit);
    const fits = await t.call('POST', `${IMPORT}?source=test:big`, {
      body: exact,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(fits.status).toBe(200);
    expect(fits.body.summary).toEqual(summary({ created: 1 }));
  });
});

describe('importing from a running Backstage', () => {
  const TOKEN = 's3cret-backstage-token';
  const PAGE = 2;
  let server: Server;
  let baseUrl: string;
  const requests: { path: string; query: Record<string, string>; authorization: string | undefined }[] = [];

  // Entities as Backstage stores and serves them: server fields, relations and its own Location entities.
  const served = (kind: string, name: string, spec: Record<string, unknown>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      namespace: 'default',
      name,
      uid: randomUUID(),
      etag: randomUUID(),
      annotations: {
        'backstage.io/managed-by-location': 'url:https://github.com/acme/catalog/blob/main/catalog-info.yaml',
      },
    },
    spec,
    relations: [{ type: 'ownedBy', targetRef: 'group:default/bs-payments' }],
  });
  const ENTITIES = [
    served('Location', 'generated-1234', {
      type: 'url',
      target: 'https://github.com/acme/catalog/blob/main/catalog-info.yaml',
    }),
    served('Group', 'bs-platform', { type: 'team', children: [] }),
    served('Group', 'bs-payments', { type: 'team', children: [] }),
    served('User', 'bs-user', { memberOf: ['bs-payments'] }),
    served('Component', 'bs-ledger', { type: 'service', lifecycle: 'production', owner: 'bs-payments' }),
  ];

  const BROKEN_TOKEN = 'token-for-a-broken-catalog';
  const BROKEN = [served('Component', 'bs-broken', { type: 'service', lifecycle: 'production' })];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://backstage');
      requests.push({
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: req.headers.authorization,
      });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      // A second token sees a catalog with a broken entity in it.
      if (req.headers.authorization === `Bearer ${BROKEN_TOKEN}`)
        return send(200, { items: BROKEN, totalItems: 1, pageInfo: {} });
      if (req.headers.authorization !== `Bearer ${TOKEN}`)
        return send(401, { error: { name: 'AuthenticationError', message: 'Missing credentials' } });
      if (req.method !== 'GET' || url.pathname !== '/api/catalog/entities/by-query')
        return send(404, { error: { name: 'NotFoundError' } });
      // Like Backstage: the first request names a limit, later ones only the opaque cursor that carries it.
      const cursor = url.searchParams.get('cursor');
      const state = cursor
        ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { offset: number; limit: number })
        : { offset: 0, limit: Number(url.searchParams.get('limit') ?? 20) };
      const size = Math.min(state.limit, PAGE);
      const items = ENTITIES.slice(state.offset, state.offset + size);
      const next =
        state.offset + size < ENTITIES.length
          ? Buffer.from(JSON.stringify({ offset: state.offset + size, limit: state.limit })).toString('base64url')
          : undefined;
      return send(200, { items, totalItems: ENTITIES.length, pageInfo: next ? { nextCursor: next } : {} });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const runJobs = () =>
    new JobRunner(
      t.database.db,
      createRegistry([backstageUrlImportJob(t.database.db, { allowPrivate: true })]),
      silentLogger,
    ).drain();

  it('queues the import (202), then the job reads every page with the token and imports the entities', async () => {
    requests.length = 0;
    const queued = await t.call('POST', IMPORT, { body: { url: baseUrl, token: TOKEN } });
    expect(queued).toEqual({
      status: 202,
      body: {
        id: expect.any(Number),
        kind: 'backstage',
        source: `backstage:${baseUrl}`,
        status: 'queued',
        summary: null,
        problems: [],
        warnings: [],
        error: null,
        requestedBy: 'test-admin',
        createdAt: ISO,
        finishedAt: null,
      },
    });
    expect(requests).toEqual([]); // nothing is fetched until the job runs
    // The token is a secret: it is neither in the job table nor in the import record.
    expect(JSON.stringify(await t.database.db.selectFrom('jobs').selectAll().execute())).not.toContain(TOKEN);
    expect(JSON.stringify(await t.database.db.selectFrom('imports').selectAll().execute())).not.toContain(TOKEN);

    expect(await runJobs()).toBe(1);
    expect(requests.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(requests.map((r) => r.path)).toEqual(Array(3).fill('/api/catalog/entities/by-query'));
    expect(requests[0]?.query).toEqual({ limit: '500' });
    expect(Object.keys(requests[1]?.query ?? {})).toEqual(['cursor']);
    expect(Object.keys(requests[2]?.query ?? {})).toEqual(['cursor']);

    const record = await t.call('GET', `/api/v1/imports/${queued.body.id}`);
    expect(record.body).toEqual({
      ...queued.body,
      status: 'succeeded',
      // The Location entity is Backstage's own registration and is left out.
      summary: summary({ created: 4 }),
      finishedAt: ISO,
    });
    const svc = (await t.call('GET', '/api/v1/services/bs-ledger')).body.service;
    expect(svc).toMatchObject({ owner: { name: 'bs-payments' }, source: `backstage:${baseUrl}`, status: 'active' });
    expect((await t.call('GET', '/api/v1/teams/bs-payments')).body.team.counts).toEqual({
      services: 1,
      capabilities: 0,
      members: 1,
    });
    const events = await t.database.db
      .selectFrom('entity_events')
      .select(['action', 'actor'])
      .where('import_id', '=', queued.body.id)
      .execute();
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.action === 'created' && e.actor === 'test-admin')).toBe(true);

    // The same catalog again: nothing changes.
    const again = await t.call('POST', IMPORT, { body: { url: baseUrl, token: TOKEN } });
    expect(await runJobs()).toBe(1);
    expect((await t.call('GET', `/api/v1/imports/${again.body.id}`)).body).toMatchObject({
      status: 'succeeded',
      summary: summary({ unchanged: 4 }),
    });
  });

  it('marks the import failed, saying why, when Backstage answers 401', async () => {
    requests.length = 0;
    const entitiesBefore = await countRows('entities');
    const queued = await t.call('POST', IMPORT, { body: { url: baseUrl, token: 'not-the-token' } });
    expect(queued.status).toBe(202);
    expect(await runJobs()).toBe(1);
    expect(requests.map((r) => r.authorization)).toEqual(['Bearer not-the-token']);
    expect((await t.call('GET', `/api/v1/imports/${queued.body.id}`)).body).toEqual({
      ...queued.body,
      status: 'failed',
      summary: null,
      error: `${baseUrl} answered 401 Unauthorized to /api/catalog/entities/by-query`,
      finishedAt: ISO,
    });
    expect(await countRows('entities')).toBe(entitiesBefore);

    // Without any token, the same.
    const anonymous = await t.call('POST', IMPORT, { body: { url: `${baseUrl}/` } });
    expect(await runJobs()).toBe(1);
    expect((await t.call('GET', `/api/v1/imports/${anonymous.body.id}`)).body).toMatchObject({
      status: 'failed',
      error: `${baseUrl} answered 401 Unauthorized to /api/catalog/entities/by-query`,
    });
    expect(await runJobs()).toBe(0);
  });

  it('rejects a Backstage catalog with an invalid entity, naming the entity, and imports nothing', async () => {
    const before = await snapshot();
    const queued = await t.call('POST', IMPORT, { body: { url: baseUrl, token: BROKEN_TOKEN } });
    expect(await runJobs()).toBe(1);
    expect((await t.call('GET', `/api/v1/imports/${queued.body.id}`)).body).toEqual({
      ...queued.body,
      status: 'rejected',
      summary: summary({ invalid: 1 }),
      problems: ['component:default/bs-broken:1: spec.owner: is required'],
      finishedAt: ISO,
    });
    const after = await snapshot();
    expect(after.entities).toEqual(before.entities);
    expect(after.entity_events).toEqual(before.entity_events);
  });

  it('fails a queued import whose token was lost in a restart, saying so', async () => {
    requests.length = 0;
    const queued = await t.call('POST', IMPORT, { body: { url: baseUrl, token: TOKEN } });
    pendingTokens.clear(); // what a restart does to the in-memory token
    expect(await runJobs()).toBe(1);
    expect(requests).toEqual([]);
    expect((await t.call('GET', `/api/v1/imports/${queued.body.id}`)).body).toMatchObject({
      status: 'failed',
      error: 'the Backstage token was lost when Paved restarted; start the import again',
    });
  });

  it('lists imports newest first', async () => {
    const items = (await t.call('GET', '/api/v1/imports?limit=3')).body.items as { id: number; status: string }[];
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.status)).toEqual(['failed', 'rejected', 'failed']);
    expect(items[0]!.id).toBeGreaterThan(items[1]!.id);
    expect(await t.call('GET', '/api/v1/imports/999999')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'import 999999 not found' } },
    });
  });
});
