import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/backup', () => {
  it('is for admins, and on a server without the embedded database says to use pg_dump', async () => {
    expect((await t.call('GET', '/api/v1/backup', { role: 'viewer' })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/backup', { role: null })).status).toBe(401);
    expect(await t.call('GET', '/api/v1/backup')).toEqual({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          message: 'this server runs on PostgreSQL (DATABASE_URL): back it up with pg_dump',
        },
      },
    });
  });
});
