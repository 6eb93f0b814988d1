import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { silentLogger } from '../http/logger.js';
import { authenticateToken, createToken, revokeTokens } from '../modules/auth/service.js';
import { loadConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { keepDemoToken } from './demo-token.js';

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'paved-demo-token-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

const activeDemoTokens = async () =>
  database.db
    .selectFrom('api_tokens')
    .select('id')
    .where('name', '=', 'demo-admin')
    .where('revoked_at', 'is', null)
    .execute();

describe('the demo admin token', () => {
  it('is issued once, kept in a file only its user can read, and the same on the next start', async () => {
    const first = await keepDemoToken(database.db, dir);
    expect(first).toEqual({
      token: expect.stringMatching(/^pvd_/),
      path: join(dir, 'demo-admin-token'),
      issued: 'first run',
    });
    expect((await stat(first.path)).mode & 0o777).toBe(0o600);
    expect((await readFile(first.path, 'utf8')).trim()).toBe(first.token);
    const again = await keepDemoToken(database.db, dir);
    expect(again).toEqual({ ...first, issued: null });
    expect(await authenticateToken(database.db, first.token)).toMatchObject({ name: 'demo-admin', role: 'admin' });
    expect(await activeDemoTokens()).toHaveLength(1);
  });

  it('is replaced when it was revoked, and when its file became readable by others', async () => {
    const before = await keepDemoToken(database.db, dir);
    await revokeTokens(database.db, { name: 'demo-admin' });
    const afterRevoke = await keepDemoToken(database.db, dir);
    expect(afterRevoke.issued).toBe('the kept token no longer works');
    expect(afterRevoke.token).not.toBe(before.token);

    await chmod(afterRevoke.path, 0o644);
    const afterExposure = await keepDemoToken(database.db, dir);
    expect(afterExposure.issued).toBe('the file was readable by others');
    expect(afterExposure.token).not.toBe(afterRevoke.token);
    expect(await authenticateToken(database.db, afterRevoke.token)).toBeNull();
    expect((await stat(afterExposure.path)).mode & 0o777).toBe(0o600);
    expect(await activeDemoTokens()).toHaveLength(1);
  });

  it('is not reused when the file holds another token, even an admin one', async () => {
    const { token } = await keepDemoToken(database.db, dir);
    const other = (await createToken(database.db, { name: 'someone', role: 'admin' })).token;
    await writeFile(join(dir, 'demo-admin-token'), `${other}\n`, { mode: 0o600 });
    const next = await keepDemoToken(database.db, dir);
    expect(next.issued).toBe('the kept token no longer works');
    expect([token, other]).not.toContain(next.token);
  });

  it('is the only admin token a new demo directory gets: no first-start token is made unseen', async () => {
    const dataDir = join(dir, 'fresh');
    const config = { ...loadConfig({}), dataDir, port: 0, databaseUrl: null };
    let demo = '';
    const server = await startServer({
      config,
      logger: silentLogger,
      prepare: async ({ db }) => {
        demo = (await keepDemoToken(db, dataDir)).token;
      },
    });
    try {
      expect(server.generatedAdminToken).toBeNull();
      const tokens = await server.database.db
        .selectFrom('api_tokens')
        .select(['name', 'created_by'])
        .where('revoked_at', 'is', null)
        .orderBy('id')
        .execute();
      // The server's own token for the local CLI, revoked when it stops, is the only other one.
      expect(tokens).toEqual([
        { name: 'demo-admin', created_by: 'demo' },
        { name: 'local-cli', created_by: 'server' },
      ]);
      const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${demo}` } });
      expect(await me.json()).toEqual({
        name: 'demo-admin',
        role: 'admin',
        orgAdmin: true,
        person: null,
        teams: [],
        via: 'token',
        displayName: null,
        email: null,
      });
    } finally {
      await server.stop();
    }
  });
});
