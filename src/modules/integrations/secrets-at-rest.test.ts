import { createHmac, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { buildApp } from '../../server/app.js';
import { silentLogger } from '../../http/logger.js';
import { insertIntegration } from './repo.js';
import { invalidateIntegrationSecrets } from './secret-cache.js';
import { parseSecretKey, secretBox } from './secret-box.js';
import { sealStoredSecrets } from './seal-stored-secrets.js';

const KEY = randomBytes(32);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ secretKey: KEY });
});
afterAll(() => t.close());

const stored = async (id: number) =>
  (await t.database.db.selectFrom('integrations').select('secret').where('id', '=', id).executeTakeFirstOrThrow())
    .secret;
const setStored = (id: number, secret: string) =>
  t.database.db.updateTable('integrations').set({ secret }).where('id', '=', id).execute();

/** A signed GitHub ping to an app (the test app unless another is given). */
async function ping(secret: string, deliveryId: string, app = t.app) {
  const body = JSON.stringify({ zen: 'Design for failure.', hook_id: 2 });
  const res = await app.request('/webhooks/github', {
    method: 'POST',
    headers: {
      'x-github-event': 'ping',
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
  });
  return res.status;
}

const hintOf = async (id: number) =>
  ((await t.call('GET', '/api/v1/integrations')).body.items as { id: number; secretHint: string }[]).find(
    (i) => i.id === id,
  )?.secretHint;

/** A logger whose lines the test reads. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('PAVED_SECRET_KEY', () => {
  it('is 32 bytes in base64, as openssl rand -base64 32 prints; anything else is refused at start', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(`${key.toString('base64url')}\n`)).toEqual(key);
    expect(parseSecretKey(undefined)).toBeNull();
    expect(parseSecretKey('')).toBeNull();
    for (const bad of [
      'hunter2',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      '!'.repeat(44),
    ])
      expect(() => parseSecretKey(bad)).toThrow(
        'PAVED_SECRET_KEY must be 32 random bytes in base64 (openssl rand -base64 32)',
      );
  });

  it('seals with a fresh nonce each time, opens only with the same key and context, and refuses any change', () => {
    const box = secretBox(KEY);
    const a = box.seal('the-webhook-secret', 'integration:github:acme');
    const b = box.seal('the-webhook-secret', 'integration:github:acme');
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('the-webhook-secret');
    expect(box.open(a, 'integration:github:acme')).toBe('the-webhook-secret');
    expect(box.open(b, 'integration:github:acme')).toBe('the-webhook-secret');

    const raw = Buffer.from(a.slice(3), 'base64url');
    for (const at of [0, 12, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[at] = tampered[at]! ^ 1;
      expect(() => box.open(`v1:${tampered.toString('base64url')}`, 'integration:github:acme')).toThrow();
    }
    expect(() => box.open(a, 'integration:github:other')).toThrow();
    expect(() => secretBox(randomBytes(32)).open(a, 'integration:github:acme')).toThrow();
  });
});

describe('integration secrets at rest', () => {
  it('stores the secret encrypted, never as it was given, and verifies deliveries with it', async () => {
    const chosen = 'a-github-secret-chosen-by-people';
    const created = await t.call('POST', '/api/v1/integrations', {
      body: { provider: 'github', name: 'sealed-org', secret: chosen },
    });
    expect(created).toMatchObject({ status: 201, body: { secret: chosen, secretHint: '…ople' } });
    const value = await stored(created.body.id);
    expect(value).toMatch(/^v1:/);
    expect(value).not.toContain(chosen);
    expect(value).not.toContain(Buffer.from(chosen).toString('base64'));
    expect(await hintOf(created.body.id)).toBe('…ople');
    expect(await ping(chosen, 'sealed-1')).toBe(202);
  });

  it('refuses a tampered stored secret: it verifies nothing', async () => {
    const created = await t.call('POST', '/api/v1/integrations', { body: { provider: 'github', name: 'tampered' } });
    const value = await stored(created.body.id);
    const raw = Buffer.from(value.slice(3), 'base64url');
    raw[20] = raw[20]! ^ 0x40;
    await setStored(created.body.id, `v1:${raw.toString('base64url')}`);
    invalidateIntegrationSecrets(t.database.db); // as after a restart
    expect(await ping(created.body.secret, 'tampered-1')).toBe(401);
    expect(await hintOf(created.body.id)).toBe('…????');
    await t.database.db.deleteFrom('integrations').where('id', '=', created.body.id).execute();
  });

  it('refuses to store a secret without PAVED_SECRET_KEY, saying so, and stores nothing', async () => {
    const keyless = buildApp({ db: t.database.db, logger: silentLogger });
    const before = await t.database.db.selectFrom('integrations').selectAll().execute();
    for (const body of [
      { provider: 'github', name: 'no-key' },
      { provider: 'gitlab', name: 'no-key', secret: 'a-gitlab-token-of-20-chars' },
    ]) {
      const res = await keyless.request('/api/v1/integrations', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: {
          code: 'CONFLICT',
          message:
            'Paved stores integration secrets encrypted and PAVED_SECRET_KEY is not set: set PAVED_SECRET_KEY to 32 random bytes in base64 (openssl rand -base64 32), then restart',
        },
      });
    }
    expect(await t.database.db.selectFrom('integrations').selectAll().execute()).toEqual(before);
  });

  it('encrypts secrets stored in plaintext at start when the key is set, and warns without it', async () => {
    const plaintext = 'stored-before-encryption-at-rest';
    const row = await insertIntegration(t.database.db, {
      provider: 'github',
      name: 'legacy',
      secret: plaintext,
      createdBy: 'before-the-upgrade',
    });
    invalidateIntegrationSecrets(t.database.db); // written behind the API's back, as an older version did
    // Until then it still verifies.
    expect(await ping(plaintext, 'legacy-1', buildApp({ db: t.database.db, logger: silentLogger }))).toBe(202);

    const without = capturingLogger();
    expect(await sealStoredSecrets(t.database.db, null, without.logger)).toEqual({
      sealed: 0,
      plaintext: 1,
      unreadable: 1, // the one sealed by the first test: no key opens it
    });
    expect(await stored(row!.id)).toBe(plaintext);
    expect(without.lines.map((l) => JSON.parse(l).msg)).toEqual([
      '1 integration secrets are stored in plaintext: set PAVED_SECRET_KEY to 32 random bytes in base64 (openssl rand -base64 32) and restart to encrypt them',
      '1 integration secrets are encrypted and PAVED_SECRET_KEY is not set: their webhooks are refused until it is',
    ]);

    const withKey = capturingLogger();
    expect(await sealStoredSecrets(t.database.db, KEY, withKey.logger)).toEqual({
      sealed: 1,
      plaintext: 0,
      unreadable: 0,
    });
    expect(await stored(row!.id)).toMatch(/^v1:/);
    expect(await stored(row!.id)).not.toContain(plaintext);
    invalidateIntegrationSecrets(t.database.db); // as the restart that sealed it would
    expect(withKey.lines.join('')).not.toContain(plaintext);
    expect(
      await ping(plaintext, 'legacy-2', buildApp({ db: t.database.db, logger: silentLogger, secretKey: KEY })),
    ).toBe(202);
    // A second start has nothing left to do.
    expect(await sealStoredSecrets(t.database.db, KEY, silentLogger)).toEqual({
      sealed: 0,
      plaintext: 0,
      unreadable: 0,
    });
  });
});
