import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { buildDeprecationOrg, deprecationCatalog, type DeprecationOrg } from '../../../../test/deprecation-org.js';
import type { ApiBackend } from '../../../cli/backend.js';
import { silentLogger } from '../../../http/logger.js';
import { runImport } from '../../imports/run-import.js';
import { affectedFollowUp } from './affected.js';
import { listDeprecations, migrationView } from './migration-view.js';
import { getMigrationRelease } from './repo.js';

// The story and its dates are in test/deprecation-org.ts (base 2025-03-03). Every number below is counted by hand
// from it, with DOMAIN.md's Migration: affected = services whose repositories matched the old rules at the
// release; a service migrated at its first scan no longer matching (all its affected repositories); progress =
// migrated / affected; remaining(t) = affected − migrated by the end of day t.

let t: TestApp;
let root: string;
let org: DeprecationOrg;
const BASE = new Date('2025-03-03T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  const imported = await runImport(t.database.db, {
    files: deprecationCatalog,
    source: 'test',
    skipInvalid: false,
    actor: 'test',
  });
  expect(imported.problems).toEqual([]);
  root = mkdtempSync(join(tmpdir(), 'paved-deprecations-'));
  const api: ApiBackend = {
    kind: 'api',
    url: 'http://test',
    request: async <T>(method: string, path: string, body?: unknown) =>
      (await t.call(method, path, body === undefined ? {} : { body })) as { status: number; body: T },
    download: () => Promise.reject(new Error('not used')),
  };
  org = await buildDeprecationOrg(t.database.db, root, api, BASE);
}, 400_000);

afterAll(async () => {
  await t?.close();
  rmSync(root, { recursive: true, force: true });
});

const release = async (id: number) => (await getMigrationRelease(t.database.db, id))!;
const view = async (id: number) => migrationView(t.database.db, await release(id), org.now);
const summary = (teams: Awaited<ReturnType<typeof view>>['teams']) =>
  teams.map((team) => [team.team, team.affected, team.migrated, team.late, team.atRisk]);

describe('a deprecation with the capability’s own rules (release A, 2025-03-04 12:00, deadline 03-26)', () => {
  it('affects the services whose detection matched at the release, migrated when their detection stopped', async () => {
    const a = await view(org.releaseA);
    // Matching golden-ci at 03-04 12:00: alpha-api, alpha-web, beta-svc, gamma-svc (4 services) and tools (no
    // service). gamma-jobs adopted on 03-10, after the release: not affected. alpha-api stopped matching at scan 3
    // (03-11 09:00), alpha-web at scan 4 (03-24 09:00), tools at scan 5 (04-01 09:00). Progress 2 / 4.
    expect(a).toMatchObject({
      rules: 'capability',
      evaluated: true,
      affectedAt: '2025-03-04T12:00:00.000Z',
      affected: 4,
      migrated: 2,
      remaining: 2,
      progress: 0.5,
      open: true,
      deadline: '2025-03-26',
      today: '2025-04-02',
    });
    const services = a.teams.flatMap((team) => team.services.map((s) => [s.service, s.team, s.migratedAt]));
    expect(services).toEqual([
      ['beta-svc', 'beta', null],
      ['gamma-svc', 'gamma', null],
      ['alpha-api', 'alpha', '2025-03-11T09:00:00.000Z'],
      ['alpha-web', 'alpha', '2025-03-24T09:00:00.000Z'],
    ]);
    // The deadline (03-26) has passed with beta and gamma still matching: both late, listed first.
    expect(summary(a.teams)).toEqual([
      ['beta', 1, 0, true, false],
      ['gamma', 1, 0, true, false],
      ['alpha', 2, 2, false, false],
    ]);
    expect(a.teamsLate).toEqual(['beta', 'gamma']);
    expect(a.teamsAtRisk).toEqual([]);
    // gamma-svc's evidence is the detection's latest: ci.yml (now v3, still Golden CI) and release.yml, line 5.
    expect(a.teams[1]?.services[0]?.repositories[0]?.evidence).toEqual([
      { file: '.github/workflows/ci.yml', line: 5 },
      { file: '.github/workflows/release.yml', line: 5 },
    ]);
    expect(a.unmapped).toMatchObject([{ repository: 'tools', migratedAt: '2025-04-01T09:00:00.000Z' }]);
  });

  it('burns down weekly from the release to today (after the deadline), with the ideal line reaching 0 on 03-26', async () => {
    const a = await view(org.releaseA);
    // Ideal: 4 × (1 − days since 03-04 / 22): 03-11 → 4 × 15/22 = 2.727…, 03-18 → 4 × 8/22 = 1.454…,
    // 03-25 → 4 × 1/22 = 0.181…, then 0. Remaining: 4, then 3 from 03-11 (alpha-api), 2 from 03-24 (alpha-web).
    expect(a.burndown).toEqual([
      { date: '2025-03-04', remaining: 4, ideal: 4 },
      { date: '2025-03-11', remaining: 3, ideal: 2.73 },
      { date: '2025-03-18', remaining: 3, ideal: 1.45 },
      { date: '2025-03-25', remaining: 2, ideal: 0.18 },
      { date: '2025-04-01', remaining: 2, ideal: 0 },
      { date: '2025-04-02', remaining: 2, ideal: 0 },
    ]);
  });
});

describe('a breaking release with rules of its own (release B, 2025-03-05, deadline 04-30: "@v2")', () => {
  it('is fixed by the first scan after the release, which read every repository again', async () => {
    const evaluated = await t.database.db
      .selectFrom('release_evaluations')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('release_id', '=', org.releaseB)
      .executeTakeFirstOrThrow();
    // Scan 2 (03-06 09:00) found no HEAD moved, yet read all 7 repositories for B.
    expect(Number(evaluated.n)).toBe(7);
    const b = await view(org.releaseB);
    // "@v2" at scan 2: alpha-api, beta-svc, gamma-svc (3 services) and tools. alpha-web is on v3; gamma-jobs only
    // took v2 on 03-10, after its evaluation: not affected. alpha-api (dropped) and beta-svc (v3) stopped matching
    // at scan 3 (03-11 09:00); gamma-svc's release.yml still says v2. Progress 2 / 3.
    expect(b).toMatchObject({
      rules: 'own',
      evaluated: true,
      affectedAt: '2025-03-06T09:00:00.000Z',
      affected: 3,
      migrated: 2,
      remaining: 1,
      open: true,
    });
    expect(b.progress).toBeCloseTo(2 / 3, 10);
    // Before the deadline, half of its 56 days gone (28 on 04-02): gamma, none of whose services migrated, is at risk.
    expect(summary(b.teams)).toEqual([
      ['gamma', 1, 0, false, true],
      ['alpha', 1, 1, false, false],
      ['beta', 1, 1, false, false],
    ]);
    expect(b.teamsLate).toEqual([]);
    expect(b.teamsAtRisk).toEqual(['gamma']);
    expect(b.teams.flatMap((team) => team.services.map((s) => [s.service, s.migratedAt]))).toEqual([
      ['gamma-svc', null],
      ['alpha-api', '2025-03-11T09:00:00.000Z'],
      ['beta-svc', '2025-03-11T09:00:00.000Z'],
    ]);
    // Still matching: the evidence of the latest scan, release.yml only (ci.yml moved to v3 on 03-20).
    expect(b.teams[0]?.services[0]?.repositories[0]?.evidence).toEqual([
      { file: '.github/workflows/release.yml', line: 5 },
    ]);
    // tools stopped at scan 5 (04-01), read by `paved scan` through the API.
    expect(b.unmapped).toMatchObject([{ repository: 'tools', migratedAt: '2025-04-01T09:00:00.000Z' }]);
  });

  it('burns down to the deadline, counting only up to today', async () => {
    const b = await view(org.releaseB);
    // Ideal: 3 × (1 − k × 7 / 56) at week k; remaining 3 on 03-05, 1 from 03-11; none after today (04-02).
    expect(b.burndown).toEqual([
      { date: '2025-03-05', remaining: 3, ideal: 3 },
      { date: '2025-03-12', remaining: 1, ideal: 2.63 },
      { date: '2025-03-19', remaining: 1, ideal: 2.25 },
      { date: '2025-03-26', remaining: 1, ideal: 1.88 },
      { date: '2025-04-02', remaining: 1, ideal: 1.5 },
      { date: '2025-04-09', remaining: null, ideal: 1.13 },
      { date: '2025-04-16', remaining: null, ideal: 0.75 },
      { date: '2025-04-23', remaining: null, ideal: 0.38 },
      { date: '2025-04-30', remaining: null, ideal: 0 },
    ]);
  });
});

describe('the API', () => {
  it('lists both deprecations, newest first, with their headline numbers', async () => {
    const listed = await listDeprecations(t.database.db, org.now);
    expect(listed.map((d) => [d.id, d.version, d.type, d.affected, d.migrated, d.teamsLate, d.teamsAtRisk])).toEqual([
      [org.releaseB, '3.0.0', 'breaking', 3, 2, [], ['gamma']],
      [org.releaseA, '4.0.0', 'deprecation', 4, 2, ['beta', 'gamma'], []],
    ]);
    const res = await t.call('GET', '/api/v1/deprecations', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { id: number; capability: string }) => [d.id, d.capability])).toEqual([
      [org.releaseB, 'golden-ci'],
      [org.releaseA, 'golden-ci'],
    ]);
  });

  it('answers a release’s migration, and 404 for a release that takes nothing away', async () => {
    const res = await t.call('GET', `/api/v1/releases/${org.releaseA}/migration`, { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ affected: 4, migrated: 2, progress: 0.5 });
    const feature = await t.database.db
      .insertInto('releases')
      .values({ capability_id: null, version: '1.0.0', type: 'feature', title: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const missing = await t.call('GET', `/api/v1/releases/${feature.id}/migration`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect((await t.call('GET', '/api/v1/releases/999999/migration')).status).toBe(404);
  });

  it('gives `paved scan` the open rule sets; every repository has been evaluated, so none is read again', async () => {
    const res = await t.call('GET', '/api/v1/deprecations/rules', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ruleSets: [
        {
          name: `release:${org.releaseB}`,
          release: org.releaseB,
          rules: [{ files: '.github/workflows/*.yml', pattern: 'acme/golden-ci/.*@v2' }],
        },
      ],
      reread: [],
    });
  });
});

describe('the follow-up, run again', () => {
  const migrations = (id: number) =>
    t.database.db
      .selectFrom('release_migrations')
      .select(['repository_id', 'migrated_at', 'migrated_scan_id'])
      .where('release_id', '=', id)
      .orderBy('repository_id')
      .execute();

  it('changes nothing when what the set depends on did not change (notes, deadline)', async () => {
    const before = [await migrations(org.releaseA), await migrations(org.releaseB)];
    await t.database.db
      .updateTable('releases')
      .set({ notes: 'Edited notes.', deadline: '2025-05-15' })
      .where('id', 'in', [org.releaseA, org.releaseB])
      .execute();
    await affectedFollowUp(t.database.db, org.releaseA, silentLogger, org.now);
    await affectedFollowUp(t.database.db, org.releaseB, silentLogger, org.now);
    expect([await migrations(org.releaseA), await migrations(org.releaseB)]).toEqual(before);
    expect((await release(org.releaseB)).affected_at).toEqual(new Date('2025-03-06T09:00:00Z'));
  });

  it('computes the set again when the rules change: at once from detections, or at the next scan for own rules', async () => {
    // A moves to 03-21: the repositories matching then are beta-svc, gamma-svc (alpha-api stopped on 03-11) and
    // alpha-web (stopped on 03-24, after it), plus gamma-jobs (adopted 03-10) and tools.
    await t.database.db
      .updateTable('releases')
      .set({ released_at: new Date('2025-03-21T00:00:00Z') })
      .where('id', '=', org.releaseA)
      .execute();
    await affectedFollowUp(t.database.db, org.releaseA, silentLogger, org.now);
    const a = await view(org.releaseA);
    expect(a.teams.flatMap((team) => team.services.map((s) => [s.service, s.migratedAt]))).toEqual([
      ['gamma-jobs', null],
      ['gamma-svc', null],
      ['beta-svc', null],
      ['alpha-web', '2025-03-24T09:00:00.000Z'],
    ]);
    await t.database.db
      .updateTable('releases')
      .set({ rules: JSON.stringify([{ files: 'README.md' }]) })
      .where('id', '=', org.releaseB)
      .execute();
    await affectedFollowUp(t.database.db, org.releaseB, silentLogger, org.now);
    const b = await view(org.releaseB);
    expect(b).toMatchObject({ evaluated: false, affected: 0, migrated: 0, progress: null, open: true });
    const rules = await t.call('GET', '/api/v1/deprecations/rules');
    expect(rules.body.reread).toHaveLength(7);
  });
});
