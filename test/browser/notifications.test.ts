import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/http/logger.js';
import { createToken } from '../../src/modules/auth/service.js';
import { releasePublishedJob } from '../../src/modules/shipping/published.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

/*
 * alice (payments) follows golden-ci ("Golden CI pipeline", owned by platform-ci) from its page. A feature release
 * 3.1.0 "Faster cache restores" is written straight into the releases table, as the releases API would, and the
 * release-published job runs: alice follows it, so she gets one notification, and nobody asked for or must
 * migrate off anything in a feature release: the bell shows 1.
 */
let harness: Harness;
let browser: Browser;
let baseUrl: string;
let alice = '';

async function publish(version: string, title: string): Promise<number> {
  const db = harness.database.db;
  const cap = await db
    .selectFrom('entities')
    .select('id')
    .where('ref', '=', 'capability:default/golden-ci')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('releases')
    .values({ capability_id: cap.id, version, type: 'feature', title, notes: 'Restores are twice as fast.' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await releasePublishedJob().handle({ releaseId: id }, { db, logger: silentLogger, attempt: 1 });
  return id;
}

const bell = (page: Page) => page.getByRole('link', { name: /^Notifications,/ });

beforeAll(async () => {
  harness = await startHarness(catalogFiles);
  ({ browser, baseUrl } = harness);
  alice = (
    await createToken(harness.database.db, { name: 'alice-token', role: 'member', personRef: 'user:default/alice' })
  ).token;
});
afterAll(async () => {
  await harness?.close();
});

describe('notifications in a browser', () => {
  it('follows a capability, shows a release on the bell and the page, and marks it read', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await page.goto(`${baseUrl}/capabilities/golden-ci`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, alice);
    await page.waitForURL((url) => url.pathname === '/capabilities/golden-ci');
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, none unread');

    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    const following = page.getByRole('button', { name: 'Following' });
    await following.waitFor();
    expect(await following.getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'notifications-follow');

    const first = await publish('3.1.0', 'Faster cache restores');
    await page.reload();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 unread');
    expect(await page.getByTestId('unread-count').textContent()).toBe('1');

    await bell(page).click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    const items = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    const item = items.first();
    expect(await item.getByRole('link').textContent()).toBe('Golden CI pipeline 3.1.0: Faster cache restores');
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/shipping/releases/${first}`);
    expect(await item.getAttribute('class')).toContain('notification-unread');
    expect(await item.textContent()).toContain('A feature release of Golden CI pipeline, which you follow.');
    expect(await page.getByRole('list', { name: 'Capabilities you follow' }).textContent()).toContain(
      'Golden CI pipeline',
    );
    await shot(page, 'notifications-unread');
    // On a phone the bell fits the top bar and nothing runs past the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBe(0);
    expect((await bell(page).boundingBox())?.x).toBeLessThan(390);
    await shot(page, 'notifications-unread-390');
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, none unread');
    await expect.poll(() => item.getAttribute('class')).toBe('notification');
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    await shot(page, 'notifications-read');

    // A second release: opening its notification marks it read.
    const second = await publish('3.2.0', 'Remote cache for forks');
    await page.reload();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 unread');
    await page.getByRole('link', { name: 'Golden CI pipeline 3.2.0: Remote cache for forks' }).click();
    await page.waitForURL((url) => url.pathname === `/shipping/releases/${second}`);
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, none unread');
    const stored = await harness.database.db.selectFrom('notifications').select(['read_at']).execute();
    expect(stored.map((n) => n.read_at !== null)).toEqual([true, true]);

    expect(errors).toEqual([]);
    // Only the visit before signing in is refused.
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });
});
