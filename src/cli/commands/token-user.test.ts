import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { checkTokenArgs, tokenCreate, tokenList } from './token.js';
import type { DirectBackend } from '../backend.js';

const USER = `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: jane }
spec: { profile: { email: jane@example.com }, memberOf: [] }
`;

let t: TestApp;
let backend: DirectBackend;

beforeAll(async () => {
  t = await createTestApp();
  backend = { kind: 'direct', db: t.database.db, dataDir: null, created: false, migrated: [] } as DirectBackend;
  const res = await t.call('POST', '/api/v1/imports/backstage', {
    body: { files: [{ path: 'jane.yaml', content: USER }], source: 'jane' },
  });
  expect(res.status).toBe(200);
});
afterAll(() => t.close());

describe('paved token create --user', () => {
  it('issues a personal token for a catalog User by email, acting as her, and lists it apart', async () => {
    const lines: string[] = [];
    await tokenCreate(backend, { name: 'laptop', user: 'JANE@example.com', scopes: [] }, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^Token \d+ "laptop" \(personal, acts as user:default\/jane\) created in /);
    const me = await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${lines[1]}` } });
    expect(await me.json()).toMatchObject({ person: 'user:default/jane', role: 'member', via: 'token' });

    const list: string[] = [];
    await tokenList(backend, (l) => list.push(l));
    const personalAt = list.indexOf(
      "Personal tokens (each acts as its person, with the person's rights in the catalog):",
    );
    expect(personalAt).toBeGreaterThan(0);
    expect(list.slice(0, personalAt).some((l) => l.includes('laptop'))).toBe(false);
    expect(list[personalAt + 1]?.split(/\s{2,}/)).toEqual([
      'ID',
      'NAME',
      'PERSON',
      'SCOPES',
      'STATUS',
      'CREATED BY',
      'LAST USED',
    ]);
    expect(list[personalAt + 2]?.split(/\s{2,}/).slice(1, 5)).toEqual(['laptop', 'user:default/jane', '-', 'active']);
  });

  it('refuses an unknown person, and a role or team with --user', async () => {
    await expect(tokenCreate(backend, { name: 'x', user: 'nobody', scopes: [] }, () => {})).rejects.toThrow(
      'no person "nobody" in the catalog (a User, by name or email)',
    );
    expect(() => checkTokenArgs({ name: 'x', user: 'jane', role: 'admin', scopes: [] })).toThrow(
      "--role does not go with --user: a personal token has its person's rights",
    );
  });
});
