import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogFile } from '../../src/modules/catalog/entity.js';
import { createToken } from '../../src/modules/auth/service.js';
import { adoptionCatalog, seedAdoption } from './adoption-fixture.js';
import { shot, startHarness, type Harness } from './harness.js';

/**
 * Layout at a laptop's 1440 × 900, measured: boxes that must stay inside their card, widths a person can use,
 * and text that reads one way. The adoption fixture, plus teams whose titles sort apart from their names, a
 * platform team with a long title owning capabilities with docs, and incidents with long titles.
 */
const extra: CatalogFile = {
  path: 'layout.yaml',
  content: [
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: cx, title: Customer Experience }
spec: { type: team, children: [] }
`,
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: zz-ads, title: Ads operations }
spec: { type: team, parent: cx, children: [] }
`,
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform-devex, title: Platform Developer Experience }
spec: { type: team, children: [] }
`,
    ...['dev-environments', 'feature-flags', 'service-templates'].map(
      (name) => `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata:
  name: ${name}
  title: Cloud development environments for ${name}
  description: Ready-to-code containers with the service and its dependencies, started from the pull request.
spec:
  owner: platform-devex
  lifecycle: experimental
  category: developer-portal-and-tooling
  docs: https://docs.example.com/${name}
`,
    ),
  ].join('---\n'),
};

let harness: Harness;
let browser: Browser;
let baseUrl: string;
let token = '';

const DAY = 86_400_000;
const ago = (days: number, hours = 0) => new Date(Date.now() - days * DAY - hours * 3_600_000).toISOString();
const LONG = 'Latency SLO burn rate above threshold on the checkout path while the database failed over';

beforeAll(async () => {
  harness = await startHarness([...adoptionCatalog, extra]);
  ({ browser, baseUrl } = harness);
  token = (await createToken(harness.database.db, { name: 'test-admin', role: 'admin' })).token;
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
  await seedAdoption(harness.database.db, call);
  const incidents = Array.from({ length: 8 }, (_, n) => ({
    id: `PINC${n}LONGIDENTIFIER`,
    service: n % 2 ? 'ledger' : 'checkout',
    title: `${n % 2 ? 'ledger' : 'checkout'}: ${LONG}`,
    severity: 'P2',
    causes: ['deployment', 'schema-migration'],
    triggeredAt: ago(n + 1),
    ...(n === 0 ? {} : { resolvedAt: ago(n + 1, -3) }),
  }));
  const res = await call('POST', '/incidents', incidents);
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await harness?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on the page');
  return b;
};
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${baseUrl}${path}`);
  return { page, errors };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const COLUMN_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

describe('layout at 1440 × 900', () => {
  it('gives the top-bar search box a usable width, and a click in its middle types into it', async () => {
    const { page, errors } = await open('/teams');
    const box = await boxOf(page.locator('form.search-box'));
    expect(box.width).toBeGreaterThanOrEqual(320);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('global-search');
    // The text area itself, past the icon's padding, is wide too.
    const textWidth = await page
      .locator('#global-search')
      .evaluate((el) => el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft));
    expect(textWidth).toBeGreaterThanOrEqual(280);
    await page.keyboard.type('ledger');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=ledger/);
    // All twelve links an organisation admin has (Audit included) are on screen, none clipped.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').count()).toBe(12);
    expect(await nav.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('keeps each offered capability card’s owner, category and docs inside the card, and cards apart', async () => {
    const { page, errors } = await open('/teams/platform-devex');
    const cards = page.locator('article.capability-card');
    await expect.poll(() => cards.count()).toBe(3);
    const boxes: Box[] = [];
    for (let i = 0; i < 3; i++) {
      const card = cards.nth(i);
      const cardBox = await boxOf(card);
      boxes.push(cardBox);
      for (const part of ['.capability-card-top .badge', '.capability-card-meta dt', '.capability-card-meta dd']) {
        const parts = card.locator(part);
        for (let j = 0; j < (await parts.count()); j++) {
          expect(inside(await boxOf(parts.nth(j)), cardBox), `${part} #${j} of card ${i}`).toBe(true);
        }
      }
      expect(await card.locator('.capability-card-meta').textContent()).toContain('Platform Developer Experience');
    }
    expect(overlap(boxes[0]!, boxes[1]!) || overlap(boxes[1]!, boxes[2]!) || overlap(boxes[0]!, boxes[2]!)).toBe(false);
    await shot(page, 'layout-platform-team');
    expect(errors).toEqual([]);
  });

  it('fits the incidents table in its card, the title on a few lines, times in one format with their zone', async () => {
    const { page, errors } = await open('/incidents');
    const rows = page.locator('table.incidents tbody tr');
    await expect.poll(() => rows.count()).toBe(8);
    const wrap = page.locator('.incidents-page .table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(
      inside(await boxOf(page.locator('table.incidents')), await boxOf(page.locator('.incidents-page > .card'))),
    ).toBe(true);
    // The title gets the room: the widest column, so a 110-character title and its facts take about five lines,
    // where a squeezed first column took nine or more.
    const widths = await page
      .locator('table.incidents thead th')
      .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
    expect(widths[0]).toBe(Math.max(...widths));
    expect(widths[0]).toBeGreaterThanOrEqual(320);
    const lineHeight = await page
      .locator('table.incidents tbody th')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    for (let i = 0; i < 8; i++) {
      expect((await boxOf(rows.nth(i).locator('th'))).height).toBeLessThanOrEqual(lineHeight * 6 + 24);
    }
    // Times: YYYY-MM-DD HH:MM under headers that name the zone; the period's inputs and label read the same way.
    const headers = await page.locator('table.incidents thead th').allTextContents();
    expect(headers.filter((h) => h.includes('(UTC)'))).toHaveLength(3);
    for (const time of await page.locator('table.incidents tbody time').allTextContents())
      expect(time).toMatch(COLUMN_TIME);
    const from = await page.locator('#period-from').inputValue();
    const to = await page.locator('#period-to').inputValue();
    expect(from).toMatch(ISO_DAY);
    expect(to).toMatch(ISO_DAY);
    expect(await page.getByTestId('period-label').textContent()).toContain(`${from} – ${to}`);
    await shot(page, 'layout-incidents');
    expect(errors).toEqual([]);
  });

  it('lists teams by the title it shows, with the capabilities each offers or uses', async () => {
    const { page, errors } = await open('/teams');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(9);
    expect(await page.locator('table tbody th a').allTextContents()).toEqual([
      'Ads operations', // zz-ads
      'Customer Experience', // cx
      'Finance',
      'Growth',
      'Identity',
      'Payments',
      'Platform CI',
      'Platform Developer Experience',
      'Search',
    ]);
    expect(await page.locator('table thead th').allTextContents()).toContain('Capabilities offered / used');
    const capabilities = async (team: string) =>
      page.locator(`tr:has(th a[href="/teams/${team}"]) td[data-cell="capabilities"]`).textContent();
    await expect.poll(() => capabilities('payments')).toBe('2 used'); // Golden CI and Telemetry SDK
    expect(await capabilities('search')).toBe('0 used'); // churned Golden CI: no longer used
    expect(await capabilities('platform-ci')).toBe('3 offered');
    expect(await capabilities('platform-devex')).toBe('3 offered');
    expect(await capabilities('cx')).toBe('—'); // owns neither services nor capabilities
    // The parent by its title, as the team column shows teams.
    expect(await page.locator('tr:has(th a[href="/teams/zz-ads"]) td').nth(1).textContent()).toBe(
      'Customer Experience',
    );
    expect(errors).toEqual([]);
  });

  it('opens the stale scans the home page counts, from its attention list', async () => {
    const { page, errors } = await open('/');
    const stale = page.getByTestId('attention-stale-scans');
    await stale.waitFor();
    // Nothing widens the page past the window (a chart's hidden data table once did).
    await page.locator('figure.chart table').first().waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    const n = Number((await stale.locator('.attention-count').textContent())?.replace(/,/g, ''));
    expect(n).toBeGreaterThan(0);
    await stale.getByRole('link', { name: 'see which' }).click();
    await page.waitForURL(/\/repositories\?state=stale$/);
    const rows = page.getByRole('table', { name: 'Scanned repositories' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(n);
    expect(await rows.first().textContent()).toContain('not scanned in 7 days');
    await shot(page, 'layout-repositories');
    expect(errors).toEqual([]);
  });

  it('pins the heatmap’s headers, fits it on the page, and opens a cell’s evidence', async () => {
    const { page, errors } = await open('/adoption');
    const wrap = page.locator('.heatmap-wrap');
    await wrap.waitFor();
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(inside(await boxOf(wrap), await boxOf(page.locator('.main')))).toBe(true);
    const position = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).position);
    expect(await position('table.heatmap thead th')).toBe('sticky');
    expect(await position('table.heatmap tbody th.heatmap-team')).toBe('sticky');
    // Not adopted: nothing to open. Adopted: the capability page, at the team's entry with its evidence.
    expect(await page.locator('tr[data-team="payments"] td[data-capability="secrets-vault"] a').count()).toBe(0);
    await page.locator('tr[data-team="payments"] td[data-capability="golden-ci"] a').click();
    await page.waitForURL(/\/capabilities\/golden-ci#adopting-payments$/);
    const entry = page.locator('#adopting-payments');
    await entry.waitFor();
    await expect.poll(() => entry.evaluate((el) => el.classList.contains('is-target'))).toBe(true);
    const box = await boxOf(entry);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    expect(await entry.textContent()).toContain('acme/golden-ci');
    expect(errors).toEqual([]);
  });
});
