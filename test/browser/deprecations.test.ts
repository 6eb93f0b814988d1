import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiBackend } from '../../src/cli/backend.js';
import { createToken } from '../../src/modules/auth/service.js';
import { buildDeprecationOrg, deprecationCatalog, type DeprecationOrg } from '../deprecation-org.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

// The organisation of test/deprecation-org.ts, its story ending today: release A's deadline has passed with beta
// and gamma still on Golden CI; release B's deadline is four weeks away, and gamma has not moved.
let harness: Harness;
let token: string;
let root: string;
let org: DeprecationOrg;

beforeAll(async () => {
  harness = await startHarness(deprecationCatalog);
  token = (await createToken(harness.database.db, { name: 'test-admin', role: 'admin' })).token;
  const api: ApiBackend = {
    kind: 'api',
    url: harness.baseUrl,
    async request<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`${harness.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    download: () => Promise.reject(new Error('not used')),
  };
  root = mkdtempSync(join(tmpdir(), 'paved-deprecations-browser-'));
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  org = await buildDeprecationOrg(harness.database.db, root, api, new Date(today.getTime() - 30 * 86_400_000));
}, 300_000);

afterAll(async () => {
  await harness?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('deprecations in a browser', () => {
  it('lists open migrations with their progress and shows one with its burn-down and affected services', async () => {
    const { page, errors, failedCalls } = await openPage(harness.browser);
    await page.goto(`${harness.baseUrl}/shipping/deprecations`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, token);
    await page.waitForURL((url) => url.pathname === '/shipping/deprecations');

    const rowA = page.getByTestId(`deprecation-${org.releaseA}`);
    const rowB = page.getByTestId(`deprecation-${org.releaseB}`);
    await rowA.waitFor();
    // A: 2 of 4 services migrated, beta and gamma late; B: 2 of 3, gamma at risk.
    expect(await rowA.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    expect(await rowA.textContent()).toContain('2 of 4 · 50%');
    expect(await rowA.getByRole('listitem').allTextContents()).toEqual(['beta', 'gamma']);
    expect(await rowB.textContent()).toContain('2 of 3 · 67%');
    expect(await rowB.textContent()).toContain('at risk: gamma');
    await shot(page, 'deprecations');

    await rowA.getByRole('link').click();
    await page.waitForURL(`**/shipping/deprecations/${org.releaseA}`);
    await page.getByRole('heading', { name: 'Burn-down' }).waitFor();
    expect(await page.getByTestId('stat-affected-services').textContent()).toBe('4');
    expect(await page.getByTestId('stat-migrated').textContent()).toBe('2');
    expect(await page.getByTestId('stat-progress').textContent()).toBe('50%');
    await page.locator('.recharts-line').first().waitFor();
    // Late teams first: beta, gamma, then alpha (both migrated).
    const teams = await page.locator('[data-testid^="team-"]').allTextContents();
    expect(teams.map((t) => t.trim())).toEqual(['beta late', 'gamma late', 'alpha']);
    const gamma = page.getByRole('table', { name: 'Affected services of gamma' });
    expect(await gamma.textContent()).toContain('.github/workflows/release.yml:5');
    expect(await gamma.textContent()).toContain('still matching');
    await page.getByText('How migration is measured.').waitFor();
    await shot(page, 'deprecation-migration');
    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual(['401 GET /api/v1/me']);
  });
});
