import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { componentDoc, documents, groupDoc } from '../descriptors.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

const DAY = 86_400_000;
let h: Harness;

const capability = (name: string, lifecycle: string) =>
  `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: ${name} }\nspec: { owner: platform, lifecycle: ${lifecycle} }\n`;

async function detection(service: string, cap: string, adoptedAt: Date) {
  const db = h.database.db;
  const id = async (name: string) =>
    (await db.selectFrom('entities').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const repo = await db
    .insertInto('repositories')
    .values({
      path: `/repos/${service}/${cap}`,
      name: service,
      remote_url: null,
      service_id: await id(service),
      head: 'a'.repeat(40),
      head_date: adoptedAt,
      last_scan_id: null,
      last_scanned_at: new Date(),
      last_error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('detections')
    .values({
      repository_id: repo.id,
      capability_id: await id(cap),
      matched: true,
      evidence: JSON.stringify([{ ruleIndex: 0, file: 'ci.yml', line: 1, text: `uses: ${cap}` }]),
      commit: 'c'.repeat(40),
      commit_date: adoptedAt,
      adopted_at: adoptedAt,
      adoption_commit: 'c'.repeat(40),
      unmatched_since: null,
    })
    .execute();
}

beforeAll(async () => {
  h = await startHarness([
    {
      path: 'catalog-info.yaml',
      content: documents(
        groupDoc('platform'),
        groupDoc('alpha'),
        groupDoc('beta'),
        componentDoc('alpha-api', 'alpha'),
        componentDoc('beta-api', 'beta'),
        capability('golden-ci', 'ga'),
        capability('lab', 'experimental'),
      ),
    },
  ]);
  const now = Date.now();
  // golden-ci: alpha for a year (before the period), beta 10 days ago (in it) → 1 then 2 of 2, +1.
  await detection('alpha-api', 'golden-ci', new Date(now - 365 * DAY));
  await detection('beta-api', 'golden-ci', new Date(now - 10 * DAY));
  // Deployments: 3 of alpha-api in the last 90 days, 1 in the 90 before → 3, +200% against 1.
  const service = await h.database.db
    .selectFrom('entities')
    .select('id')
    .where('name', '=', 'alpha-api')
    .executeTakeFirstOrThrow();
  await h.database.db
    .insertInto('deployments')
    .values(
      [5, 20, 40, 120].map((days, i) => ({
        source: 'api',
        external_id: `d${i}`,
        repository: null,
        service_id: service.id,
        environment: 'production',
        commit_sha: null,
        finished_at: new Date(now - days * DAY),
        delivery_id: null,
      })),
    )
    .execute();
});
afterAll(() => h?.close());

describe('the home page', () => {
  it('shows adoption and delivery against the previous 90 days, and a member’s own team first', async () => {
    const { page, errors, failedCalls } = await openPage(h.browser);
    const member = await createToken(h.database.db, {
      name: 'alpha-dev',
      role: 'member',
      teamRef: 'group:default/alpha',
    });
    await page.goto(`${h.baseUrl}/sign-in`);
    await signIn(page, member.token);
    await page.getByRole('heading', { name: 'Your platform at a glance' }).waitFor();

    await expect.poll(() => page.getByTestId('stat-home-adoptions').textContent()).toBe('2');
    expect(await page.getByTestId('home-adoptions-change').textContent()).toContain('+1 since 90 days ago (1)');
    // GA capabilities: golden-ci only, 2 of 2 → median 100 %.
    expect(await page.getByTestId('stat-home-ga-adoption').textContent()).toBe('100%');
    const growing = page.getByRole('list', { name: 'Fastest-growing capabilities' });
    expect(await growing.locator('li').allTextContents()).toEqual(['golden-ci GA +1 team (1 → 2 of 2)']);
    // lab: experimental, nobody, 0 of 2 → stalling.
    const stalling = page.getByRole('list', { name: 'Stalling capabilities' });
    expect(await stalling.locator('li').getAttribute('data-capability')).toBe('lab');

    // The organisation's delivery: 3 deployments in the last 90 days against 1 before → +200 %.
    const org = page.locator('.home-delivery');
    await expect.poll(() => org.getByTestId('stat-home-deployments').textContent()).toBe('3');
    expect(await org.getByText('+200% vs previous 90 days').count()).toBe(1);
    // Each headline number links to its definition.
    expect(await org.locator('a[data-definition]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/docs/definitions#deployment-frequency',
      '/docs/definitions#change-lead-time',
      '/docs/definitions#change-fail-rate',
      '/docs/definitions#incident-recovery-time',
    ]);
    expect(await page.locator('.home-adoption a[data-definition]').count()).toBe(2);

    // The member's team comes first, with its own numbers and what to try next (lab, experimental).
    const team = page.locator('.your-team');
    expect(await team.getByRole('heading', { name: 'Your team: alpha' }).count()).toBe(1);
    await expect
      .poll(() => team.getByTestId('your-team-adoption').textContent())
      .toContain('Uses 1 capability: golden-ci');
    expect(await team.getByTestId('your-team-adoption').textContent()).toContain('Worth a look next: lab');
    await expect.poll(() => team.getByTestId('stat-home-deployments').textContent()).toBe('3');

    expect(await page.getByTestId('attention-unmapped').textContent()).toMatch(/^0/);
    // Capabilities by lifecycle: every lifecycle labelled, in rows that fit any width; recharts' axis once dropped
    // "Deprecated" for want of room.
    const lifecycles = page.locator('figure[aria-label="Capabilities by lifecycle"] .hbar-label');
    expect(await lifecycles.allTextContents()).toEqual(['Experimental', 'Beta', 'GA', 'Deprecated', 'Retired']);
    expect(await page.getByTestId('bar-ga').textContent()).toBe('1');
    await shot(page, 'home');
    // On a phone nothing runs past the screen: not the top bar's user and search, not a chart's hidden table.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBe(0);
    expect((await page.locator('form.search-box').boundingBox())?.width).toBeGreaterThan(300);
    await shot(page, 'home-narrow');
    expect(errors).toEqual([]);
    // The one 401 is the sign-in page asking who is signed in, before the token.
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });
});
