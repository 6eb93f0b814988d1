import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { silentLogger } from '../http/logger.js';
import { buildApp } from './app.js';

let database: TestDatabase;
let webRoot: string;

beforeAll(async () => {
  database = await createTestDatabase();
  webRoot = await mkdtemp(join(tmpdir(), 'paved-web-'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
});
afterAll(async () => {
  await database.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe('security headers', () => {
  it("pages allow only the app's own scripts, are never framed, and every answer is nosniff", async () => {
    const app = buildApp({ db: database.db, logger: silentLogger, webRoot });
    const page = await app.request('/capabilities');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src'] ?? directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');

    const api = await app.request('/api/v1/me');
    expect(api.status).toBe(401);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
