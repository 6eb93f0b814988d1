import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/jobs/registry.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { CatalogFile } from '../../src/modules/catalog/entity.js';
import { createToken } from '../../src/modules/auth/service.js';
import { runImport } from '../../src/modules/imports/run-import.js';
import { deriveDeliveryJob } from '../../src/modules/inbox/derive-job.js';
import { silentLogger } from '../../src/http/logger.js';
import { componentDoc, documents, groupDoc } from '../descriptors.js';
import type { TestDatabase } from '../db.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';
import { githubExample } from '../github-examples.js';

/*
 * Team payments owns ledger (github.com/project-slug acme/ledger), checkout, and payments-api (no annotation yet);
 * team search owns finder. The period is 2025-03-03 (a Monday) to 2025-03-30 included: [03-03, 03-31), 28 days,
 * four calendar weeks W1 03-03, W2 03-10, W3 03-17, W4 03-24.
 *
 * ledger commits c1 03-03 08:00, c2 03-03 10:00, c3 03-05 09:00, c4 03-11 12:00, c5 03-18 06:00, c6 03-25 00:00.
 * Deployments: L1 (c2) 03-03 12:00 ships c1, c2: 4 h, 2 h · L2 (c3) 03-05 10:00: 1 h · L3 (c4) 03-12 12:00: 24 h ·
 * L4 (c5) 03-18 08:00: 2 h · L5 (c6) 03-25 06:00: 6 h · checkout C1 (no commit) 03-20 10:00 · finder F1 03-10 10:00.
 * Incidents: I1 ledger 03-05 11:00–11:45 → L2 · I2 ledger 03-12 14:00–20:00 → L3 · I3 ledger 03-12 18:00–03-13 02:00 → L3 ·
 * I4 checkout 03-20 09:00, unresolved: no checkout deployment before it, so unattributed; C1 finishes during it (rework) ·
 * I5 ledger 03-26 10:00, unresolved → L5 (28 h after) · I6 finder 03-10 11:00–12:00 → F1.
 *
 * Team payments, by DOMAIN.md:
 * - deployments 6 (L1–L5, C1): 6 / 28 days = 0.214 a day = 1.5 a week → "1.5 / week", high (≥ 1 a week, < 1 a day).
 * - lead time: 4, 2, 1, 24, 2, 6 h → sorted 1, 2, 2, 4, 6, 24, median (2 + 4) / 2 = 3 h, n 6 → elite (< 1 day).
 * - change fail rate: L2, L3, L5 failed → 3 / 6 = 50 % → low (> 15 %).
 * - failed deployment recovery: L2 11:45 − 11:00 = 0.75 h; L3 03-13 02:00 − 03-12 14:00 = 12 h; L5 unresolved, left out;
 *   median (0.75 + 12) / 2 = 6.375 h → "6.4 h", n 2 → high (< 1 day).
 * - rework: C1 only → 1 / 6 = 16.7 %.
 * - incident recovery: I1 0.75 h, I2 6 h, I3 8 h → median 6 h, n 3; I4 and I5 unresolved → 2.
 * - per week, deployments: W1 2 (L1, L2), W2 1 (L3), W3 2 (L4, C1), W4 1 (L5).
 * The organisation adds F1 and I6: 7 deployments / 28 days × 7 = 1.75 a week → "1.8 / week" (two significant digits).
 *
 * The previous 28 days, [02-03, 03-03): ledger commit c9 02-10 08:00, P1 (c9) 02-10 12:00 ships it: 4 h; P2 (no commit)
 * 02-17 10:00; no incident. Against it, team payments: frequency 6 against 2 = +200 % (better); lead time 3 h against
 * 4 h = −25 % (better); change fail rate 50 % against 0 % = +50 pts (worse); rework 16.7 % against 0 % = +16.7 pts
 * (worse); no recovery and no incident before, so no change shown for either.
 * Q1 2025 ([01-01, 04-01), 90 days) holds P1, P2, L1–L5 and C1 for the team: 8 / 90 × 7 = 0.622 a week → "0.62 / week".
 */
const PERIOD = 'from=2025-03-03&to=2025-03-30';
const sha = (n: number) => String(n).repeat(40);
const at = (local: string) => `2025-${local}:00Z`;

const catalog = (paymentsApiAnnotations: Record<string, string>): CatalogFile[] => [
  {
    path: 'catalog.yaml',
    content: documents(
      groupDoc('payments'),
      groupDoc('search'),
      componentDoc('ledger', 'payments', { annotations: { 'github.com/project-slug': 'acme/ledger' } }),
      componentDoc('checkout', 'payments'),
      componentDoc('payments-api', 'payments', { annotations: paymentsApiAnnotations }),
      componentDoc('finder', 'search'),
    ),
  },
];

const changes = [
  [1, '03-03T08:00'],
  [2, '03-03T10:00'],
  [3, '03-05T09:00'],
  [4, '03-11T12:00'],
  [5, '03-18T06:00'],
  [6, '03-25T00:00'],
  [9, '02-10T08:00'],
].map(([n, t]) => ({ service: 'ledger', commit: sha(n as number), timestamp: at(t as string) }));

const deployments = [
  { id: 'L1', service: 'ledger', commit: sha(2), finishedAt: at('03-03T12:00') },
  { id: 'L2', service: 'ledger', commit: sha(3), finishedAt: at('03-05T10:00') },
  { id: 'L3', service: 'ledger', commit: sha(4), finishedAt: at('03-12T12:00') },
  { id: 'L4', service: 'ledger', commit: sha(5), finishedAt: at('03-18T08:00') },
  { id: 'L5', service: 'ledger', commit: sha(6), finishedAt: at('03-25T06:00') },
  { id: 'C1', service: 'checkout', finishedAt: at('03-20T10:00') },
  { id: 'F1', service: 'finder', finishedAt: at('03-10T10:00') },
  { id: 'P1', service: 'ledger', commit: sha(9), finishedAt: at('02-10T12:00') },
  { id: 'P2', service: 'ledger', finishedAt: at('02-17T10:00') },
];

const incidents = [
  {
    id: 'I1',
    service: 'ledger',
    title: 'Ledger timeouts',
    severity: 'SEV2',
    triggeredAt: at('03-05T11:00'),
    resolvedAt: at('03-05T11:45'),
  },
  {
    id: 'I2',
    service: 'ledger',
    title: 'Double entries',
    severity: 'SEV1',
    url: 'https://acme.pagerduty.com/incidents/I2',
    triggeredAt: at('03-12T14:00'),
    resolvedAt: at('03-12T20:00'),
  },
  {
    id: 'I3',
    service: 'ledger',
    title: 'Slow reconciliation',
    severity: 'SEV3',
    triggeredAt: at('03-12T18:00'),
    resolvedAt: at('03-13T02:00'),
  },
  { id: 'I4', service: 'checkout', title: 'Card form blank', severity: 'SEV2', triggeredAt: at('03-20T09:00') },
  {
    id: 'I5',
    service: 'ledger',
    title: 'Balance drift',
    severity: 'SEV3',
    causes: ['config'],
    triggeredAt: at('03-26T10:00'),
  },
  { id: 'I6', service: 'finder', title: 'Search down', triggeredAt: at('03-10T11:00'), resolvedAt: at('03-10T12:00') },
];

// GitHub's own example payloads, pointed at acme/payments-api, a repository no service names yet.
const SECRET = 'browser-test-webhook-secret';
const push = githubExample('push', 4);
push.repository.full_name = 'acme/payments-api';
push.commits.push({ ...push.commits[0], id: 'b'.repeat(40), timestamp: '2019-05-15T15:19:40Z' });
const deployed = githubExample('deployment_status', 0);
deployed.repository.full_name = 'acme/payments-api';
deployed.deployment.sha = 'b'.repeat(40);
// A push GitHub would never send: no repository name. Stored, marked failed with the reason, nothing derived.
const broken = githubExample('push', 4);
delete broken.repository.full_name;

let harness: Harness;
let database: TestDatabase;
let browser: Browser;
let baseUrl: string;
const tokens = { admin: '', member: '' };

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

async function deliver(event: string, payload: unknown, deliveryId: string) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const res = await fetch(`${baseUrl}/webhooks/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': signature,
    },
    body,
  });
  expect(res.status).toBe(202);
}

beforeAll(async () => {
  harness = await startHarness(catalog({}));
  ({ database, browser, baseUrl } = harness);
  tokens.admin = (await createToken(database.db, { name: 'test-admin', role: 'admin' })).token;
  tokens.member = (
    await createToken(database.db, { name: 'mia', role: 'member', teamRef: 'group:default/payments' })
  ).token;
  const none = { updated: 0, unchanged: 0, rejected: [] };
  expect((await call('POST', '/changes', changes)).body).toEqual({ created: 7, ...none });
  expect((await call('POST', '/deployments', deployments)).body).toEqual({ created: 9, ...none });
  expect((await call('POST', '/incidents', incidents)).body).toEqual({ created: 6, ...none });

  expect(
    (await call('POST', '/integrations', { provider: 'github', name: 'browser-test', secret: SECRET })).status,
  ).toBe(201);
  await deliver('push', push, 'gh-push');
  await deliver('deployment_status', deployed, 'gh-deployed');
  await deliver('push', broken, 'gh-broken');
  // The test is the worker here: derive the three stored deliveries.
  expect(await new JobRunner(database.db, createRegistry([deriveDeliveryJob(database.db)]), silentLogger).drain()).toBe(
    1,
  );
});

afterAll(async () => {
  await harness?.close();
});

async function open(page: Page, path: string, token: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await signIn(page, token);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

const stat = (page: Page, id: string) => page.getByTestId(`stat-${id}`).textContent();
const level = (page: Page, id: string) => page.getByTestId(`level-${id}`).textContent();
const hint = (page: Page, id: string) => page.getByTestId(`n-${id}`).textContent();
const rowIds = (page: Page, selector: string, attribute: string) =>
  page.locator(selector).evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a)), attribute);
const cells = (page: Page, table: string, cell: string) =>
  page.locator(`${table} tbody td[data-cell="${cell}"]`).allTextContents();

describe('delivery in a browser', () => {
  it('shows a team’s four key metrics with levels, weekly trends, and the failed deployments behind the change fail rate', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await open(page, `/delivery?${PERIOD}`, tokens.admin);

    // The organisation first: 7 deployments in 28 days = 1.75 a week, two significant digits.
    await expect.poll(() => stat(page, 'deployment-frequency')).toBe('1.8 / week');

    // Pick the team from the catalog's teams: choosing it shows it.
    await page.getByRole('group', { name: 'Scope' }).getByRole('button', { name: 'Team' }).click();
    const teamPicker = page.getByLabel('Team', { exact: true });
    await expect
      .poll(() => teamPicker.locator('option').allTextContents())
      .toEqual(['Choose a team', 'payments', 'search']);
    await teamPicker.selectOption('payments');
    await page.waitForURL(/scope=team%3Apayments/);
    await expect.poll(() => stat(page, 'deployment-frequency')).toBe('1.5 / week');
    expect(await page.getByTestId('period-label').textContent()).toContain('28 days');

    expect(await level(page, 'deployment-frequency')).toBe('high');
    expect(await hint(page, 'deployment-frequency')).toBe('6 deployments · 0.21 a day, 1.5 a week');
    expect(await stat(page, 'change-lead-time')).toBe('3 h');
    expect(await level(page, 'change-lead-time')).toBe('elite');
    expect(await hint(page, 'change-lead-time')).toBe('median of 6 commits shipped');
    expect(await stat(page, 'change-fail-rate')).toBe('50%');
    expect(await level(page, 'change-fail-rate')).toBe('low');
    expect(await hint(page, 'change-fail-rate')).toBe('3 of 6 deployments caused an incident');
    expect(await stat(page, 'recovery-time')).toBe('6.4 h');
    expect(await level(page, 'recovery-time')).toBe('high');
    expect(await hint(page, 'recovery-time')).toBe('median of 2 recovered deployments');
    expect(await stat(page, 'rework-rate')).toBe('16.7%');
    expect(await hint(page, 'rework-rate')).toBe('1 of 6 deployments made while an incident was open');
    expect(await stat(page, 'incident-recovery-time')).toBe('6 h');
    expect(await hint(page, 'incident-recovery-time')).toBe('median of 3 resolved incidents · 2 unresolved');
    expect(await page.getByTestId('dora-reading').textContent()).toBe(
      'Team payments deployed to production 6 times (1.5 / week); 50% caused an incident, recovered from in a median 6.4 h.',
    );

    // Against the previous 28 days (February's P1 and P2).
    const change = (id: string) => page.getByTestId(`change-${id}`);
    await expect.poll(() => change('deployment-frequency').textContent()).toBe('+200% vs previous 28 days');
    expect(await change('deployment-frequency').getAttribute('class')).toContain('change-better');
    expect(await change('change-lead-time').textContent()).toBe('−25% vs previous 28 days');
    expect(await change('change-lead-time').getAttribute('class')).toContain('change-better');
    expect(await change('change-fail-rate').textContent()).toBe('+50 pts vs previous 28 days');
    expect(await change('change-fail-rate').getAttribute('class')).toContain('change-worse');
    expect(await change('rework-rate').textContent()).toBe('+16.7 pts vs previous 28 days');
    expect(await change('recovery-time').count()).toBe(0);
    expect(await change('incident-recovery-time').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Team page' }).getAttribute('href')).toBe('/teams/payments');

    // The weekly trend: four calendar weeks, 2, 1, 2 and 1 deployments, four bars drawn.
    const trend = page.getByRole('figure', { name: 'Deployments, per week' });
    await expect.poll(() => trend.locator('.recharts-bar-rectangle').count()).toBe(4);
    expect(await trend.locator('svg.recharts-surface').count()).toBe(1);
    expect(await trend.locator('table tbody td').allTextContents()).toEqual(['2', '1', '2', '1']);
    // Change fail rate per week: W1 1 of 2, W2 1 of 1, W3 0 of 2, W4 1 of 1.
    expect(
      await page
        .getByRole('figure', { name: 'Change fail rate, per week' })
        .locator('table tbody td')
        .allTextContents(),
    ).toEqual(['50%', '100%', '0%', '100%']);

    // Behind the numbers: every deployment, newest first.
    await expect
      .poll(() => rowIds(page, 'table.deployments tbody tr', 'data-deployment'))
      .toEqual(['L5', 'C1', 'L4', 'L3', 'L2', 'L1']);
    expect(await cells(page, 'table.deployments', 'shipped')).toEqual(['1', '0', '1', '1', '1', '2']);
    // The header names the zone once, as the incidents table does; each time is YYYY-MM-DD HH:MM.
    for (const time of await page.locator('table.deployments tbody time').allTextContents())
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await shot(page, 'delivery-team');

    // Drill into the change fail rate: the three failed deployments, with their incidents and recovery.
    await page.getByTestId('stat-change-fail-rate').click();
    await page.waitForURL(/list=failed/);
    await expect.poll(() => rowIds(page, 'table.deployments tbody tr', 'data-deployment')).toEqual(['L5', 'L3', 'L2']);
    expect(await cells(page, 'table.deployments', 'lead-time')).toEqual(['6 h', '1 day', '1 h']);
    expect(await cells(page, 'table.deployments', 'recovery')).toEqual(['unresolved', '12 h', '45 min']);
    const incidentsOf = await cells(page, 'table.deployments', 'incidents');
    expect(incidentsOf[0]).toContain('Balance drift');
    expect(incidentsOf[1]).toContain('Double entries');
    expect(incidentsOf[1]).toContain('Slow reconciliation');
    expect(incidentsOf[2]).toContain('Ledger timeouts');
    expect(await page.locator('table.deployments tbody tr[data-deployment="L3"] code.commit').textContent()).toBe(
      '4444444',
    );
    await shot(page, 'delivery-failed');

    // The rework list: C1, deployed while I4 was open.
    await page
      .getByRole('navigation', { name: 'Lists behind the numbers' })
      .getByRole('link', { name: /Rework/ })
      .click();
    await expect.poll(() => rowIds(page, 'table.deployments tbody tr', 'data-deployment')).toEqual(['C1']);

    // The team page links to this page.
    await page.goto(`${baseUrl}/teams/payments`);
    const delivery = page.locator('.delivery-summary');
    await delivery.getByRole('link', { name: 'Open delivery' }).waitFor();
    expect(await delivery.getByRole('link', { name: 'Open delivery' }).getAttribute('href')).toBe(
      '/delivery?scope=team%3Apayments',
    );

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });

  it('takes a calendar quarter, links each metric to its definition, and says a team the catalog lacks is unknown', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await open(page, '/delivery?scope=team:payments&quarter=2025-Q1', tokens.admin);
    await expect.poll(() => stat(page, 'deployment-frequency')).toBe('0.62 / week');
    expect(await page.getByTestId('period-label').textContent()).toContain('90 days');
    expect(await page.getByLabel('Quarter').inputValue()).toBe('');
    // The 90 days before Q1 hold nothing: no change is claimed.
    expect(await page.getByTestId('change-deployment-frequency').count()).toBe(0);

    // The cards of a row are one height, also when a definition link below one of them wraps to two lines.
    const rows = new Map<number, number[]>();
    for (const card of await page.locator('.dora-metrics .metric > .stat').all()) {
      const box = await card.boundingBox();
      if (box) rows.set(Math.round(box.y), [...(rows.get(Math.round(box.y)) ?? []), Math.round(box.height)]);
    }
    expect([...rows.values()].flat()).toHaveLength(6);
    for (const heights of rows.values()) expect(new Set(heights).size).toBe(1);
    const links = await page
      .locator('.dora-metrics .definition-link')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.max(...links)).toBeGreaterThan(Math.min(...links) * 1.5); // one wraps at this width
    // Each number's explanation opens its definition.
    await page.getByTestId('define-change-fail-rate').click();
    await page.waitForURL((url) => url.pathname === '/docs/definitions' && url.hash === '#change-fail-rate');
    const heading = page.locator('h3#change-fail-rate');
    expect(await heading.textContent()).toContain('Change fail rate');
    await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(200);
    expect(await page.locator('h3#deployment-frequency + p').textContent()).toContain('1.5 a week');
    await shot(page, 'definitions');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/delivery');

    // The quarter picker offers this quarter, last quarter and the three before, and chooses by address.
    const quarter = page.getByLabel('Quarter');
    expect(await quarter.locator('option').count()).toBe(6);
    const last = await quarter.locator('option').nth(2).getAttribute('value');
    await quarter.selectOption(last ?? '');
    await page.waitForURL((url) => url.searchParams.get('quarter') === last);
    await expect.poll(() => quarter.inputValue()).toBe(last);
    // A whole past quarter: Q1 90 or 91 days, Q2 91, Q3 and Q4 92.
    const [year, q] = (last ?? '').split('-Q').map(Number) as [number, number];
    const days = (Date.UTC(year, q * 3, 1) - Date.UTC(year, q * 3 - 3, 1)) / 86_400_000;
    expect(await page.getByTestId('period-label').textContent()).toMatch(new RegExp(` · ${days} days, UTC$`));

    // A team that is not in the catalog: said so, and no link to a page that does not exist.
    await page.goto(`${baseUrl}/delivery?scope=team:nobody&${PERIOD}`);
    await expect.poll(() => page.getByTestId('unknown-scope').textContent()).toContain('No team named nobody');
    expect(await page.getByRole('heading', { name: 'Unknown team: nobody' }).count()).toBe(0);
    expect(await page.getByText('Unknown team: nobody').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Team page' }).count()).toBe(0);
    expect(await page.getByLabel('Team', { exact: true }).inputValue()).toBe('nobody');
    // Its incidents say the same, rather than "no incident".
    await page.getByRole('main').getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.waitForURL(/\/incidents\?/);
    await expect.poll(() => page.getByTestId('unknown-scope').textContent()).toContain('no incidents for it');
    expect(await page.locator('table.incidents').count()).toBe(0);

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me', '404 GET /api/v1/teams/nobody']);
  });

  it('lists a team’s incidents with recovery times and attributed deployments, open ones on their own', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await open(page, `/delivery?scope=team:payments&${PERIOD}`, tokens.member);
    await page.getByRole('main').getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.waitForURL(/\/incidents\?/);
    expect(new URL(page.url()).searchParams.get('scope')).toBe('team:payments');

    await expect.poll(() => stat(page, 'incidents')).toBe('5');
    expect(await stat(page, 'incident-recovery-time')).toBe('6 h');
    expect(await stat(page, 'unresolved')).toBe('2');
    await expect
      .poll(() => rowIds(page, 'table.incidents tbody tr', 'data-incident'))
      .toEqual(['I5', 'I4', 'I3', 'I2', 'I1']);
    // I3 18:00 → 02:00 = 8 h, I2 14:00 → 20:00 = 6 h, I1 45 min; I5 and I4 unresolved.
    expect(await cells(page, 'table.incidents', 'recovery')).toEqual(['—', '—', '8 h', '6 h', '45 min']);
    const attributed = await cells(page, 'table.incidents', 'deployment');
    expect(attributed[0]).toContain('6666666');
    expect(attributed[1]).toBe('none');
    expect(attributed[4]).toContain('3333333');
    // An incident with its page at the sender opens there.
    expect(await page.locator('tr[data-incident="I2"] th a').getAttribute('href')).toBe(
      'https://acme.pagerduty.com/incidents/I2',
    );
    expect(await page.locator('tr[data-incident="I1"] th a').count()).toBe(0);
    await shot(page, 'incidents');

    await page.getByRole('navigation', { name: 'Incident status' }).getByRole('link', { name: /Open/ }).click();
    await page.waitForURL(/status=open/);
    await expect.poll(() => rowIds(page, 'table.incidents tbody tr', 'data-incident')).toEqual(['I5', 'I4']);

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });

  it('shows unmapped names with the annotation to add and failed deliveries; an admin maps again and reprocesses', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await open(page, '/unmapped', tokens.member);
    const row = page.locator('tr[data-unmapped="acme/payments-api"]');
    await row.waitFor();
    // The push carried two commits, the deployment status one production deployment.
    expect(await row.locator('td.num').allTextContents()).toEqual(['1', '2', '0']);
    expect(await row.getByTestId('annotation').textContent()).toBe('github.com/project-slug: acme/payments-api');
    const failed = page.locator('tr[data-delivery="gh-broken"]');
    await failed.waitFor();
    const stored = await database.db
      .selectFrom('deliveries')
      .select(['status', 'error'])
      .where('delivery_id', '=', 'gh-broken')
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('failed');
    expect(await failed.locator('[data-cell="reason"]').textContent()).toBe(stored.error);
    expect(stored.error).toContain('repository.full_name');
    // A member sees what to fix, but not the admin buttons.
    expect(await page.getByRole('button', { name: 'Map again' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reprocess failed' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    // The platform team adds the annotation to payments-api and imports the catalog again; an admin maps again.
    const imported = await runImport(database.db, {
      files: catalog({ 'github.com/project-slug': 'acme/payments-api' }),
      source: 'test-catalog',
      skipInvalid: false,
      actor: 'test',
    });
    expect(imported.problems).toEqual([]);
    await page.goto(`${baseUrl}/unmapped`);
    await page.waitForURL(/\/sign-in\?next=%2Funmapped/);
    await signIn(page, tokens.admin);
    await page.waitForURL(/\/unmapped$/);
    await row.waitFor();
    await page.getByRole('button', { name: 'Map again' }).click();
    await expect
      .poll(() => page.getByTestId('remap-result').textContent())
      .toBe('Mapped 1 deployment, 2 changes and 0 incidents to their services.');
    await page.getByText('Everything maps to a service').waitFor();
    const mapped = await database.db
      .selectFrom('changes')
      .innerJoin('entities', 'entities.id', 'changes.service_id')
      .select('entities.name')
      .where('changes.repository', '=', 'acme/payments-api')
      .execute();
    expect(mapped).toEqual([{ name: 'payments-api' }, { name: 'payments-api' }]);

    await page.getByRole('button', { name: 'Reprocess failed' }).click();
    await expect
      .poll(() => page.locator('.failed-deliveries [role="status"]').textContent())
      .toContain('Queued 1 delivery for reprocessing');
    await shot(page, 'unmapped');

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });
});
