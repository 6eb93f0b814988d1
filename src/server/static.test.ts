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
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Paved</title>');
});
afterAll(async () => {
  await database.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe('the web app’s files', () => {
  it('answers 400 with the usual error body to a path that is not valid percent-encoding, without a token', async () => {
    const app = buildApp({ db: database.db, logger: silentLogger, webRoot });
    for (const path of ['/%E0%A4%A', '/teams/%', '/assets/%FF.js']) {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'path: is not valid percent-encoded UTF-8',
          details: [{ field: 'path', reason: 'is not valid percent-encoded UTF-8' }],
        },
      });
    }
    // A client route still gets the app.
    const page = await app.request('/teams/%E0%A4%A4');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Paved</title>');
  });
});
