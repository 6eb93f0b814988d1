import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

let harness: Harness;
let browser: Browser;
let baseUrl: string;
let admin = '';
let viewer = '';

beforeAll(async () => {
  harness = await startHarness(catalogFiles);
  ({ browser, baseUrl } = harness);
  admin = (await createToken(harness.database.db, { name: 'test-admin', role: 'admin' })).token;
  viewer = (await createToken(harness.database.db, { name: 'test-viewer', role: 'viewer' })).token;
});

afterAll(async () => {
  await harness?.close();
});

describe('the audit trail in a browser', () => {
  it('shows a capability change with who made it and its fields before → after', async () => {
    const patched = await fetch(`${baseUrl}/api/v1/capabilities/telemetry-sdk`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycle: 'ga' }),
    });
    expect(patched.status).toBe(200);

    const { page, errors, failedCalls } = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL((url) => url.pathname === '/audit');

    const row = page.locator('tr[data-audit]', { hasText: 'Changed capability:default/telemetry-sdk' });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('test-admin');
    expect(await row.locator('td').nth(2).textContent()).toBe('api');
    expect(await row.locator('td').nth(3).textContent()).toBe('update');
    expect(await row.locator('td').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}.*UTC$/);
    expect(await row.getByRole('link', { name: 'telemetry-sdk' }).getAttribute('href')).toBe(
      '/capabilities/telemetry-sdk',
    );
    await row.getByRole('button', { name: 'Show 1 change' }).click();
    const change = page.locator('tr[data-field="spec.lifecycle"]');
    expect(await change.locator('[data-cell="before"]').textContent()).toBe('beta');
    expect(await change.locator('[data-cell="after"]').textContent()).toBe('→ ga');

    // The fixture's import is one entry; filtering by action leaves only the update.
    await page.getByLabel('Action').selectOption('update');
    await expect.poll(() => page.locator('tr[data-audit]').count()).toBe(1);
    await shot(page, 'audit');
    expect(errors).toEqual([]);
    // Before signing in, /me answers 401: that is how the app knows to show the sign-in page.
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });

  it('is not offered to someone who is not an organisation admin', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}/audit`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, viewer);
    await page.waitForURL((url) => url.pathname === '/audit');
    await page.getByText('The audit trail is for organisation admins').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).count()).toBe(0);
  });
});
