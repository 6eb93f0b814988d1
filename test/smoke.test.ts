import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('smoke', () => {
  it('health and auth', async () => {
    expect(await t.call('GET', '/api/health', { role: null })).toEqual({ status: 200, body: { status: 'ok' } });
    const denied = await t.call('GET', '/api/v1/teams', { role: null });
    expect(denied.status).toBe(401);
    const yaml = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ledger }
spec: { type: service, lifecycle: production, owner: payments }
`;
    const res = await t.call('POST', '/api/v1/imports/backstage', {
      body: { files: [{ path: 'catalog-info.yaml', content: yaml }] },
    });
    expect(res.body).toMatchObject({ status: 'succeeded' });
    expect(res.status).toBe(200);
    const teams = await t.call('GET', '/api/v1/teams');
    expect(teams.body.items[0].counts).toEqual({ services: 1, capabilities: 0, members: 0 });
    const doc = await t.call('GET', '/api/openapi.json', { role: null });
    expect(doc.status).toBe(200);
  });
});
describe('yaml', () => {
  it('raw yaml', async () => {
    const res = await t.call('POST', '/api/v1/imports/backstage?filename=a.yaml', {
      body: 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: x }\nspec: { type: team, children: [] }\n',
      headers: { 'content-type': 'application/yaml' },
    });
    expect(res.body).toMatchObject({ status: 'succeeded' });
  });
});
