import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogFile } from '../../src/modules/catalog/entity.js';
import { createToken } from '../../src/modules/auth/service.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

// A platform team (plat) owning ci and self-access (GA 1 July 2024); customer teams t1, t2, t3 (each owns a
// service); three people in t1, so a survey wave has someone to ask.
const person = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { email: ${name}@example.com }, memberOf: [t1] }\n`;
const group = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${name} }\nspec: { type: team, children: [] }\n`;
const service = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: ${owner} }\n`;
const capability = (name: string, extra: string) =>
  `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: ${name} }\nspec:\n  owner: plat\n  lifecycle: ga\n${extra}`;
const files: CatalogFile[] = [
  { path: 'groups.yaml', content: ['plat', 't1', 't2', 't3'].map(group).join('---\n') },
  { path: 'people.yaml', content: ['alice', 'bob', 'cat'].map(person).join('---\n') },
  { path: 'services.yaml', content: ['t1', 't2', 't3'].map((t) => service(`${t}-api`, t)).join('---\n') },
  {
    path: 'capabilities.yaml',
    content: [capability('ci', ''), capability('self-access', '  gaDate: 2024-07-01\n')].join('---\n'),
  },
];
const HOSTILE = '<img src=x onerror="window.__pwned=1">Flaky deploys';
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

let harness: Harness;
let browser: Browser;
let baseUrl: string;
let admin = '';

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const z = (s: string) => `2025-${s}:00Z`;

async function seed() {
  await call('PUT', '/capabilities/ci/sla', {
    severities: { '1': { acknowledgeHours: 4, fixHours: 24 }, '2': { acknowledgeHours: 24, fixHours: 120 } },
  });
  const bug = (severity: number, reportedAt: string, acknowledgedAt: string | null, fixedAt: string | null) =>
    call('POST', '/bugs', {
      capability: 'ci',
      team: 't1',
      title: `bug of ${reportedAt}`,
      severity,
      reportedAt: z(reportedAt),
      acknowledgedAt: acknowledgedAt && z(acknowledgedAt),
      fixedAt: fixedAt && z(fixedAt),
    });
  await bug(1, '03-02T10:00', '03-02T12:00', '03-03T08:00'); // ack 2 h ✓ (≤ 4), fix 22 h ✓ (≤ 24)
  await bug(1, '03-05T00:00', '03-05T06:00', '03-05T20:00'); // ack 6 h ✗, fix 20 h ✓
  await bug(2, '03-10T00:00', '03-10T20:00', '03-14T00:00'); // ack 20 h ✓ (≤ 24), fix 96 h ✓ (≤ 120)
  await bug(2, '03-20T00:00', '03-22T00:00', null); // ack 48 h ✗; open past its fix deadline (25 March)

  const support = (
    team: string,
    category: string,
    openedAt: string,
    firstResponseAt: string | null,
    resolvedAt: string | null,
  ) =>
    call('POST', '/support-requests', {
      team,
      platformTeam: 'plat',
      category,
      title: `help with ${category}`,
      openedAt,
      firstResponseAt,
      resolvedAt,
    });
  await support('t1', 'access', z('03-03T09:00'), z('03-03T10:00'), z('03-03T15:00')); // 1 h, 6 h
  await support('t2', 'access', z('03-04T00:00'), z('03-04T04:00'), z('03-05T00:00')); // 4 h, 24 h
  await support('t3', 'deploy', z('03-10T00:00'), z('03-10T02:00'), null); // 2 h, unresolved
  await support('t1', 'deploy', z('03-28T00:00'), null, null); // unanswered, unresolved
  // Deflection: 4 access requests from customer teams in the 6 months before self-access's GA, 1 in the 6 after.
  for (const [team, day] of [
    ['t1', '2024-03-01'],
    ['t2', '2024-04-01'],
    ['t3', '2024-05-01'],
    ['t1', '2024-06-01'],
    ['t2', '2024-08-01'],
  ] as const)
    await support(team, 'access', `${day}T00:00:00Z`, null, `${day}T05:00:00Z`);
  await call('PUT', '/support/categories/access', { capability: 'self-access' });

  await call('POST', '/pains', { team: 't1', title: 'Builds take forever', severity: 2, hoursLostPerWeek: 6 });
  await call('POST', '/pains', { team: 't1', title: HOSTILE, severity: 1, hoursLostPerWeek: 3 });
  await call('POST', '/pains', { team: 't3', title: 'Cannot find the docs', severity: 3, hoursLostPerWeek: 1 });
  await call('POST', '/requests', { team: 't1', capability: 'ci', title: 'Cache docker layers' });

  // Contact: t1 ten days ago, t2 a hundred days ago (outside the 90 days), t3 never.
  await call('POST', '/conversations', {
    team: 't1',
    date: daysAgo(10),
    people: ['Ana'],
    channel: 'call',
    notes: 'Builds are slow',
    platformTeam: 'plat',
  });
  await call('POST', '/conversations', { team: 't2', date: daysAgo(100), people: ['Bo'], platformTeam: 'plat' });
  await call('POST', '/engagements', {
    team: 't1',
    engineer: 'Priya',
    startsOn: daysAgo(20),
    goals: 'Move t1 onto ci',
    platformTeam: 'plat',
  });

  // Two waves asking about ci: in the first alice, bob and cat answer; in the second nobody does.
  for (const [title, answers] of [
    ['Spring pulse', { alice: [9, 5], bob: [10, 4], cat: [3, 2] }],
    ['Summer pulse', {}],
  ] as const) {
    const wave = (await call('POST', '/surveys', { title, capabilities: ['ci'] })) as { id: number };
    const links = (await call('GET', `/surveys/${wave.id}/invitations`)) as {
      items: { person: string; link: string }[];
    };
    for (const [who, [nps, csat]] of Object.entries(answers) as [string, [number, number]][]) {
      const link = links.items.find((i) => i.person === `user:default/${who}`)?.link ?? '';
      await call('POST', '/surveys/answer', { token: link.split('/').pop(), nps, csat: { ci: csat } });
    }
  }
}

beforeAll(async () => {
  harness = await startHarness(files);
  ({ browser, baseUrl } = harness);
  admin = (await createToken(harness.database.db, { name: 'test-admin', role: 'admin' })).token;
  await seed();
});
afterAll(async () => {
  await harness?.close();
});

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();
/** Waits for what a page loads: longer than expect.poll's 1 s, since the machine may be busy. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Nothing runs past a phone's screen. */
async function fitsNarrow(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await poll(() =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBe(0);
  await shot(page, `${name}-narrow`);
  await page.setViewportSize({ width: 1280, height: 860 });
}

describe('the voice dashboards in a browser', () => {
  it('show the SLA, support, contact, team and capability figures as computed by hand, each opening its items', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await page.goto(`${baseUrl}/voice/service?from=2025-03-01&to=2025-03-31`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, admin);
    await page.waitForURL((url) => url.pathname === '/voice/service');

    // Bugs reported in March, known at 1 April: ack 2 of 4 in time; fix 3 of 4 (the open one is past its
    // deadline); fixed in March: 22, 20, 96 h → median 22 h; one open bug past SLA.
    await poll(() => text(page, 'stat-ack-within-sla')).toBe('50%');
    expect(await text(page, 'n-ack-within-sla')).toBe('2 of 4 bugs in time');
    expect(await text(page, 'stat-fix-within-sla')).toBe('75%');
    expect(await text(page, 'n-fix-within-sla')).toBe('3 of 4 bugs in time');
    expect(await text(page, 'stat-time-to-fix')).toBe('22 h');
    expect(await text(page, 'stat-past-sla')).toBe('1');
    // Support opened in March: first responses 1, 4, 2 h → 2 h (1 unanswered); resolved 6 and 24 h → 15 h
    // (2 unresolved); the queue at 1 April holds the 2 unresolved; 4 requests / (31 / 7 weeks) = 0.9 a week.
    expect(await text(page, 'stat-first-response')).toBe('2 h');
    expect(await text(page, 'n-first-response')).toBe('3 answered · 1 not yet');
    expect(await text(page, 'stat-time-to-resolve')).toBe('15 h');
    expect(await text(page, 'stat-open-queue')).toBe('2');
    expect(await text(page, 'stat-support-per-week')).toBe('0.9');
    const ciRow = page.getByRole('table', { name: 'Bugs per capability' }).locator('tr[data-capability="ci"]');
    expect(await ciRow.locator('td[data-cell="n"]').textContent()).toBe('4');
    expect(await ciRow.locator('td[data-cell="ack"]').textContent()).toBe('50% (2 of 4)');
    // Deflection: before 4 / (3 teams × 6 months) = 0.22, after 1 / 18 = 0.056, ratio 0.25.
    const deflection = page.getByRole('table', { name: 'Deflection per category' }).locator('tr[data-row="access"]');
    expect(await deflection.locator('td[data-cell="ratio"]').textContent()).toBe('0.25');
    expect(await page.getByTestId('deflection-reading').textContent()).toBe(
      'After self-access went GA on 2024-07-01, “access” requests fell from 0.22 a customer team a month to 0.056: a quarter as many.',
    );
    await page.locator('figure[aria-label="Bugs reported and fixed, per week"] .recharts-surface').first().waitFor();
    await shot(page, 'voice-service');
    await fitsNarrow(page, 'voice-service');

    // A number opens the items behind it.
    expect(await page.getByTestId('stat-ack-within-sla').locator('xpath=..').getAttribute('href')).toBe(
      '/voice/bugs?from=2025-03-01&to=2025-04-01',
    );
    await ciRow.locator('td[data-cell="past-sla"] a').click();
    await page.waitForURL((url) => url.pathname === '/voice/bugs');
    expect(new URL(page.url()).search).toBe('?capability=ci&status=unresolved');

    // A period before any of it: the designed empty states, not a row of zeros.
    await page.goto(`${baseUrl}/voice/service?from=2020-01-01&to=2020-01-31`);
    await page.getByText('No bug reported, fixed or past its SLA in this period').waitFor();
    await page.getByText('No support request opened in this period, and none open').waitFor();
    expect(await page.getByTestId('stat-ack-within-sla').count()).toBe(0);
    await shot(page, 'voice-service-empty');

    // Contact: t1 talked with in the 90 days, t2 and t3 not: 1 of 3.
    await page.goto(`${baseUrl}/voice/contact`);
    await poll(() => text(page, 'stat-contact-coverage')).toBe('33.3%');
    expect(await text(page, 'n-contact-coverage')).toMatch(/^1 of 3 customer teams since /);
    const talk = page.getByRole('table', { name: 'Talk to next' });
    // t3 has an open pain, t2 none: t3 first.
    expect(await talk.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual([
      't3',
      't2',
    ]);
    await shot(page, 'voice-contact');

    // A conversation logged through the form appears, its notes as text, and t3 leaves "talk to next".
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    const form = page.getByRole('form', { name: 'Log a conversation' });
    await form.getByLabel('Customer team').selectOption('t3');
    await form.getByLabel('People').fill('Dana, Eli');
    await form.getByLabel('Channel').fill('video call');
    await form.getByLabel('Notes').fill(HOSTILE);
    await form.getByLabel('Cannot find the docs').check();
    await form.getByLabel('Credited to').selectOption('plat');
    await shot(page, 'voice-contact-form');
    await form.getByRole('button', { name: 'Save the conversation' }).click();
    await form.waitFor({ state: 'detached' });
    const newest = page.getByRole('list', { name: 'Conversation log' }).locator('li').first();
    await poll(() => newest.textContent()).toContain('With Dana, Eli');
    expect(await newest.locator('.voice-notes').textContent()).toBe(HOSTILE);
    expect(await newest.textContent()).toContain('Pains raised: Cannot find the docs');
    expect(await page.locator('.voice-contact img').count()).toBe(0);
    await poll(() => text(page, 'stat-contact-coverage')).toBe('66.7%');
    expect(await talk.locator('tbody tr').count()).toBe(1);
    await fitsNarrow(page, 'voice-contact');

    // The team page: last contact, the buddy, open pains worst first (as text), the conversation.
    await page.goto(`${baseUrl}/teams/t1`);
    await poll(() => text(page, 'team-last-contact')).toBe(`Last contact${daysAgo(10)} `);
    expect(await text(page, 'team-buddy')).toContain('Priya');
    const pains = page.getByTestId('team-pains').locator('li');
    await poll(() => pains.count()).toBe(2);
    expect(await pains.first().locator('a').textContent()).toBe(HOSTILE);
    expect(await pains.first().locator('a').getAttribute('href')).toBe('/voice/pains?team=t1&status=open');
    await poll(() => text(page, 'team-requests')).toContain('Cache docker layers');
    expect(await page.getByRole('list', { name: 'Recent conversations' }).textContent()).toContain('Builds are slow');
    await shot(page, 'voice-team');
    await fitsNarrow(page, 'voice-team');
    await page.goto(`${baseUrl}/teams/t2`);
    await poll(() => text(page, 'team-last-contact')).toContain('no conversation in 90 days');

    // The capability page: its bugs, its SLA (edited through the form), its CSAT per wave.
    await page.goto(`${baseUrl}/capabilities/ci`);
    await poll(() => text(page, 'stat-capability-open-bugs')).toBe('1');
    await poll(() => text(page, 'stat-capability-past-sla')).toBe('1');
    const sla = page.getByRole('table', { name: 'SLA policy' });
    expect(await sla.locator('tr[data-severity="1"]').textContent()).toBe('1 (worst)4 h24 h (1 day)');
    expect(await sla.locator('tr[data-severity="3"]').textContent()).toBe('3no SLA');
    await page.getByRole('button', { name: 'Edit SLA' }).click();
    await page.getByLabel('Acknowledge within (hours)').nth(2).fill('48');
    await page.getByLabel('Fix within (hours)').nth(2).fill('240');
    await page.getByRole('button', { name: 'Save the SLA' }).click();
    await poll(() => sla.locator('tr[data-severity="3"]').textContent()).toBe('348 h (2 days)240 h (10 days)');
    expect(await call('GET', '/capabilities/ci/sla')).toMatchObject({
      severities: { '3': { acknowledgeHours: 48, fixHours: 240 } },
    });
    // Wave one: 5, 4, 2 → 2 of 3 satisfied = 66.7 %; NPS 9, 10, 3 → (2 − 1) / 3 = +33.3; 3 of 3 answered.
    const waves = page.getByRole('table', { name: 'CSAT per wave' }).locator('tbody tr');
    await poll(() => waves.count()).toBe(2);
    await poll(() => waves.nth(0).locator('td[data-cell="csat"]').textContent()).toBe('66.7 % (3 answers)');
    expect(await waves.nth(0).locator('td[data-cell="nps"]').textContent()).toBe('+33.3 (3 answers)');
    expect(await waves.nth(0).locator('td[data-cell="response-rate"]').textContent()).toBe('100 % (3 of 3)');
    expect(await waves.nth(1).locator('td[data-cell="csat"]').textContent()).toBe('too few answers');
    expect(await waves.nth(1).locator('td[data-cell="response-rate"]').textContent()).toBe('0 % (0 of 3)');
    await shot(page, 'voice-capability');
    await fitsNarrow(page, 'voice-capability');

    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });
});
