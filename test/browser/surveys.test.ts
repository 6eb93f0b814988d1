import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

// Two more people in payments (alice is there already), so its team breakdown can be shown.
const people = {
  path: 'survey-people.yaml',
  content: ['bob', 'cat']
    .map(
      (name) =>
        `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { email: ${name}@example.com }, memberOf: [payments] }\n`,
    )
    .join('---\n'),
};
const NPS_QUESTION = 'How likely are you to recommend the platform to a colleague?';
const HOSTILE = '<img src=x onerror="window.__pwned=1">Builds are slow';

let harness: Harness;
let browser: Browser;
let baseUrl: string;
let admin = '';

const asAdmin = (path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${baseUrl}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

beforeAll(async () => {
  harness = await startHarness([...catalogFiles, people]);
  ({ browser, baseUrl } = harness);
  admin = (await createToken(harness.database.db, { name: 'test-admin', role: 'admin' })).token;
});
afterAll(async () => {
  await harness?.close();
});

describe('surveys in a browser', () => {
  it('a platform member starts a wave, people answer through their links, the results show without names', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await page.goto(`${baseUrl}/voice/surveys`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, admin);
    await page.waitForURL((url) => url.pathname === '/voice/surveys');
    await page.getByRole('button', { name: 'New wave' }).click();
    await page.getByLabel('Title').fill('Spring pulse');
    await page.getByLabel('Golden CI pipeline').check();
    await page.getByRole('button', { name: 'Create wave and links' }).click();
    await page.waitForURL(/\/voice\/surveys\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByTestId('stat-survey-response-rate').textContent()).toBe('0 %');

    const links = (await (await asAdmin(`/surveys/${id}/invitations`)).json()) as {
      items: { person: string; link: string }[];
    };
    const linkOf = (who: string) => links.items.find((i) => i.person === `user:default/${who}`)?.link ?? '';
    expect(links.items.map((i) => i.person)).toEqual(['user:default/alice', 'user:default/bob', 'user:default/cat']);

    // Alice answers through her link, in a browser that never signed in.
    const visitor = await openPage(browser);
    await visitor.page.goto(linkOf('alice'));
    await visitor.page.getByRole('heading', { name: 'Spring pulse' }).waitFor();
    await visitor.page.getByRole('radiogroup', { name: NPS_QUESTION }).getByText('9', { exact: true }).click();
    await visitor.page
      .getByRole('radiogroup', { name: 'How satisfied are you with Golden CI pipeline?' })
      .getByText('5', { exact: true })
      .click();
    await visitor.page.getByLabel('Anything else? (optional)').fill(HOSTILE);
    await shot(visitor.page, 'survey-answer');
    await visitor.page.getByRole('button', { name: 'Send my answer' }).click();
    await visitor.page.getByTestId('survey-thanks').waitFor();

    // An unknown link gets a page that says so.
    await visitor.page.goto(`${baseUrl}/survey/not-a-real-token`);
    await visitor.page.getByTestId('survey-unknown').waitFor();
    expect(await visitor.page.getByRole('heading').first().textContent()).toBe('This survey link is not known');

    for (const [who, nps] of [
      ['bob', 10],
      ['cat', 3],
    ] as const) {
      const token = linkOf(who).split('/').pop();
      const res = await fetch(`${baseUrl}/api/v1/surveys/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, nps }),
      });
      expect(res.status).toBe(200);
    }

    await page.reload();
    // 9, 10, 3: promoters 2, detractors 1 of 3 → (2 − 1) / 3 × 100 = 33.3; all 3 invited answered.
    await expect.poll(() => page.getByTestId('stat-survey-nps').textContent()).toBe('+33.3');
    expect(await page.getByTestId('stat-survey-response-rate').textContent()).toBe('100 %');
    const teamRow = page.getByRole('table', { name: 'Results by team' }).getByRole('row', { name: /payments/ });
    expect(await teamRow.textContent()).toContain('+33.3');
    const comments = page.getByRole('list', { name: 'Comments' });
    expect(await comments.textContent()).toContain(HOSTILE);
    expect(await comments.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot(page, 'survey-results');

    // A comment becomes the start of a pain in one click: the Give feedback form, filled with its text (as text).
    await comments.getByRole('link', { name: 'Make it a pain' }).click();
    await page.locator('#fb-title').waitFor();
    expect(await page.locator('#fb-title').inputValue()).toBe(HOSTILE);
    expect(await page.locator('#fb-body').inputValue()).toBe(HOSTILE);
    await page.goBack();
    await comments.waitFor();

    // Closed: the link now says so.
    await page.getByRole('button', { name: 'Close the wave' }).click();
    await page.getByRole('button', { name: 'Close the wave' }).waitFor({ state: 'detached' });
    await visitor.page.goto(linkOf('alice'));
    await visitor.page.getByTestId('survey-closed').waitFor();
    await shot(visitor.page, 'survey-closed');

    expect(errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
    expect(visitor.failedCalls).toEqual(['404 GET /api/v1/surveys/answer', '410 GET /api/v1/surveys/answer']);
  });
});
