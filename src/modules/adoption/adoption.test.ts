import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';
import { createToken } from '../auth/service.js';
import { runImport } from '../imports/run-import.js';

let t: TestApp;

const CATALOG = documents(
  groupDoc('platform'),
  groupDoc('alpha'),
  groupDoc('beta'),
  groupDoc('gamma'),
  groupDoc('delta'),
  componentDoc('alpha-api', 'alpha'),
  componentDoc('alpha-web', 'alpha', { type: 'website' }),
  componentDoc('beta-api', 'beta'),
  componentDoc('gamma-api', 'gamma'),
  componentDoc('delta-lib', 'delta', { type: 'library' }),
  `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci, title: Golden CI }
spec:
  owner: platform
  lifecycle: ga
  gaDate: 2025-01-01
  audience: [service, website]
  detect:
    - files: ".github/workflows/*.yml"
      pattern: "uses:\\\\s*acme/golden-ci/"
`,
);

async function detection(serviceName: string, adoptedAt: string, unmatchedSince: string | null = null) {
  const db = t.database.db;
  const svc = await db.selectFrom('entities').select('id').where('name', '=', serviceName).executeTakeFirstOrThrow();
  const cap = await db.selectFrom('entities').select('id').where('name', '=', 'golden-ci').executeTakeFirstOrThrow();
  const repo = await db
    .insertInto('repositories')
    .values({
      path: `/repos/${serviceName}`,
      name: serviceName,
      remote_url: null,
      service_id: svc.id,
      head: 'a'.repeat(40),
      head_date: adoptedAt,
      last_scan_id: null,
      last_scanned_at: null,
      last_error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('detections')
    .values({
      repository_id: repo.id,
      capability_id: cap.id,
      matched: unmatchedSince === null,
      evidence: JSON.stringify([
        { ruleIndex: 0, file: '.github/workflows/ci.yml', line: 7, text: 'uses: acme/golden-ci/build@v3' },
      ]),
      commit: 'b'.repeat(40),
      commit_date: adoptedAt,
      adopted_at: adoptedAt,
      adoption_commit: 'b'.repeat(40),
      unmatched_since: unmatchedSince,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const result = await runImport(t.database.db, {
    files: [{ path: 'catalog-info.yaml', content: CATALOG }],
    source: 'test',
    skipInvalid: false,
    actor: 'test',
  });
  expect(result.problems).toEqual([]);
  // alpha: alpha-api 2025-01-21 (20 days after GA), alpha-web 2025-03-01 → team adopts 2025-01-21.
  await detection('alpha-api', '2025-01-21T00:00:00Z');
  await detection('alpha-web', '2025-03-01T00:00:00Z');
  // beta: adopted 2025-04-10, removed 2025-06-01 → churned.
  await detection('beta-api', '2025-04-10T00:00:00Z', '2025-06-01T00:00:00Z');
});
afterAll(() => t.close());

const adoption = (query = 'from=2025-01-01&to=2025-07-01') =>
  t.call('GET', `/api/v1/capabilities/golden-ci/adoption?${query}`);

describe('capability adoption', () => {
  it('counts eligible teams by audience and classifies adoption by mandate', async () => {
    // gamma declares use from 2025-05-15, after a mandate for gamma (effective 2025-05-01): mandated.
    const mandate = await t.call('POST', '/api/v1/capabilities/golden-ci/mandates', {
      body: { scope: { teams: ['gamma'] }, effectiveFrom: '2025-05-01', deadline: '2025-09-01', note: 'PCI scope' },
    });
    expect(mandate.status).toBe(201);
    expect(mandate.body).toMatchObject({
      scope: { teams: ['group:default/gamma'] },
      effectiveFrom: '2025-05-01T00:00:00.000Z',
      deadline: '2025-09-01T00:00:00.000Z',
    });
    const declared = await t.call('POST', '/api/v1/capabilities/golden-ci/declarations', {
      body: { team: 'gamma', status: 'using', date: '2025-05-15' },
    });
    expect(declared.status).toBe(201);

    const res = await adoption();
    expect(res.status).toBe(200);
    // Eligible: alpha, beta, gamma (own a service or website); delta owns only a library; platform owns the capability.
    // As of 2025-07-01: alpha (voluntary, active), gamma (mandated, active); beta churned on 2025-06-01.
    // Days to adopt: alpha 20, gamma 134 (2025-01-01 → 2025-05-15) → median 77.
    expect(res.body.summary).toEqual({
      eligibleTeams: 3,
      adoptingTeams: 2,
      voluntaryTeams: 1,
      mandatedTeams: 1,
      adoptionRate: 2 / 3,
      voluntaryShare: 1 / 2,
      medianDaysToAdopt: 77,
      churnedTeams: 1,
    });
    expect(res.body.teams.map((x: any) => [x.team, x.adoptedAt.slice(0, 10), x.kind, x.status, x.services])).toEqual([
      ['alpha', '2025-01-21', 'voluntary', 'active', 2],
      ['beta', '2025-04-10', 'voluntary', 'churned', 1],
      ['gamma', '2025-05-15', 'mandated', 'active', 0],
    ]);
    expect(res.body.teams[0].evidence[0]).toEqual({
      type: 'detection',
      service: 'alpha-api',
      repository: 'alpha-api',
      file: '.github/workflows/ci.yml',
      line: 7,
      text: 'uses: acme/golden-ci/build@v3',
      commit: 'b'.repeat(40),
      matched: true,
    });
    expect(res.body.notAdopted).toEqual([]);
    // Counted at each month's exclusive end: Jan-Mar alpha; Apr (May 1) alpha+beta; May (Jun 1) beta has just
    // churned, so alpha+gamma; Jun (Jul 1) alpha+gamma.
    expect(res.body.series.map((p: any) => [p.periodStart.slice(0, 7), p.adoptingTeams, p.mandatedTeams])).toEqual([
      ['2025-01', 1, 0],
      ['2025-02', 1, 0],
      ['2025-03', 1, 0],
      ['2025-04', 2, 0],
      ['2025-05', 2, 1],
      ['2025-06', 2, 1],
    ]);
  });

  it('re-classifies only adoptions on or after a new mandate', async () => {
    const all = await t.call('POST', '/api/v1/capabilities/golden-ci/mandates', {
      body: { scope: 'all', effectiveFrom: '2025-04-01' },
    });
    expect(all.status).toBe(201);
    const res = await adoption();
    expect(res.body.teams.map((x: any) => [x.team, x.kind])).toEqual([
      ['alpha', 'voluntary'],
      ['beta', 'mandated'],
      ['gamma', 'mandated'],
    ]);
    expect(res.body.summary).toMatchObject({ voluntaryTeams: 1, mandatedTeams: 1, voluntaryShare: 0.5 });
    expect((await t.call('DELETE', `/api/v1/capabilities/golden-ci/mandates/${all.body.id}`)).status).toBe(204);
  });

  it('feeds the funnel with page views of the caller’s team', async () => {
    const member = await createToken(t.database.db, {
      name: 'delta-dev',
      role: 'member',
      teamRef: 'group:default/beta',
    });
    const res = await t.app.request('/api/v1/capabilities/golden-ci/views', {
      method: 'POST',
      headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'page' }),
    });
    expect(res.status).toBe(204);
    const funnel = (await adoption('to=2030-01-01')).body.funnel;
    // As of 2030: aware = the three that tried (beta also viewed); alpha and gamma still active; retained: alpha
    // (2025-04-21 in use) and gamma (2025-08-13 in use); beta adopted 2025-04-10, churned 2025-06-01 < 2025-07-09.
    expect(funnel).toEqual({ eligible: 3, aware: 3, tried: 3, active: 2, retained: 2 });
  });

  it('rejects bad ranges, unknown teams and dates without a zone', async () => {
    expect((await adoption('from=2025-07-01&to=2025-01-01')).body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'from', reason: 'must be before to' }],
    });
    const noZone = await adoption('from=2025-01-01T10:00:00');
    expect(noZone.status).toBe(400);
    expect(noZone.body.error.details[0].field).toBe('from');
    const unknown = await t.call('POST', '/api/v1/capabilities/golden-ci/mandates', {
      body: { scope: { teams: ['nobody'] }, effectiveFrom: '2025-01-01' },
    });
    expect(unknown.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'scope.teams', reason: 'group:default/nobody is not a team in the catalog' }],
    });
    const late = await t.call('POST', '/api/v1/capabilities/golden-ci/mandates', {
      body: { scope: 'all', effectiveFrom: '2025-05-01', deadline: '2025-04-01' },
    });
    expect(late.body.error.details).toEqual([{ field: 'deadline', reason: 'must not be before effectiveFrom' }]);
    expect((await t.call('GET', '/api/v1/capabilities/golden-ci/mandates')).body.items).toHaveLength(1);
  });

  it('lets members declare for their own team only, and viewers not at all', async () => {
    const alphaMember = await createToken(t.database.db, {
      name: 'alpha-dev',
      role: 'member',
      teamRef: 'group:default/alpha',
    });
    const call = (token: string, team: string) =>
      t.app.request('/api/v1/capabilities/golden-ci/declarations', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ team, status: 'using', date: '2025-02-01' }),
      });
    const me = await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${alphaMember.token}` } });
    expect(await me.json()).toEqual({
      name: 'alpha-dev',
      role: 'member',
      orgAdmin: false,
      person: null,
      teams: ['group:default/alpha'],
      via: 'token',
      displayName: null,
      email: null,
    });
    expect(await (await call(alphaMember.token, 'beta')).json()).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'you write for your own teams only (group:default/alpha); this is for group:default/beta',
      },
    });
    expect((await call(alphaMember.token, 'beta')).status).toBe(403);
    expect((await call(alphaMember.token, 'alpha')).status).toBe(201);
    expect((await call(t.tokens.viewer, 'alpha')).status).toBe(403);
    const mandate = await t.call('POST', '/api/v1/capabilities/golden-ci/mandates', {
      role: 'member',
      body: { scope: 'all', effectiveFrom: '2025-01-01' },
    });
    expect(mandate.status).toBe(403);
  });
});

describe('matrix and team adoption', () => {
  it('shows who uses what', async () => {
    const matrix = await t.call('GET', '/api/v1/adoption/matrix');
    expect(matrix.body.capabilities).toEqual([{ name: 'golden-ci', title: 'Golden CI', lifecycle: 'ga' }]);
    expect(matrix.body.teams.map((x: any) => x.name)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(matrix.body.cells.map((c: any) => [c.team, c.status])).toEqual([
      ['alpha', 'active'],
      ['beta', 'churned'],
      ['gamma', 'active'],
    ]);
    const gamma = await t.call('GET', '/api/v1/teams/gamma/adoption');
    expect(gamma.body).toMatchObject({
      team: 'gamma',
      uses: [{ capability: 'golden-ci', kind: 'mandated', status: 'active', services: 0 }],
      notYet: [],
    });
    const delta = await t.call('GET', '/api/v1/teams/delta/adoption');
    expect(delta.body).toEqual({ team: 'delta', uses: [], notYet: [] });
  });
});

describe('what a team has not adopted yet', () => {
  it('flags the capabilities a mandate in effect requires of it', async () => {
    const slo = `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: slo }\nspec: { owner: platform, lifecycle: beta }\n`;
    await runImport(t.database.db, {
      files: [{ path: 'slo.yaml', content: slo }],
      source: 'slo',
      skipInvalid: false,
      actor: 'test',
    });
    expect(
      (
        await t.call('POST', '/api/v1/capabilities/slo/mandates', {
          body: { scope: { teams: ['alpha'] }, effectiveFrom: '2025-01-01' },
        })
      ).status,
    ).toBe(201);
    const adoption = await t.call('GET', '/api/v1/capabilities/slo/adoption');
    expect(adoption.body.notAdopted.map((x: any) => [x.team, x.mandated])).toEqual([
      ['alpha', true],
      ['beta', false],
      ['delta', false],
      ['gamma', false],
    ]);
    expect((await t.call('GET', '/api/v1/teams/alpha/adoption')).body.notYet).toEqual([
      { capability: 'slo', title: null, lifecycle: 'beta', mandated: true },
    ]);
    expect((await t.call('GET', '/api/v1/teams/beta/adoption')).body.notYet).toEqual([
      { capability: 'slo', title: null, lifecycle: 'beta', mandated: false },
    ]);
  });
});
