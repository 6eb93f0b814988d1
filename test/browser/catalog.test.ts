import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import type { TestDatabase } from '../db.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage as open, shot, signIn, startHarness, type Harness } from './harness.js';

let harness: Harness;
let database: TestDatabase;
let browser: Browser;
let baseUrl: string;
const tokens = { admin: '', viewer: '' };

beforeAll(async () => {
  harness = await startHarness(catalogFiles);
  ({ database, browser, baseUrl } = harness);
  tokens.admin = (await createToken(database.db, { name: 'test-admin', role: 'admin' })).token;
  tokens.viewer = (await createToken(database.db, { name: 'test-viewer', role: 'viewer' })).token;
});

afterAll(async () => {
  await harness?.close();
});

const openPage = () => open(browser);

describe('the catalog in a browser', () => {
  it('signs in, shows the platform, edits a capability, searches and browses teams', async () => {
    const { page, errors, failedCalls } = await openPage();

    await page.goto(baseUrl);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'pvt_wrong');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown, revoked or expired');
    await signIn(page, tokens.admin);

    // Home: the seeded catalog's headline numbers.
    await page.getByRole('heading', { name: 'Your platform at a glance' }).waitFor();
    const stat = (id: string) => page.getByTestId(`stat-${id}`).textContent();
    await expect.poll(() => stat('customer-teams')).toBe('1');
    expect(await stat('platform-teams')).toBe('1');
    expect(await stat('services')).toBe('3');
    expect(await stat('capabilities')).toBe('2');
    await page.locator('figure[aria-label="Capabilities by lifecycle"] .hbar-row').first().waitFor();
    await shot(page, 'home');

    // The storefront: both capabilities as cards, with owner and category.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Capabilities' }).click();
    const cards = page.locator('article.capability-card');
    await expect.poll(() => cards.count()).toBe(2);
    const golden = cards.filter({ hasText: 'Golden CI pipeline' });
    expect(await golden.textContent()).toContain('Platform CI');
    expect(await golden.textContent()).toContain('ci');
    expect(await cards.filter({ hasText: 'Telemetry SDK' }).textContent()).toContain('Beta');
    await shot(page, 'capabilities');

    // A capability's page, its detect rule as code, then edit it as admin.
    await page.getByRole('link', { name: 'Golden CI pipeline' }).click();
    await page.getByRole('heading', { name: /Golden CI pipeline/ }).waitFor();
    expect(await page.locator('pre code').first().textContent()).toContain('files: ".github/workflows/*.yml"');
    await shot(page, 'capability');
    await page.getByRole('link', { name: 'Edit' }).click();
    const pattern = page.getByLabel('Line pattern (regex)');
    await pattern.waitFor();
    expect(await pattern.inputValue()).toBe('uses:\\s*acme/golden-ci/');

    // The server's reason for a bad regex appears next to that field.
    await pattern.fill('uses:(');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const patternError = page.locator('[data-field-error="rule-0-pattern"]');
    await expect.poll(() => patternError.textContent()).toContain('invalid regular expression');
    expect(await pattern.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'capability-form-error');

    // The GA date is typed YYYY-MM-DD like every date of the product; another shape is refused before saving.
    const ga = page.getByLabel('GA date');
    expect(await ga.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    await ga.fill('03/01/2025');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('[data-field-error="cap-ga"]').textContent()).toContain('YYYY-MM-DD');
    await ga.fill('2025-03-01');

    const description = 'Reusable CI with caching, SBOM, signed artifacts <b>and</b> provenance.';
    await pattern.fill('uses:\\s*acme/golden-ci/');
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/capabilities\/golden-ci$/);
    await expect.poll(() => page.getByTestId('capability-description').textContent()).toBe(description);
    expect(await page.locator('.timeline').textContent()).toContain('by test-admin');
    const row = await database.db
      .selectFrom('entities')
      .select(['description', 'spec'])
      .where('kind', '=', 'Capability')
      .where('name', '=', 'golden-ci')
      .executeTakeFirstOrThrow();
    expect(row.description).toBe(description);
    expect((row.spec as { detect: unknown[] }).detect).toEqual([
      { files: '.github/workflows/*.yml', pattern: 'uses:\\s*acme/golden-ci/' },
    ]);

    // The header search finds a service; its page links to its team.
    await page.getByLabel('Search the catalog').fill('ledger');
    await page.getByLabel('Search the catalog').press('Enter');
    await page.waitForURL(/\/search\?q=ledger/);
    const services = page.getByRole('list', { name: 'Services' });
    await services.getByRole('link', { name: 'Ledger' }).click();
    await page.getByRole('heading', { name: /Ledger/ }).waitFor();
    expect(await page.locator('.detail-list').textContent()).toContain('PLEDGER1');
    expect(await page.getByRole('link', { name: 'acme/ledger ↗' }).getAttribute('href')).toBe(
      'https://github.com/acme/ledger',
    );
    await shot(page, 'service');

    // The owning team's page lists its services and members.
    await page.locator('.detail-list').getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('heading', { name: /Payments/ }).waitFor();
    const table = page.getByRole('table', { name: 'Services owned by payments' });
    await expect.poll(() => table.locator('tbody th a').allTextContents()).toEqual(['Checkout', 'Ledger']);
    expect(await page.locator('.members').textContent()).toContain('Alice Example');
    await shot(page, 'team');

    // The services list shows the dangling owner as "unowned" with its raw reference.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    const legacy = page.getByRole('row').filter({ hasText: 'legacy-batch' });
    await expect.poll(() => legacy.textContent()).toContain('unowned');
    expect(await legacy.textContent()).toContain('ghost-team');
    await shot(page, 'services');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await expect.poll(() => page.locator('.import-item').first().textContent()).toContain('test-catalog');
    await shot(page, 'imports');

    expect(errors).toEqual([]);
    // Only the expected refusals: "who am I?" before signing in, the wrong token, and the bad regex.
    expect([...new Set(failedCalls)].sort()).toEqual([
      '400 PATCH /api/v1/capabilities/golden-ci',
      '401 GET /api/v1/me',
      '401 POST /api/v1/session',
    ]);
  });

  it('sends a signed-out visitor to sign in and back; a viewer sees no edit buttons', async () => {
    const { page, errors, failedCalls } = await openPage();
    await page.goto(`${baseUrl}/capabilities/telemetry-sdk`);
    await page.waitForURL(/\/sign-in\?next=%2Fcapabilities%2Ftelemetry-sdk/);
    await signIn(page, tokens.viewer);
    await page.waitForURL(/\/capabilities\/telemetry-sdk$/);
    await page.getByRole('heading', { name: /Telemetry SDK/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Capabilities' }).click();
    await page.locator('article.capability-card').first().waitFor();
    expect(await page.getByRole('link', { name: 'New capability' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${baseUrl}/teams`);
    await page.waitForURL(/\/sign-in\?next=%2Fteams/);
    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });
});
