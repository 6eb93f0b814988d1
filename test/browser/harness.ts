import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CatalogFile } from '../../src/modules/catalog/entity.js';
import { runImport } from '../../src/modules/imports/run-import.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { AuthSettings } from '../../src/http/auth-settings.js';
import { createTestDatabase, type TestDatabase } from '../db.js';

const WEB_ROOT = resolve('dist/web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = process.env.PAVED_SCREENSHOTS ?? tmpdir();

export interface Harness {
  database: TestDatabase;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A fresh database with the catalog imported, the real server on a free port serving the built SPA, and Chromium.
 * `auth` gives the sign-in settings once the server's URL is known (an identity provider needs it as redirect URI).
 */
export async function startHarness(
  files: CatalogFile[],
  options: { auth?: (baseUrl: string) => Promise<AuthSettings> } = {},
): Promise<Harness> {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(`no ${WEB_ROOT}/index.html: run npm run build:web first`);
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);

  const database = await createTestDatabase();
  const imported = await runImport(database.db, { files, source: 'test-catalog', skipInvalid: false, actor: 'test' });
  expect(imported.problems).toEqual([]);
  expect(imported.status).toBe('succeeded');

  let app: App | null = null;
  const server = await new Promise<ServerType>((done, fail) => {
    const s = serve(
      {
        fetch: (req) => (app ? app.fetch(req) : new Response('starting', { status: 503 })),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => done(s),
    );
    s.once('error', fail);
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the server has no port');
  const auth = await options.auth?.(`http://127.0.0.1:${address.port}`);
  // A secret key as a real install has one: integrations (webhook secrets) are stored sealed with it.
  app = buildApp({
    db: database.db,
    // Only unhandled errors are logged: a 500 in a browser test shows its cause in the test's output.
    logger: pino({ level: 'error' }),
    webRoot: WEB_ROOT,
    secretKey: randomBytes(32),
    ...(auth ? { auth } : {}),
  });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    database,
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      await database.close();
    },
  };
}

/**
 * A page that records script errors and failed API calls: a broken UI often only shows there.
 * `errors` lists uncaught errors; `failedCalls` lists every API answer of 400 or more as "status METHOD path".
 */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[]; failedCalls: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  // A step that waits longer than this fails naming what it waited for, well within the test's own time limit.
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  const failedCalls: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Failed requests are checked through failedCalls, precisely.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && r.status() >= 400)
      failedCalls.push(`${r.status()} ${r.request().method()} ${url.pathname}`);
  });
  return { page, errors, failedCalls };
}

export async function signIn(page: Page, token: string) {
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `paved-${name}.png`), fullPage: true });
