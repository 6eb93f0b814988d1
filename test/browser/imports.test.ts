import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/auth/service.js';
import { catalogFiles } from './catalog-fixture.js';
import { openPage, shot, signIn, startHarness, type Harness } from './harness.js';

/*
 * The harness imports the catalog fixture (source test-catalog). The person then uploads, under the source `upload`:
 * 1. teams.yaml (group vault-team) and services.yaml (component vault): 2 created.
 * 2. the same two files again: 2 unchanged.
 * 3. teams.yaml alone: vault is missing from the source, so vault is orphaned: 1 orphaned and 1 unchanged.
 * 4. a component named "-bad-": rejected with one problem, nothing changed.
 * 5. test/fixtures/catalog.zip, under the source upload:zip: 3 created.
 * Then a Backstage URL on this machine: refused by the outbound guard, saying why, its token shown nowhere.
 */
const yaml = (body: string) => Buffer.from(body);
const teams = {
  name: 'teams.yaml',
  mimeType: 'application/yaml',
  buffer: yaml(
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: vault-team\nspec:\n  type: team\n  children: []\n',
  ),
};
const services = {
  name: 'services.yaml',
  mimeType: 'application/yaml',
  buffer: yaml(
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: vault\nspec:\n  type: service\n  lifecycle: production\n  owner: vault-team\n',
  ),
};
const bad = {
  name: 'bad.yaml',
  mimeType: 'application/yaml',
  buffer: yaml(
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: -bad-\nspec:\n  type: service\n  lifecycle: production\n  owner: vault-team\n',
  ),
};

let harness: Harness;
let browser: Browser;
let baseUrl: string;
let admin = '';

beforeAll(async () => {
  harness = await startHarness(catalogFiles);
  ({ browser, baseUrl } = harness);
  admin = (await createToken(harness.database.db, { name: 'test-admin', role: 'admin' })).token;
});

afterAll(async () => {
  await harness?.close();
});

/** The counts of the run just started, as shown: { created: '2', … }. */
const runCounts = (page: Page) =>
  page
    .getByTestId('import-run')
    .locator('.count')
    .evaluateAll((counts) =>
      Object.fromEntries(counts.map((c) => [c.querySelector('dt')?.textContent, c.querySelector('dd')?.textContent])),
    );

async function upload(page: Page, files: (typeof teams)[], source?: string) {
  await page.getByLabel('Descriptor files').setInputFiles(files);
  if (source !== undefined) await page.getByLabel('Source').fill(source);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

describe('imports in a browser', () => {
  it('uploads descriptor files and opens each run with its report; a Backstage URL on this machine is refused, saying why', async () => {
    const { page, errors, failedCalls } = await openPage(browser);
    await page.goto(`${baseUrl}/imports`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, admin);
    await page.waitForURL((url) => url.pathname === '/imports');

    await upload(page, [teams, services]);
    expect(await page.getByLabel('Source').inputValue()).toBe('upload');
    await expect
      .poll(() => runCounts(page))
      .toMatchObject({ created: '2', updated: '0', unchanged: '0', orphaned: '0' });
    const run = page.getByTestId('import-run');
    expect(await run.locator('.badge').first().textContent()).toBe('succeeded');
    expect(await run.locator('.import-head .mono').textContent()).toBe('upload');
    // The fixture's own import is an earlier run.
    expect(await page.locator('[aria-label="Recent imports"] .import-item').count()).toBe(1);

    await upload(page, [teams, services]);
    await expect.poll(() => runCounts(page)).toMatchObject({ created: '0', unchanged: '2', orphaned: '0' });

    // Only the team this time: the service it no longer lists is orphaned.
    // One file proposes its own name as the source; the person keeps `upload`.
    await page.getByLabel('Descriptor files').setInputFiles([teams]);
    expect(await page.getByLabel('Source').inputValue()).toBe('upload:teams.yaml');
    await upload(page, [teams], 'upload');
    await expect.poll(() => runCounts(page)).toMatchObject({ unchanged: '1', orphaned: '1' });

    // An invalid document: the run is rejected, says why, and nothing changes.
    await upload(page, [bad], 'upload');
    await expect.poll(() => run.locator('.badge').first().textContent()).toBe('rejected');
    expect(await runCounts(page)).toMatchObject({ created: '0', invalid: '1' });
    expect(await run.locator('.messages-danger summary').textContent()).toBe('1 problem');
    expect(await run.locator('.messages-danger li').first().textContent()).toContain('bad.yaml');
    await shot(page, 'imports-rejected');

    // A .zip of a catalog folder, as a zip tool packs it: its three descriptors, under a source of their own.
    const zip = { name: 'catalog.zip', mimeType: 'application/zip', buffer: readFileSync('test/fixtures/catalog.zip') };
    await upload(page, [zip], 'upload:zip');
    await expect.poll(() => runCounts(page)).toMatchObject({ created: '3', invalid: '0' });
    expect(await run.locator('.badge').first().textContent()).toBe('succeeded');

    // A Backstage on this machine, with a token: refused by the outbound guard (private destinations are off by
    // default) with a message that says why and how to allow it; the token nowhere on the page.
    await page.getByRole('group', { name: 'Import from' }).getByRole('button', { name: 'Backstage URL' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    expect(await page.locator('#import-url-error').textContent()).toContain('enter the address');
    await page.getByLabel('Backstage URL').fill('http://127.0.0.1:9/');
    await page.getByLabel('Token (optional)').fill('secret-backstage-token');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByText(/127\.0\.0\.1 is a loopback address/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/PAVED_ALLOW_PRIVATE_DESTINATIONS/).count()).toBeGreaterThan(0);
    // Still in its field for another try, and nowhere else on the page.
    expect(await page.locator('body').innerText()).not.toContain('secret-backstage-token');
    expect(await page.getByLabel('Token (optional)').getAttribute('type')).toBe('password');
    await shot(page, 'imports');

    expect(errors).toEqual([]);
    expect([...new Set(failedCalls)]).toEqual([
      '401 GET /api/v1/me',
      '422 POST /api/v1/imports/backstage',
      '400 POST /api/v1/imports/backstage',
    ]);
  });
});
