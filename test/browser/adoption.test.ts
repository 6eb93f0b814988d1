import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import type { TestDatabase } from '../db.js';
import { adoptionCatalog, LEDGER_COMMIT, seedAdoption } from './adoption-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

let harness: Harness;
let database: TestDatabase;
let browser: Browser;
let baseUrl: string;
const tokens = { admin: '', growthMember: '' };

beforeAll(async () => {
  harness = await startHarness(adoptionCatalog);
  ({ database, browser, baseUrl } = harness);
  tokens.admin = (await createToken(database.db, { name: 'test-admin', role: 'admin' })).token;
  tokens.growthMember = (
    await createToken(database.db, { name: 'gina', role: 'member', teamRef: 'group:default/growth' })
  ).token;
  // Mandates and declarations through the API, as a person would; detections straight into the tables, as a scan would.
  await seedAdoption(database.db, async (method, path, body) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  });
});

afterAll(async () => {
  await harness?.close();
});

const stat = (page: Page, id: string) => page.getByTestId(`stat-${id}`).textContent();
const bar = (page: Page, step: string) => page.getByTestId(`bar-${step}`).textContent();
async function views(capability: string, teamRef: string) {
  const cap = await database.db
    .selectFrom('entities')
    .select('id')
    .where('kind', '=', 'Capability')
    .where('name', '=', capability)
    .executeTakeFirstOrThrow();
  return database.db
    .selectFrom('capability_views')
    .select(['kind', 'subject'])
    .where('capability_id', '=', cap.id)
    .where('team_ref', '=', teamRef)
    .execute();
}

async function open(page: Page, path: string, token: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signIn(page, token);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

describe('adoption in a browser', () => {
  it('counts a member opening a capability page as aware, once, and lets them declare but not mandate', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    expect(await views('golden-ci', 'group:default/growth')).toEqual([]);
    await open(page, '/capabilities/golden-ci', tokens.growthMember);
    await page.getByRole('heading', { name: 'Adoption', exact: true }).waitFor();
    await expect.poll(() => views('golden-ci', 'group:default/growth')).toEqual([{ kind: 'page', subject: 'gina' }]);
    await page.getByRole('form', { name: 'Declare use' }).waitFor();
    expect(await page.getByText('As a member you can declare for your own team only.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Add mandate' }).count()).toBe(0);
    // Changing the range is not a new page load: still one view.
    await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: '24 mo' }).click();
    await page.waitForURL(/range=24/);
    await page.waitForTimeout(300);
    expect(await views('golden-ci', 'group:default/growth')).toHaveLength(1);
    await page.setViewportSize({ width: 820, height: 1000 });
    await page.locator('path.recharts-area-area').first().waitFor();
    await shot(page, 'adoption-capability-narrow');
    await page.setViewportSize({ width: 1280, height: 860 });

    // A capability nobody uses yet: every part of the section says so instead of drawing nothing.
    await page.goto(`${baseUrl}/capabilities/secrets-vault`);
    await expect
      .poll(() => page.getByTestId('adoption-reading').textContent())
      .toBe('None of the 4 eligible teams uses it yet.');
    expect(await stat(page, 'adoption-rate')).toBe('0%');
    expect(await stat(page, 'voluntary-share')).toBe('—');
    expect(await stat(page, 'median-days')).toBe('—');
    await page.getByText('No team used it in this period').waitFor();
    await page.getByText('No team has adopted it yet').waitFor();
    await page.getByText('No mandate: every adoption is voluntary').waitFor();
    await shot(page, 'adoption-capability-empty');
    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });

  it('shows a capability’s adoption, mandates and declarations, the heatmap and a team’s adoption', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await open(page, '/', tokens.admin);

    // Home: 3 adoptions in use (payments × both, identity × golden-ci); home.test.ts checks the rest of it.
    await expect.poll(() => page.getByTestId('stat-home-adoptions').textContent()).toBe('3');
    await page.locator('figure[aria-label="Capabilities by lifecycle"] .hbar-row').first().waitFor();
    await shot(page, 'adoption-home');

    await page.goto(`${baseUrl}/capabilities/golden-ci?range=24`);
    await page.getByRole('heading', { name: 'Adoption', exact: true }).waitFor();
    await expect.poll(() => stat(page, 'adoption-rate')).toBe('50%');
    expect(await stat(page, 'voluntary-share')).toBe('50%');
    expect(await stat(page, 'adopting-teams')).toBe('2 / 4');
    expect(await stat(page, 'median-days')).toBe('51 days');
    expect(await stat(page, 'churned-teams')).toBe('1');
    expect(await page.getByTestId('adoption-reading').textContent()).toBe(
      '2 of 4 eligible teams use it; 1 chose it freely, 1 under a mandate. 1 team stopped using it.',
    );
    // Each headline number and the funnel link to their definitions.
    expect(
      await page
        .locator('.adoption-headline [data-definition]')
        .evaluateAll((links) => links.map((l) => l.getAttribute('href'))),
    ).toEqual([
      '/docs/definitions#adoption-rate',
      '/docs/definitions#voluntary-share',
      '/docs/definitions#adopting',
      '/docs/definitions#days-from-ga',
      '/docs/definitions#churned',
    ]);
    expect(await page.locator('.adoption-funnel [data-definition="funnel"]').count()).toBe(1);

    // The curve: voluntary and mandated stacked as areas, eligible teams as a line, with a legend.
    const curve = page.getByRole('figure', { name: /Teams using it, per month/ });
    await expect.poll(() => curve.locator('path.recharts-area-area').count()).toBe(2);
    expect(await curve.locator('.recharts-line path.recharts-curve').count()).toBe(1);
    expect(await curve.locator('.recharts-legend-item-text').allTextContents()).toEqual([
      'Voluntary',
      'Mandated',
      'Eligible teams',
    ]);

    // The funnel: growth is aware from the first test; payments, search and identity are aware by having tried.
    expect(await bar(page, 'eligible')).toBe('4');
    expect(await bar(page, 'aware')).toBe('4');
    expect(await bar(page, 'tried')).toBe('3');
    expect(await bar(page, 'active')).toBe('2');
    expect(await bar(page, 'retained')).toBe('3');
    expect(await page.locator('.hbar-row[data-bar="active"]').textContent()).toContain('50%');

    // Adopting teams, earliest first, with the evidence behind each.
    const rows = page.locator('table.adopting-teams tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-team')))).toEqual([
      'search',
      'payments',
      'identity',
    ]);
    const payments = page.locator('tr[data-team="payments"]');
    expect(await payments.getByTestId('evidence-location').textContent()).toBe(
      'acme/ledger · .github/workflows/ci.yml:12',
    );
    expect(await payments.locator('code.evidence-text').textContent()).toBe('uses: acme/golden-ci/build@v3');
    expect(await payments.textContent()).toContain(`commit ${LEDGER_COMMIT.slice(0, 7)}`);
    expect(await payments.textContent()).toContain('voluntary');
    const identity = page.locator('tr[data-team="identity"]');
    expect(await identity.textContent()).toContain('mandated');
    expect(await identity.textContent()).toContain('by test-admin');
    expect(await page.locator('tr[data-team="search"]').textContent()).toContain('churned');
    expect(await page.locator('tr[data-team="search"]').textContent()).toContain('no longer matches');
    const notYet = page.getByRole('list', { name: 'Teams that have not adopted it' });
    expect(await notYet.locator('li').allTextContents()).toEqual(['Growthaware']);
    await shot(page, 'adoption-capability');

    // Week toggle: the curve is asked again per week.
    const weekly = page.waitForResponse((r) => r.url().includes('/adoption?') && r.url().includes('interval=week'));
    await page.getByRole('group', { name: 'Interval' }).getByRole('button', { name: 'Week' }).click();
    expect((await weekly).status()).toBe(200);
    await page
      .getByRole('figure', { name: /Teams using it, per week/ })
      .locator('path.recharts-area-area')
      .first()
      .waitFor();

    // Mandates: the seeded one is listed; adding one with a deadline before its start shows the server's reason on that field.
    const mandates = page.getByRole('list', { name: 'Mandates' });
    expect(await mandates.locator('li').count()).toBe(1);
    expect(await mandates.textContent()).toContain('Identity');
    expect(await mandates.textContent()).toContain('Audit finding A-12');
    await page.getByRole('button', { name: 'Add mandate' }).click();
    const form = page.getByRole('form', { name: 'New mandate' });
    await form.getByLabel('All customer teams').check();
    // Dates are typed YYYY-MM-DD, as the product writes them everywhere, not in the browser's mm/dd/yyyy picker.
    for (const field of [form.getByLabel('Effective from'), form.getByLabel('Deadline')]) {
      expect(await field.getAttribute('type')).toBe('text');
      expect(await field.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    }
    await form.getByLabel('Effective from').fill('01/12/2027');
    await form.getByRole('button', { name: 'Add mandate' }).click();
    await expect
      .poll(() => form.locator('[data-field-error="mandate-new-from"]').textContent())
      .toContain('Write the day as YYYY-MM-DD');
    await form.getByLabel('Effective from').fill('2027-01-01');
    await form.getByLabel('Deadline').fill('2026-12-01');
    await form.getByRole('button', { name: 'Add mandate' }).click();
    await expect
      .poll(() => form.locator('[data-field-error="mandate-new-deadline"]').textContent())
      .toContain('must not be before effectiveFrom');
    await shot(page, 'adoption-mandate-error');
    await form.getByLabel('Deadline').fill('2027-03-31');
    await form.getByLabel('Note').fill('Company-wide from next year.');
    await form.getByRole('button', { name: 'Add mandate' }).click();
    await expect.poll(() => mandates.locator('li').count()).toBe(2);
    const added = mandates.locator('li').filter({ hasText: 'All customer teams' });
    expect(await added.textContent()).toContain('upcoming');
    // Edit, then delete it.
    await added.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('form', { name: 'Change mandate' }).getByLabel('Note').fill('Company-wide from January.');
    await page.getByRole('form', { name: 'Change mandate' }).getByRole('button', { name: 'Save mandate' }).click();
    await expect.poll(() => added.textContent()).toContain('Company-wide from January.');
    await added.getByRole('button', { name: 'Delete' }).click();
    await added.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => mandates.locator('li').count()).toBe(1);

    // Declare that growth uses it since 2026-07-01 (122 days after GA, voluntary): 3 of 4, median of 10, 92, 122 = 92.
    const declare = page.getByRole('form', { name: 'Declare use' });
    await declare.getByLabel('Team').selectOption({ label: 'Growth' });
    expect(await declare.getByLabel('Since').getAttribute('placeholder')).toBe('YYYY-MM-DD');
    await declare.getByLabel('Since').fill('2026-07-01');
    await declare.getByLabel('Note').fill('Migrated the experiments pipeline.');
    await declare.getByRole('button', { name: 'Record declaration' }).click();
    await expect
      .poll(() => declare.getByRole('status').textContent())
      .toContain('Recorded: Growth uses Golden CI pipeline since');
    await expect.poll(() => stat(page, 'adopting-teams')).toBe('3 / 4');
    expect(await stat(page, 'adoption-rate')).toBe('75%');
    expect(await stat(page, 'voluntary-share')).toBe('67%');
    expect(await stat(page, 'median-days')).toBe('92 days');
    expect(await page.locator('tr[data-team="growth"]').textContent()).toContain('Migrated the experiments pipeline.');

    // The heatmap: one row per customer team, one column per capability.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Adoption' }).click();
    await page.getByRole('heading', { name: 'Adoption', level: 1 }).waitFor();
    const cell = (team: string, capability: string) =>
      page.locator(`tr[data-team="${team}"] td[data-capability="${capability}"]`).getAttribute('data-state');
    await page.locator('table.heatmap').waitFor();
    const states = async () => {
      const out: Record<string, string | null> = {};
      for (const team of ['growth', 'identity', 'payments', 'search'])
        for (const cap of ['golden-ci', 'secrets-vault', 'telemetry-sdk'])
          out[`${team} × ${cap}`] = await cell(team, cap);
      return out;
    };
    expect(await states()).toEqual({
      'growth × golden-ci': 'voluntary',
      'growth × secrets-vault': 'none',
      'growth × telemetry-sdk': 'none',
      'identity × golden-ci': 'mandated',
      'identity × secrets-vault': 'none',
      'identity × telemetry-sdk': 'none',
      'payments × golden-ci': 'voluntary',
      'payments × secrets-vault': 'none',
      'payments × telemetry-sdk': 'voluntary',
      'search × golden-ci': 'churned',
      'search × secrets-vault': 'none',
      'search × telemetry-sdk': 'none',
    });
    const teamOrder = () =>
      page.locator('table.heatmap tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-team')));
    expect(await teamOrder()).toEqual(['growth', 'identity', 'payments', 'search']);
    expect(await page.getByRole('list', { name: 'Legend' }).locator('li').allTextContents()).toEqual([
      'Voluntary',
      'Mandated',
      'Churned',
      'Not adopted',
    ]);
    expect(
      await page
        .locator('tr[data-team="payments"] td[data-capability="golden-ci"] .heatmap-cell')
        .getAttribute('data-tip'),
    ).toMatch(/voluntary, adopted 2026-03-11/);
    expect(await stat(page, 'teams-using')).toBe('3 / 4');
    await page.getByRole('group', { name: 'Sort teams by' }).getByRole('button', { name: 'Capabilities used' }).click();
    await expect.poll(teamOrder).toEqual(['payments', 'growth', 'identity', 'search']);
    await page.locator('tr[data-team="payments"] td[data-capability="golden-ci"] .heatmap-cell').hover();
    await shot(page, 'adoption-heatmap');

    // Identity's page: uses Golden CI under the mandate; Telemetry SDK is required and not adopted yet.
    await page.locator('tr[data-team="identity"]').getByRole('link', { name: 'Identity', exact: true }).click();
    await page.getByRole('heading', { name: /Identity/, level: 1 }).waitFor();
    const uses = page.locator('.team-adoption tbody tr');
    await expect
      .poll(() => uses.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-capability'))))
      .toEqual(['golden-ci']);
    expect(await uses.first().textContent()).toContain('mandated');
    const missing = page.getByRole('list', { name: 'Capabilities not adopted yet' });
    expect(await missing.locator('li').allTextContents()).toEqual([
      'Telemetry SDKBetarequired',
      'Secrets vaultExperimental',
    ]);
    await shot(page, 'adoption-team');

    await page.goto(`${baseUrl}/teams/payments`);
    await expect
      .poll(() =>
        page
          .locator('.team-adoption tbody tr')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-capability'))),
      )
      .toEqual(['golden-ci', 'telemetry-sdk']);

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)].sort()).toEqual([
      '400 POST /api/v1/capabilities/golden-ci/mandates',
      '401 GET /api/v1/me',
    ]);
  });
});
