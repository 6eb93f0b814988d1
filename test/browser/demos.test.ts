import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { demosCatalog, seedAdoption } from '../demos-org.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

// The hand-made case of the API test, entered in a browser by a member of platform (which owns golden-ci).
// A Zoom export names ann (early), sam (seventy), nora (never) and zed, nobody in the catalog; tim (ten) is typed in.
const ZOOM = [
  'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
  'Ann Early,ann@example.com,03/01/2025 10:00:01 AM,03/01/2025 11:00:00 AM,60,No',
  'Sam Seventy,sam@example.com,03/01/2025 10:00:05 AM,03/01/2025 11:00:00 AM,60,No',
  'Nora Never,nora@example.com,03/01/2025 10:00:05 AM,03/01/2025 11:00:00 AM,60,No',
  'Zed,zed@elsewhere.io,03/01/2025 10:03:00 AM,03/01/2025 10:30:00 AM,27,Yes',
].join('\n');
// A Microsoft Teams report (UTF-16, tab-separated) naming pia, of the platform team: listed, not counted.
const TEAMS = [
  '1. Summary',
  'Meeting title\tGolden CI demo',
  '',
  '2. Participants',
  'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole',
  'Pia Platform\t3/1/25, 10:00:01 AM\t3/1/25, 11:00:00 AM\t59m\tpia@example.com\tpia@example.com\tPresenter',
  'Zed\t3/1/25, 10:03:00 AM\t3/1/25, 10:30:00 AM\t27m\tzed@elsewhere.io\tzed@elsewhere.io\tAttendee',
].join('\r\n');

let harness: Harness;
let browser: Browser;
let baseUrl: string;
let pia = '';

beforeAll(async () => {
  harness = await startHarness([demosCatalog]);
  ({ browser, baseUrl } = harness);
  const db = harness.database.db;
  const admin = (await createToken(db, { name: 'test-admin', role: 'admin' })).token;
  pia = (await createToken(db, { name: 'pia', role: 'admin', teamRef: 'group:default/platform' })).token;
  await seedAdoption(db, async (team, date) => {
    const res = await fetch(`${baseUrl}/api/v1/capabilities/golden-ci/declarations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ team, status: 'using', date }),
    });
    expect(res.status).toBe(201);
  });
});
afterAll(async () => {
  await harness?.close();
});

describe('demos in a browser', () => {
  it('a platform member records a demo with attendance and an export, and reads its conversion', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await page.goto(`${baseUrl}/shipping/demos`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, pia);
    await page.waitForURL((url) => url.pathname === '/shipping/demos');
    await expect.poll(() => page.getByText('No demo yet').isVisible()).toBe(true);
    failedCalls.length = 0; // the 401s before signing in

    await page.getByRole('button', { name: 'Add a demo' }).click();
    await page.getByLabel('Capability').fill('golden-ci');
    await page.getByLabel('Date').fill('2025-03-01');
    await page.getByLabel('Title').fill('Golden CI in 20 minutes');
    await page.getByLabel('Presenter').fill('Pia');
    await page.getByLabel('Recording link').fill('javascript:alert(1)');
    await page.getByLabel('Team 1').fill('ten');
    await page.getByLabel('Person 1').fill('tim@example.com');
    await page.getByRole('button', { name: 'Save the demo' }).click();
    // A recording that is not http(s) is refused, naming the field; nothing is saved.
    await expect.poll(() => page.getByText('must be an http(s) URL').isVisible()).toBe(true);
    expect(failedCalls).toEqual(['400 POST /api/v1/demos']);
    failedCalls.length = 0;

    await page.getByLabel('Recording link').fill('https://video.example.com/golden-ci');
    await page.getByLabel('Attendance export (optional)').setInputFiles({
      name: 'zoom-participants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ZOOM),
    });
    await page.getByRole('button', { name: 'Save the demo' }).click();
    await page.waitForURL(/\/shipping\/demos\/\d+$/);

    // Eligible: ten, seventy, never; converted: ten (10 days after). early had adopted. 1 of 3.
    const conversion = page.getByTestId('demo-conversion');
    await expect.poll(() => conversion.innerText()).toContain('1 of 3 teams adopted within 60 days (33%)');
    const rows = await page
      .getByRole('table', { name: 'Teams that could convert' })
      .locator('tbody tr')
      .allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'never not yet no',
      'seventy 2025-05-10 no',
      'ten 2025-03-11 converted',
    ]);
    expect(await page.getByTestId('not-counted').innerText()).toContain('early (adopted before the demo, 2025-02-01)');
    expect(await page.getByRole('link', { name: 'Recording' }).getAttribute('href')).toBe(
      'https://video.example.com/golden-ci',
    );

    // The Teams report adds pia (platform: not counted) and lists zed as unmatched.
    await page.getByLabel('Attendance file').setInputFiles({
      name: 'teams-attendance.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${TEAMS}`, 'utf16le'),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = page.getByTestId('import-outcome');
    await expect
      .poll(() => outcome.innerText())
      .toContain('line 7: zed@elsewhere.io: no user in the catalog has this email');
    await expect.poll(() => page.getByTestId('not-counted').innerText()).toContain('platform (platform team)');
    await shot(page, 'demo');

    await page.getByRole('link', { name: '← Demos' }).click();
    await expect.poll(() => page.getByText('1 of 3 teams adopted within 60 days (33%)').count()).toBe(1);
    await shot(page, 'demos');

    await page.goto(`${baseUrl}/capabilities/golden-ci`);
    await expect
      .poll(() => page.getByTestId('capability-demos').innerText())
      .toContain('Conversion 33%: 1 of 3 attending teams that did not use it yet adopted within 60 days');
    expect(errors).toEqual([]);
    expect(failedCalls).toEqual([]);
  });
});
