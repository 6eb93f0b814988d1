import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';
import { voiceCatalog } from './voice-fixture.js';

/*
 * pat is in platform-ci, which owns golden-ci; bob (mobile) asked for R "Cache warm-up for CI runners" on golden-ci;
 * vic holds a viewer token. Seeded through the API: pat's feature release golden-ci 1.4.0 "Faster caches".
 * In the browser pat writes the breaking release golden-ci 2.0.0 whose notes carry a <script>, an <img onerror> and
 * a javascript: link, and which closes R.
 */
const R_TITLE = 'Cache warm-up for CI runners';
const HOSTILE_NOTES = [
  'Runners now start **warm**.',
  '',
  '<script>window.__pwned = 1</script>',
  '',
  '<img src=x onerror="window.__pwned = 2">',
  '',
  '- [click me](javascript:window.__pwned=3)',
  '- see [the guide](https://example.com/guide)',
].join('\n');

let harness: Harness;
let browser: Browser;
let baseUrl: string;
const tokens: Record<string, string> = {};
let requestId = 0;
let featureId = 0;

async function as(who: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function signedIn(who: string, path: string) {
  const opened = await openPage(browser);
  await opened.page.goto(`${baseUrl}${path}`);
  await opened.page.waitForURL(/\/sign-in/);
  await signIn(opened.page, tokens[who] ?? '');
  return opened;
}

/** Nothing of the hostile notes became live HTML inside `scope`, and none of it ran. */
async function expectSanitised(page: Page, scope: string) {
  const found = await page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return null;
    return {
      scripts: root.querySelectorAll('script').length,
      images: root.querySelectorAll('img').length,
      onerror: root.querySelectorAll('[onerror]').length,
      jsLinks: [...root.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? ''))
        .length,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      text: root.textContent ?? '',
    };
  }, scope);
  expect(found).not.toBeNull();
  expect({ ...found, text: undefined }).toEqual({
    scripts: 0,
    images: 0,
    onerror: 0,
    jsLinks: 0,
    pwned: null,
    text: undefined,
  });
  // The HTML shows as the words typed; the link's words stay, unlinked.
  expect(found?.text).toContain('<script>window.__pwned = 1</script>');
  expect(found?.text).toContain('click me');
}

beforeAll(async () => {
  harness = await startHarness([...catalogFiles, voiceCatalog]);
  ({ browser, baseUrl } = harness);
  for (const who of ['bob', 'pat', 'alice'])
    tokens[who] = (
      await createToken(harness.database.db, { name: `${who}-token`, role: 'member', personRef: `user:default/${who}` })
    ).token;
  tokens.vic = (await createToken(harness.database.db, { name: 'vic-token', role: 'viewer' })).token;
  const request = await as('bob', 'POST', '/requests', { team: 'mobile', capability: 'golden-ci', title: R_TITLE });
  expect(request.status).toBe(201);
  requestId = Number(request.body.id);
  const feature = await as('pat', 'POST', '/releases', {
    capability: 'golden-ci',
    version: '1.4.0',
    type: 'feature',
    title: 'Faster caches',
    notes: 'Caches are shared between runners.',
    date: '2026-01-10',
  });
  expect(feature.status).toBe(201);
  featureId = Number(feature.body.id);
});
afterAll(async () => {
  await harness?.close();
});

describe('releases in a browser', () => {
  it('a platform member writes a breaking release: errors by the field, a sanitised preview and page', async () => {
    const { page, errors, failedCalls } = await signedIn('pat', '/shipping');
    await page.getByRole('heading', { name: 'Changelog' }).waitFor();
    await page.getByRole('link', { name: 'New release' }).click();
    await page.getByLabel('Capability').fill('golden-ci');
    await page.getByLabel('Version').fill('2.x');
    await page.getByLabel('Type').selectOption('breaking');
    await page.getByLabel('Title').fill('Runners start warm');
    await page.getByLabel('Deadline').fill('2026-06-30');
    await page.getByLabel('Notes (Markdown)').fill(HOSTILE_NOTES);
    // The preview follows the text as it is typed, sanitised.
    await page.getByLabel('Notes preview').getByText('click me').waitFor();
    await expectSanitised(page, '.notes-preview');
    await page.getByRole('checkbox', { name: new RegExp(R_TITLE) }).check();
    await shot(page, 'release-editor');

    // The API refuses the version: its reason shows beside the Version field, and nothing was stored.
    await page.getByRole('button', { name: 'Publish the release' }).click();
    const versionError = page.locator('[data-field-error="rel-version"]');
    await versionError.waitFor();
    expect(await versionError.textContent()).toContain('semantic version');
    // (Before signing in, "who am I?" answered 401.)
    expect(failedCalls.filter((c) => c !== '401 GET /api/v1/me')).toEqual(['400 POST /api/v1/releases']);
    expect((await as('pat', 'GET', '/releases?type=breaking')).body.items).toEqual([]);

    await page.getByLabel('Version').fill('2.0.0');
    await page.getByRole('button', { name: 'Publish the release' }).click();
    await page.waitForURL(/\/shipping\/releases\/\d+$/);
    await page.getByRole('heading', { name: /2\.0\.0/ }).waitFor();
    await page.getByLabel('Release notes').getByText('click me').waitFor();
    await expectSanitised(page, 'main');
    expect(await page.getByRole('note').textContent()).toContain('2026-06-30');
    const closes = page.getByRole('list', { name: 'Closes' });
    expect(await closes.getByRole('link', { name: R_TITLE }).getAttribute('href')).toBe(`/voice/requests/${requestId}`);
    await shot(page, 'release-page');
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const stored = (await as('pat', 'GET', `/releases/${id}`)).body;
    expect([stored.version, stored.type, stored.deadline, stored.closes]).toEqual([
      '2.0.0',
      'breaking',
      '2026-06-30',
      [{ kind: 'request', id: requestId, title: R_TITLE, status: expect.any(String) }],
    ]);

    // Edit: the title changes, and only the title is sent.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('Runners start warm, always');
    await page.getByRole('button', { name: 'Save the release' }).click();
    await page.getByText('Runners start warm, always').waitFor();
    expect((await as('pat', 'GET', `/releases/${id}`)).body.title).toBe('Runners start warm, always');
    expect(errors).toEqual([]);
  });

  it('the changelog filters by type, in the address', async () => {
    const { page, errors } = await signedIn('alice', '/shipping?type=breaking');
    const entries = page.getByTestId('release-entry');
    await entries.first().waitFor();
    // Only the breaking release: 2.0.0.
    expect(await entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain('2.0.0');
    await page.getByRole('checkbox', { name: 'Feature' }).check();
    await expect.poll(() => entries.count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('type')).toBe('breaking,feature');
    await page.getByRole('checkbox', { name: 'Breaking' }).uncheck();
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain('1.4.0');
    await page.getByText('What the release types mean').click();
    await shot(page, 'changelog');
    // On a phone the page scrolls down, not across.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'changelog-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });

  it('a viewer sees no editor', async () => {
    const { page, errors } = await signedIn('vic', '/shipping');
    await page.getByTestId('release-entry').first().waitFor();
    expect(await page.getByRole('link', { name: 'New release' }).count()).toBe(0);
    await page.goto(`${baseUrl}/shipping/releases/${featureId}`);
    await page.getByRole('heading', { name: /1\.4\.0/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await page.goto(`${baseUrl}/capabilities/golden-ci`);
    await page.getByRole('list', { name: 'Recent releases' }).waitFor();
    expect(await page.getByRole('link', { name: 'New release' }).count()).toBe(0);
    await shot(page, 'capability-releases');
    expect(errors).toEqual([]);
  });

  it('opening a release page counts one view of its notes per person per day', async () => {
    // vic opened 1.4.0 above: 1 view. alice opens it twice: 1 more, not 2.
    const views = async () => (await as('alice', 'GET', `/releases/${featureId}`)).body.views;
    expect(await views()).toBe(1);
    const { page, errors } = await signedIn('alice', `/shipping/releases/${featureId}`);
    await page.getByRole('heading', { name: /1\.4\.0/ }).waitFor();
    await expect.poll(views).toBe(2);
    const viewed = page.waitForResponse((r) => r.url().endsWith(`/releases/${featureId}/views`));
    await page.reload();
    expect(await (await viewed).json()).toEqual({ recorded: false });
    expect(await views()).toBe(2);
    expect(await page.getByTestId('release-views').textContent()).toContain('2 times');
    expect(errors).toEqual([]);
  });
});
