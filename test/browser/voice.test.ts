import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';
import { voiceCatalog } from './voice-fixture.js';

/*
 * Customer teams payments (alice), mobile (bob) and search (cy); pat is in the platform team platform-ci.
 * Seeded through the API: bob's request R "Faster CI builds for pull requests" (mobile), voted for by cy (search);
 * alice's pain "Slow CI builds block our releases" (payments, severity 3, 10 h/week); bob's pain "Our CI builds take
 * forever" (mobile, severity 3, 4 h/week). In the browser alice votes for R instead of filing a duplicate, and
 * files the pain "CI pipeline is slow on every merge" (severity 2, 6 h/week).
 */
const R_TITLE = 'Faster CI builds for pull requests';
const FORM_PAIN = 'CI pipeline is slow on every merge';
const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const HOSTILE_BODY = [
  'What happens:',
  '',
  '- <script>window.__pwned = 1</script>',
  '- [click me](javascript:window.__pwned=2)',
  '- see [the docs](https://example.com/docs) and **retry**',
].join('\n');

let harness: Harness;
let browser: Browser;
let baseUrl: string;
const tokens: Record<string, string> = {};
let requestId = 0;
let problemId = 0;

/** The API as one of the people. */
async function as(who: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A full-page screenshot at a laptop's width, then at a phone's 390 px. */
async function shots(page: Page, name: string) {
  await shot(page, `voice-${name}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `voice-${name}-390`);
  // Nothing may stick out sideways on a phone: the page scrolls down, not across.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // What sticks out, named in the failure (inside a scroller only what is positioned absolutely can escape it).
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap, .voice-tabs'))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
  expect(width, wide.join(' ')).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function signedIn(who: string, path: string) {
  const opened = await openPage(browser);
  const dialogs: string[] = [];
  opened.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await opened.page.goto(`${baseUrl}${path}`);
  await opened.page.waitForURL(/\/sign-in/);
  await signIn(opened.page, tokens[who] ?? '');
  return { ...opened, dialogs };
}

beforeAll(async () => {
  harness = await startHarness([...catalogFiles, voiceCatalog]);
  ({ browser, baseUrl } = harness);
  for (const who of ['alice', 'bob', 'cy', 'pat'])
    tokens[who] = (
      await createToken(harness.database.db, { name: `${who}-token`, role: 'member', personRef: `user:default/${who}` })
    ).token;
  const request = await as('bob', 'POST', '/requests', {
    team: 'mobile',
    title: R_TITLE,
    body: 'Our builds wait in the queue.',
  });
  expect(request.status).toBe(201);
  requestId = Number(request.body.id);
  expect((await as('cy', 'POST', `/requests/${requestId}/votes`)).status).toBe(201);
  const pains = [
    ['alice', { team: 'payments', title: 'Slow CI builds block our releases', severity: 3, hoursLostPerWeek: 10 }],
    ['bob', { team: 'mobile', title: 'Our CI builds take forever', severity: 3, hoursLostPerWeek: 4 }],
  ] as const;
  for (const [who, pain] of pains) expect((await as(who, 'POST', '/pains', pain)).status).toBe(201);
});
afterAll(async () => {
  await harness?.close();
});

describe('the Voice area in a browser', () => {
  it('a member gives feedback: offered a similar request, votes for it instead, then files a pain', async () => {
    const { page, errors, failedCalls } = await signedIn('alice', '/voice');
    // A customer team's member lands on their team.
    await page.waitForURL((url) => url.pathname === '/voice/team');
    await page.getByRole('heading', { name: 'My team: payments' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Voice of the customer' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual([
      'My team',
      'Give feedback',
      'Problems',
      'Backlog',
      'Roadmap',
      'Bugs and support',
      'Contact',
      'Surveys',
    ]);
    await shots(page, 'my-team');

    await tabs.getByRole('link', { name: 'Give feedback' }).click();
    await page.getByRole('button', { name: 'Request', exact: true }).click();
    expect(await page.getByTestId('feedback-team').textContent()).toBe('payments');
    await page.getByLabel('Title').fill('Faster CI builds');
    const similar = page.getByRole('region', { name: 'Similar items' });
    await similar.getByText(R_TITLE).waitFor();
    await shots(page, 'give-feedback-similar');
    await similar.getByRole('button', { name: `Vote for ${R_TITLE}` }).click();
    // Votes: cy and alice = 2; reach: mobile (the author's team), search (cy), payments (alice) = 3.
    await expect.poll(() => similar.getByRole('status').textContent()).toContain('Voted: 2 votes, reach 3.');
    const r = await as('alice', 'GET', `/requests/${requestId}`);
    expect([r.body.votes, r.body.reach, r.body.voted]).toEqual([2, 3, true]);

    // A pain through the form: more hours than a week has is refused by the API, next to the field.
    await page.getByRole('button', { name: 'Pain', exact: true }).click();
    await page.getByLabel('Title').fill(FORM_PAIN);
    await page.getByLabel('Severity').selectOption('2');
    await page.getByLabel('Hours lost per week').fill('200');
    await page.getByRole('button', { name: 'Send the pain' }).click();
    expect(await page.locator('[data-field-error="fb-hours"]').textContent()).toBe('must be at most 168 (a week)');
    await page.getByLabel('Hours lost per week').fill('6');
    await page.getByRole('button', { name: 'Send the pain' }).click();
    await page.waitForURL(/\/voice\/pains\/\d+$/);
    expect(await page.getByTestId('item-title').textContent()).toBe(FORM_PAIN);

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me', '400 POST /api/v1/pains']);
  });

  it('shows HTML in a title as text, and renders a Markdown body sanitised', async () => {
    const created = await as('alice', 'POST', '/pains', {
      team: 'payments',
      title: HOSTILE_TITLE,
      body: HOSTILE_BODY,
      severity: 4,
      hoursLostPerWeek: 0,
    });
    expect(created.status).toBe(201);
    const { page, errors, dialogs } = await signedIn('alice', `/voice/pains/${String(created.body.id)}`);
    await page.getByTestId('item-title').waitFor();
    expect(await page.getByTestId('item-title').textContent()).toBe(HOSTILE_TITLE);
    const details = page.getByLabel('Details', { exact: true });
    expect(await details.textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await details.getByRole('link', { name: 'the docs' }).getAttribute('href')).toBe('https://example.com/docs');
    expect(await details.getByRole('link', { name: 'click me' }).count()).toBe(0);
    expect(await details.getByText('click me').count()).toBe(1);
    expect(await details.locator('strong').textContent()).toBe('retry');
    expect(await page.locator('main img, main script, a[href^="javascript:" i]').count()).toBe(0);
    await shots(page, 'item-hostile');

    await page.getByRole('link', { name: '← Pains' }).click();
    await page.getByRole('table', { name: 'Pains' }).getByRole('link', { name: HOSTILE_TITLE }).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    await shots(page, 'pains');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a platform member accepts a suggestion; the problem shows the reach and hours computed by hand', async () => {
    const { page, errors, failedCalls } = await signedIn('pat', '/voice');
    await page.waitForURL((url) => url.pathname === '/voice/inbox');
    const suggestion = page.getByRole('listitem', { name: 'Suggestion 1' });
    await suggestion.getByText(R_TITLE).waitFor();
    expect(await suggestion.getByText(FORM_PAIN).count()).toBe(1);
    expect(await suggestion.locator('.reasons').textContent()).toContain('ci');
    await page.getByRole('table', { name: 'New items' }).getByRole('link', { name: HOSTILE_TITLE }).waitFor();
    await shots(page, 'inbox');

    await suggestion.getByRole('button', { name: 'Accept' }).click();
    await suggestion.getByLabel('Problem title').fill('Slow CI builds');
    await suggestion.getByRole('button', { name: 'Create the problem' }).click();
    await page.waitForURL(/\/voice\/problems\/\d+$/);
    problemId = Number(new URL(page.url()).pathname.split('/').pop());
    // Reach: the items' teams mobile and payments, and the voters' teams search (cy) and payments (alice): 3.
    // Hours lost per week: payments' largest open pain max(10, 6) = 10, plus mobile's 4 = 14.
    // Severity: the worst of 3, 2 and 3 (the request has none) = 2.
    await expect.poll(() => page.getByTestId('stat-problem-reach').textContent()).toBe('3');
    expect(await page.getByTestId('stat-problem-hours').textContent()).toBe('14');
    expect(await page.getByTestId('stat-problem-severity').textContent()).toBe('2');
    expect(await page.getByTestId('stat-problem-items').textContent()).toBe('4');
    expect(await page.getByRole('list', { name: 'Teams reached' }).textContent()).toBe('mobilepaymentssearch');
    await shots(page, 'problem');

    // The hours open the pains behind them.
    await page.getByTestId('stat-problem-hours').click();
    await page.waitForURL(
      (url) => url.pathname === '/voice/pains' && url.searchParams.get('problem') === String(problemId),
    );
    await page.getByRole('table', { name: 'Pains' }).getByRole('link', { name: FORM_PAIN }).waitFor();
    expect(await page.getByRole('table', { name: 'Pains' }).locator('tbody tr').count()).toBe(3);

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });

  it('the backlog shows the RICE arithmetic; the roadmap shows a card in "now" answering the member’s pain', async () => {
    const { page, errors, failedCalls } = await signedIn('pat', '/voice/backlog');
    await page.waitForURL((url) => url.pathname === '/voice/backlog');
    const row = page.getByTestId(`backlog-problem-${problemId}`);
    expect(await row.getByTestId('backlog-arithmetic').textContent()).toBe(
      'reach 3; impact, confidence and effort not set',
    );
    await row.getByRole('button', { name: 'Edit RICE of Slow CI builds' }).click();
    await page.getByLabel('Impact').selectOption('2');
    await page.getByLabel('Confidence (%)').fill('80');
    await page.getByLabel('Effort (person-weeks)').fill('2');
    await page.getByRole('button', { name: 'Save RICE' }).click();
    // RICE = reach 3 × impact 2 × 80 % / 2 person-weeks = 2.4.
    await expect
      .poll(() => row.getByTestId('backlog-arithmetic').textContent(), { timeout: 10_000 })
      .toBe('reach 3 × impact 2 × 80 % / 2 person-weeks = 2.4');
    await shots(page, 'backlog');

    await page
      .getByRole('navigation', { name: 'Voice of the customer' })
      .getByRole('link', { name: 'Roadmap' })
      .click();
    await page.getByRole('button', { name: 'Add an item' }).click();
    const form = page.getByRole('form', { name: 'New roadmap item' });
    await form.getByLabel('Title').fill('Remote build cache');
    await form.getByLabel('Target quarter').fill('2027-Q1');
    await form.getByLabel('Capability').fill('golden-ci');
    await form.getByLabel(/Slow CI builds/).check();
    await form.getByRole('button', { name: 'Add to the roadmap' }).click();
    const next = page.getByRole('region', { name: /^Next/ });
    await next.getByText('Remote build cache').waitFor();
    await next.getByLabel('Move to').selectOption('now');
    const now = page.getByRole('region', { name: /^Now/ });
    await now.getByText('Remote build cache').waitFor();
    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);

    const member = await signedIn('alice', '/voice/roadmap');
    const card = member.page
      .getByRole('region', { name: /^Now/ })
      .getByRole('listitem', { name: 'Remote build cache' });
    const answers = card.getByTestId('roadmap-answers');
    await answers.waitFor();
    expect(await answers.textContent()).toContain(FORM_PAIN);
    expect(await answers.textContent()).toContain('Slow CI builds block our releases');
    expect(await card.textContent()).toContain('2027-Q1');
    await shots(member.page, 'roadmap');
    await member.page.getByRole('link', { name: 'My team' }).click();
    await member.page.getByRole('heading', { name: 'On the roadmap for you' }).waitFor();
    await member.page.getByText('Remote build cache').waitFor();
    await shots(member.page, 'my-team-answered');
    expect(member.errors).toEqual([]);
  });
});
