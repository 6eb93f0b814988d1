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

describe('the OpenAPI document', () => {
  type Operation = {
    security?: unknown[];
    parameters?: { in: string; name: string; required?: boolean }[];
    requestBody?: { content: Record<string, { schema: { type?: string } }> };
    responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  };
  const document = async () =>
    (await t.call('GET', '/api/openapi.json', { role: null })).body as {
      paths: Record<string, Record<string, Operation>>;
    };

  it('describes every route the app serves, and only those', async () => {
    const doc = await document();
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Middleware is registered for ALL methods; every handler has a method of its own.
    // A feed's handler reads `:file` (Hono cannot route `{name}.atom`); the document names each format's address.
    const feeds = (route: string) =>
      route.endsWith('{file}')
        ? ['atom', 'json'].map((format) =>
            route
              .replace('/feeds/{file}', '/feeds/releases')
              .replace('{file}', `{name}.${format}`)
              .replace(/releases$/, `releases.${format}`),
          )
        : [route];
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL')
      .flatMap((r) => feeds(`${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    expect(served).toEqual(expect.arrayContaining(['GET /api/health', 'POST /webhooks/github']));
    expect([...new Set(served)].sort()).toEqual([...new Set(described)].sort());
  });

  it('describes the open routes as open, and the webhooks with their headers, body and answers', async () => {
    const doc = await document();
    expect(doc.paths['/api/health']?.get?.security).toEqual([]);
    expect(doc.paths['/api/openapi.json']?.get?.security).toEqual([]);
    const headers = {
      github: ['x-hub-signature-256', 'x-github-delivery', 'x-github-event'],
      gitlab: ['x-gitlab-token', 'x-gitlab-event', 'idempotency-key'],
      pagerduty: ['x-pagerduty-signature'],
    };
    for (const [source, names] of Object.entries(headers)) {
      const op = doc.paths[`/webhooks/${source}`]?.post;
      expect({ source, security: op?.security }).toEqual({ source, security: [] });
      expect(op?.parameters?.filter((p) => p.in === 'header').map((p) => p.name)).toEqual(names);
      expect(op?.requestBody?.content['application/json']?.schema.type).toBe('object');
      expect(op?.responses['202']?.content?.['application/json']?.schema.$ref).toBe(
        '#/components/schemas/WebhookAnswer',
      );
      for (const status of ['400', '401', '413'])
        expect(op?.responses[status]?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
    }
    // The documented error shape is the one the webhooks answer with.
    const refused = await t.call('POST', '/webhooks/github', { role: null, body: {} });
    expect(refused).toEqual({
      status: 401,
      body: {
        error: {
          code: 'INVALID_SIGNATURE',
          message: 'GitHub webhooks are not configured: set PAVED_GITHUB_WEBHOOK_SECRET or add an integration',
        },
      },
    });
  });
});
