import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../../src/http/auth-settings.js';
import { createPersonalToken } from '../../src/modules/auth/service.js';
import { componentDoc, documents, groupDoc } from '../descriptors.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

const DAY = 86_400_000;
let h: Harness;
const ids: Record<string, number> = {};

const capability = (name: string) =>
  `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: ${name} }\nspec: { owner: platform, lifecycle: ga }\n`;
const user =
  'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ada }\nspec: { profile: { email: ada@example.com }, memberOf: [alpha] }\n';
const HOSTILE = 'Runs twice as fast. <script>window.hacked = 1</script> See [the guide](javascript:alert(1)).';

// alpha uses golden-ci (its service's repository matches it); nobody uses lab. Releases (days before now):
// golden-ci 2.0.0 deprecation 20 d, deadline in 40 days (open: touches alpha); golden-ci 1.5.0 feature 5 d, notes
// with a script; lab 0.2.0 feature 2 d (not alpha's). Alpha's what's new: the deprecation first, then 1.5.0.
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
        capability('golden-ci'),
        capability('lab'),
        user,
      ),
    },
  ]);
  const db = h.database.db;
  const id = async (name: string) =>
    (await db.selectFrom('entities').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const repo = await db
    .insertInto('repositories')
    .values({ path: '/repos/alpha-api', name: 'alpha-api', service_id: await id('alpha-api') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('detections')
    .values({
      repository_id: repo.id,
      capability_id: await id('golden-ci'),
      matched: true,
      evidence: '[]',
      commit: 'c'.repeat(40),
      commit_date: new Date(),
      adopted_at: new Date(Date.now() - 100 * DAY),
    })
    .execute();
  const release = async (cap: string, version: string, type: 'feature' | 'deprecation', days: number, more = {}) =>
    (
      await db
        .insertInto('releases')
        .values({
          capability_id: await id(cap),
          version,
          type,
          released_at: new Date(Date.now() - days * DAY),
          ...more,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const deadline = new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10);
  ids.deprecation = await release('golden-ci', '2.0.0', 'deprecation', 20, {
    title: 'Old runners go away',
    notes: 'Move to the **new runners**.',
    deadline,
  });
  ids.feature = await release('golden-ci', '1.5.0', 'feature', 5, { title: 'Faster caches', notes: HOSTILE });
  ids.lab = await release('lab', '0.2.0', 'feature', 2, { title: 'Lab news' });
});
afterAll(() => h?.close());

describe("the what's new page", () => {
  it("shows the signed-in person's team's releases, what touches it first, with why and safe notes", async () => {
    const { page, errors, failedCalls } = await openPage(h.browser);
    const ada = await createPersonalToken(h.database.db, DEFAULT_AUTH_SETTINGS, {
      user: 'ada',
      name: 'browser',
      createdBy: 'test',
    });
    await page.goto(`${h.baseUrl}/sign-in`);
    await signIn(page, ada.token);
    await page.getByRole('heading', { name: 'Your platform at a glance' }).waitFor();
    await page.goto(`${h.baseUrl}/shipping/whats-new`);
    await page.getByRole('heading', { name: 'What’s new for alpha' }).waitFor();
    const items = page.locator('.news-item');
    await expect.poll(() => items.count()).toBe(2);
    const titles = await page.locator('.news-title').allTextContents();
    expect(titles).toEqual(['golden-ci 2.0.0: Old runners go away', 'golden-ci 1.5.0: Faster caches']);
    expect(await page.locator('.news-title').first().getAttribute('href')).toBe(
      `/shipping/releases/${ids.deprecation}`,
    );
    expect(await items.first().textContent()).toContain('Touches your team');
    expect(await items.first().textContent()).toContain('Your team uses golden-ci.');
    expect(await items.nth(1).textContent()).not.toContain('Touches your team');
    // The script is text, never run; the javascript: link is its words alone.
    const notes = items.nth(1).getByLabel('Notes excerpt');
    expect(await notes.textContent()).toContain('<script>window.hacked = 1</script>');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await notes.locator('a').count()).toBe(0);
    await shot(page, 'whats-new');

    // The team page shows the first few.
    await page.goto(`${h.baseUrl}/teams/alpha`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'What’s new for this team' }) });
    await expect.poll(() => section.locator('.news-title').allTextContents()).toEqual(titles);

    // Feeds: a feed token fills in the addresses, and the Atom one answers.
    await page.goto(`${h.baseUrl}/shipping/feeds`);
    await page.getByLabel('New feed token').fill('reader');
    await page.getByRole('button', { name: 'Create feed token' }).click();
    const secret = await page.getByTestId('issued-feed-token').locator('code').textContent();
    const copy = page.getByRole('button', { name: /^Copy Atom address: .*\/feeds\/teams\/alpha\.atom\?token=pvf_/ });
    const label = (await copy.getAttribute('aria-label')) ?? '';
    expect(label).toContain(`token=${secret}`);
    const feed = await fetch(label.slice(label.indexOf('http')));
    expect([feed.status, feed.headers.get('content-type')]).toEqual([200, 'application/atom+xml; charset=utf-8']);
    expect(await page.getByRole('table', { name: 'Your feed tokens' }).locator('tbody tr').count()).toBe(1);
    await shot(page, 'feeds');
    expect(errors).toEqual([]);
    // The one refusal: "who am I?" before signing in.
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });
});
