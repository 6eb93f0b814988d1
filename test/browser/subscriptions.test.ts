import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

let harness: Harness;
let browser: Browser;
let baseUrl: string;
let admin = '';

/** A subscription that failed for a day, stored as the delivery job leaves one (its URL sealed under another key). */
async function seedPausedSubscription() {
  const db = harness.database.db;
  const cap = await db.selectFrom('entities').select('id').where('name', '=', 'golden-ci').executeTakeFirstOrThrow();
  const release = await db
    .insertInto('releases')
    .values({ capability_id: cap.id, version: '3.1.0', type: 'breaking', title: 'Runners move to arm64' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sub = await db
    .insertInto('subscriptions')
    .values({
      kind: 'slack',
      name: '#platform-news',
      url_sealed: 'v1:sealed-elsewhere',
      url_host: 'hooks.slack.com',
      filter: JSON.stringify({ capabilities: ['capability:default/golden-ci'], types: ['breaking'] }),
      paused_at: new Date(),
      pause_reason:
        'the announcement of golden-ci 3.1.0 failed all 14 attempts over a day (last: answered 404 Not Found)',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const announcement = await db
    .insertInto('announcements')
    .values({ release_id: release.id, subscription_id: sub.id, status: 'failed', attempts: 2 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('announcement_attempts')
    .values([
      {
        announcement_id: announcement.id,
        status_code: 404,
        latency_ms: 120,
        response_excerpt: 'no_service',
        error: 'answered 404 Not Found',
      },
      {
        announcement_id: announcement.id,
        status_code: null,
        latency_ms: 10_000,
        error: 'https://hooks.slack.com did not answer within 10 s',
      },
    ])
    .execute();
  return sub.id;
}

beforeAll(async () => {
  harness = await startHarness(catalogFiles);
  ({ browser, baseUrl } = harness);
  admin = (await createToken(harness.database.db, { name: 'test-admin', role: 'admin' })).token;
});
afterAll(async () => {
  await harness?.close();
});

describe('announcement subscriptions in a browser', () => {
  it('adds a signed webhook (secret shown once), refuses a private address, shows a paused one with its attempts, resumes and deletes', async () => {
    const pausedId = await seedPausedSubscription();
    const { page, errors, failedCalls } = await openPage(browser);
    await page.goto(`${baseUrl}/shipping/subscriptions`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, admin);
    await page.waitForURL((url) => url.pathname === '/shipping/subscriptions');

    // The paused one: its reason, and its attempts on demand.
    const paused = page.getByRole('article', { name: 'Subscription #platform-news' });
    await paused.getByText('paused', { exact: true }).waitFor();
    await paused.getByText(/failed all 14 attempts over a day/).waitFor();
    await paused.getByText('golden-ci · Breaking change').waitFor();
    await paused.getByRole('button', { name: 'Recent deliveries' }).click();
    const attempts = paused.getByRole('table', { name: 'Recent deliveries' });
    await attempts.getByText('golden-ci 3.1.0').waitFor();
    await attempts.getByText('no_service').waitFor();
    await attempts.getByText(/did not answer within 10 s/).waitFor();

    // A private address is refused, naming the setting.
    await page.getByRole('button', { name: 'Add subscription' }).click();
    const form = page.getByRole('form', { name: 'New subscription' });
    await form.getByLabel('Where').selectOption('webhook');
    await form.getByLabel('URL').fill('https://127.0.0.1/hook');
    await form.getByRole('button', { name: 'Add subscription' }).click();
    await form.getByText(/127\.0\.0\.1 is a loopback address; set PAVED_ALLOW_PRIVATE_DESTINATIONS=true/).waitFor();

    // A public one is added; its secret is shown once, with a copy button and a warning.
    await form.getByLabel('URL').fill('https://203.0.113.7/paved-hook');
    await form.getByLabel('Name').fill('Release bot');
    await form.getByLabel('Capabilities').fill('golden-ci');
    await form.getByLabel('Deprecation').check();
    await form.getByRole('button', { name: 'Add subscription' }).click();
    const secret = page.getByTestId('signing-secret');
    await secret.getByText(/shown this once/).waitFor();
    expect(await secret.locator('code').textContent()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await secret.getByRole('button', { name: /Copy secret/ }).waitFor();
    const added = page.getByRole('article', { name: 'Subscription Release bot' });
    await added.getByText('golden-ci · Deprecation').waitFor();
    await added.getByText('active', { exact: true }).waitFor();
    await shot(page, 'subscriptions');

    // Once acknowledged, the secret is gone from the page for good.
    await secret.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    await added.waitFor();
    expect(await page.getByText(/whsec_/).count()).toBe(0);

    // Resume: active again, its failed announcement back in the queue.
    await paused.getByRole('button', { name: 'Resume' }).click();
    await paused.getByText('active', { exact: true }).waitFor();
    await paused.getByText(/0 delivered, 1 being sent or waiting for a retry, 0 failed/).waitFor();

    // Delete, after confirming.
    page.once('dialog', (dialog) => void dialog.accept());
    await added.getByRole('button', { name: 'Delete' }).click();
    await added.waitFor({ state: 'detached' });
    const left = await harness.database.db.selectFrom('subscriptions').select('id').execute();
    expect(left.map((s) => s.id)).toEqual([pausedId]);

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me', '400 POST /api/v1/subscriptions']);
  });
});
