import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { affectedFollowUp } from '../../src/modules/shipping/migrations/affected.js';
import { demosCatalog, detection, seedAdoption } from '../demos-org.js';
import { componentDoc, documents, groupDoc } from '../descriptors.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

// A hand-made organisation (test/demos-org.ts, plus base-images and three teams touched only by the deprecation),
// looked at over 1 February to 30 April 2025. Everything that matters is written here with its date:
//
// Releases (through the API)               type         notes        views  closes
//   golden-ci 1.0.0    2025-01-10           feature      yes          3      (before the period: not counted)
//   golden-ci 1.1.0    2025-02-20           feature      yes          4      q1, q2
//   golden-ci 1.1.1    2025-03-05           fix          empty        0      q3
//   golden-ci 1.2.0    2025-03-15           deprecation  yes          2      (deadline 2025-04-15)
//   base-images 3.0.0  2025-04-10           security     yes          1
//   base-images 3.1.0  2025-04-20           feature      blank "   "  0
// → 5 releases: feature 2, fix 1, deprecation 1, security 1; with notes 3 of 5 = 60%;
//   views (4 + 0 + 2 + 1 + 0) / 5 = 1.4 per release.
// Requests: q1 first vote 2025-01-21 → 1.1.0 on 2025-02-20 = 30 days; q2 first vote 2025-02-10 → 10 days; q3 has no
// vote (left out). Median of 30 and 10 = 20 days.
// Demo of golden-ci on 2025-03-01 attended by early, ten, seventy, never: early had adopted (2025-02-01), ten adopted
// 10 days after, seventy 70 days after, never not at all → 1 of 3 = 33%; its 60 days have passed (not provisional).
// The deprecation (golden-ci 1.2.0, 2025-03-15) affects the services whose golden-ci detection matched then:
// early-api and late-api (still matching), moved-api (unmatched 2025-04-01), gone-api (unmatched 2025-04-05);
// seventy-api adopted only in May. → 2 of 4 migrated = 50%; the deadline has passed: early and late are late.
const extra = {
  path: 'summary.yaml',
  content: documents(
    ...['late', 'moved', 'gone'].flatMap((team) => [groupDoc(team), componentDoc(`${team}-api`, team)]),
    `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: base-images, title: Base images }
spec: { owner: platform, lifecycle: ga, audience: [service], detect: [{ files: "Dockerfile" }] }
`,
  ),
};
const PERIOD = 'from=2025-02-01&to=2025-04-30';

let harness: Harness;
let token = '';
const ids: Record<string, number> = {};

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${harness.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as { id: number };
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json.id;
}

beforeAll(async () => {
  harness = await startHarness([demosCatalog, extra]);
  const db = harness.database.db;
  token = (await createToken(db, { name: 'test-admin', role: 'admin' })).token;
  await seedAdoption(db, async (team, date) => {
    await call('POST', '/capabilities/golden-ci/declarations', { team, status: 'using', date });
  });
  for (const [service, since] of [
    ['late-api', '2025-01-20'],
    ['moved-api', '2025-01-10'],
    ['gone-api', '2025-01-12'],
  ] as const)
    await detection(db, service, `${since}T00:00:00Z`);
  for (const [service, until] of [
    ['moved-api', '2025-04-01'],
    ['gone-api', '2025-04-05'],
  ] as const) {
    const repo = await db.selectFrom('repositories').select('id').where('name', '=', service).executeTakeFirstOrThrow();
    await db
      .updateTable('detections')
      .set({ matched: false, unmatched_since: `${until}T00:00:00Z` })
      .where('repository_id', '=', repo.id)
      .execute();
  }

  ids.q1 = await call('POST', '/requests', { team: 'ten', title: 'Remote cache for builds' });
  ids.q2 = await call('POST', '/requests', { team: 'seventy', title: 'Faster checkout' });
  ids.q3 = await call('POST', '/requests', { team: 'never', title: 'Nobody voted for this' });
  const votes = [
    [ids.q1, 'tim', '2025-01-21'],
    [ids.q1, 'tia', '2025-02-01'],
    [ids.q2, 'sam', '2025-02-10'],
  ] as const;
  for (const [request, person, day] of votes)
    await db
      .insertInto('request_votes')
      .values({
        request_id: request as number,
        person_ref: `user:default/${person}`,
        teams: '[]',
        voted_at: new Date(`${day}T00:00:00Z`),
      })
      .execute();

  const release = (capability: string, version: string, type: string, date: string, notes: string, more = {}) =>
    call('POST', '/releases', { capability, version, type, date, notes, ...more });
  const closes = (...keys: string[]) => keys.map((k) => ({ kind: 'request', id: ids[k] }));
  ids.r0 = await release('golden-ci', '1.0.0', 'feature', '2025-01-10', 'The first release.');
  ids.r1 = await release('golden-ci', '1.1.0', 'feature', '2025-02-20', 'A remote cache for builds.', {
    closes: closes('q1', 'q2'),
  });
  ids.r2 = await release('golden-ci', '1.1.1', 'fix', '2025-03-05', '', { closes: closes('q3') });
  ids.r3 = await release('golden-ci', '1.2.0', 'deprecation', '2025-03-15', 'The v1 workflow goes away.', {
    deadline: '2025-04-15',
  });
  ids.r4 = await release('base-images', '3.0.0', 'security', '2025-04-10', 'OpenSSL 3.0.14.');
  ids.r5 = await release('base-images', '3.1.0', 'feature', '2025-04-20', '   ');
  // The harness runs no jobs: the deprecation's affected services are fixed as its follow-up job would.
  await affectedFollowUp(db, ids.r3 as number, pino({ level: 'silent' }));

  const capability = async (name: string) =>
    (await db.selectFrom('entities').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const [golden, base] = [await capability('golden-ci'), await capability('base-images')];
  const views = [
    ...Array.from({ length: 3 }, () => [golden, ids.r0]),
    ...Array.from({ length: 4 }, () => [golden, ids.r1]),
    ...Array.from({ length: 2 }, () => [golden, ids.r3]),
    [base, ids.r4],
  ];
  await db
    .insertInto('capability_views')
    .values(
      views.map(([capabilityId, releaseId], i) => ({
        capability_id: capabilityId as number,
        release_id: releaseId as number,
        team_ref: null,
        subject: `user:default/reader-${i}`,
        kind: 'release-notes' as const,
        viewed_at: new Date('2025-05-02T09:00:00Z'),
      })),
    )
    .execute();
  ids.demo = await call('POST', '/demos', {
    capability: 'golden-ci',
    date: '2025-03-01',
    attendance: ['early', 'ten', 'seventy', 'never'].map((team) => ({ team })),
  });
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).trim();

describe('the shipping summary in a browser', () => {
  it('shows the figures computed by hand, each opening the items behind it', async () => {
    const { page, errors, failedCalls } = await openPage(harness.browser);
    await page.goto(`${harness.baseUrl}/shipping/summary?${PERIOD}`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, token);
    await page.waitForURL((url) => url.pathname === '/shipping/summary');
    await page.getByTestId('stat-releases').waitFor();
    failedCalls.length = 0; // the 401s before signing in

    expect(await text(page, 'period-label')).toContain('89 days');
    expect(await text(page, 'stat-releases')).toBe('5');
    expect(await text(page, 'n-releases')).toBe('2 feature · 1 fix · 1 security · 1 deprecation');
    expect(await text(page, 'stat-notes-share')).toBe('60%');
    expect(await text(page, 'n-notes-share')).toBe('3 of 5 releases');
    expect(await text(page, 'stat-views-per-release')).toBe('1.4');
    expect(await text(page, 'n-views-per-release')).toBe('7 views of 5 releases');
    expect(await text(page, 'stat-vote-to-release')).toBe('20 days');
    expect(await text(page, 'n-vote-to-release')).toBe('median of 2 requests · 1 closed with no vote, left out');
    expect(await text(page, 'stat-demo-conversion')).toBe('33%');
    expect(await text(page, 'n-demo-conversion')).toBe('1 of 3 teams · 1 demo pooled, 0 provisional');
    expect(await text(page, 'stat-migration-progress')).toBe('50%');
    expect(await text(page, 'n-migration-progress')).toBe('2 of 4 services · 2 teams late');

    // The table per capability and type; a count opens the changelog filtered to it.
    const table = page.getByRole('table', { name: 'Releases per capability and type' });
    const rows = await table.locator('tbody tr, tfoot tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'base-images 1 0 1 0 0 2',
      'golden-ci 1 1 0 1 0 3',
      'All capabilities 2 1 1 1 0 5',
    ]);
    await shot(page, 'shipping-summary');

    // "Releases with notes" opens the releases without: 1.1.1 (empty) and 3.1.0 (blank).
    await page.getByTestId('stat-notes-share').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#without-notes');
    expect(new URL(page.url()).search).toBe(`?${PERIOD}`);
    const without = page.getByRole('list', { name: 'Releases without notes' });
    expect((await without.locator('li').allInnerTexts()).map((t) => t.trim())).toEqual([
      'golden-ci 1.1.1',
      'base-images 3.1.0',
    ]);
    // The requests behind the median, longest wait first, each to its page.
    const requests = page.getByRole('table', { name: 'Requests from first vote to release' });
    expect((await requests.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Remote cache for builds 30 days golden-ci 1.1.0',
      'Faster checkout 10 days golden-ci 1.1.0',
    ]);
    expect(await requests.getByRole('link', { name: 'Faster checkout' }).getAttribute('href')).toBe(
      `/voice/requests/${ids.q2}`,
    );
    expect(await page.getByRole('link', { name: 'golden-ci, 2025-03-01' }).getAttribute('href')).toBe(
      `/shipping/demos/${ids.demo}`,
    );
    const migrations = page.getByRole('table', { name: 'Open migrations' });
    expect(await migrations.innerText()).toContain('2 of 4 · 50%');
    expect(await migrations.innerText()).toContain('early, late');
    expect(await migrations.getByRole('link', { name: 'Golden CI 1.2.0' }).getAttribute('href')).toBe(
      `/shipping/deprecations/${ids.r3}`,
    );

    await without.getByRole('link', { name: 'golden-ci 1.1.1' }).click();
    await page.waitForURL(`**/shipping/releases/${ids.r2}`);
    await page
      .getByRole('heading', { name: /1\.1\.1/ })
      .first()
      .waitFor();

    // A count in the table opens the changelog filtered by capability and type.
    await page.goBack();
    await table.waitFor();
    await table.locator('tr[data-capability="golden-ci"] td[data-cell="feature"] a').click();
    await page.waitForURL((url) => url.pathname === '/shipping');
    expect(new URL(page.url()).search).toBe('?capability=golden-ci&type=feature');
    await page.getByText('A remote cache for builds.').waitFor();
    expect(await page.getByText('The v1 workflow goes away.').count()).toBe(0);

    // The figure's definition is on the definitions page.
    await page.goto(`${harness.baseUrl}/docs/definitions#first-vote-to-release`);
    await page.getByRole('heading', { name: 'First vote to release' }).waitFor();

    expect(errors).toEqual([]);
    expect(failedCalls).toEqual([]);
  });

  it('reads on a phone, 390 px wide', async () => {
    const { page, errors } = await openPage(harness.browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.baseUrl}/shipping/summary?${PERIOD}`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, token);
    // (Views read 8 here: the first test opened golden-ci 1.1.1, and that reading counts.)
    await page.getByTestId('stat-migration-progress').waitFor();
    // Nothing wider than the screen but the tables, which scroll in their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    await shot(page, 'shipping-summary-390');
    expect(errors).toEqual([]);
  });
});
