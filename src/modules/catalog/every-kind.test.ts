import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { runImport } from '../imports/run-import.js';

// Domains, systems, APIs and resources, written as Backstage's demo catalog writes them.
const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  profile: { displayName: Team Alpha, email: team-a@example.com }
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata:
  name: artists
  title: Artists
  description: Everything about artists
spec:
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata:
  name: playback
spec:
  owner: group:default/ghost-team
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: artist-engagement-portal
spec:
  owner: team-a
  domain: artists
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: artists-db
  description: Stores artist details
spec:
  type: database
  owner: team-a
  system: artist-engagement-portal
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: artists-bucket
spec:
  type: s3-bucket
  owner: team-a
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: artist-api
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  system: artist-engagement-portal
  definition: "openapi: 3.0.0"
`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await runImport(t.database.db, {
    files: [{ path: 'catalog.yaml', content: CATALOG }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(() => t.close());

const teamA = { ref: 'group:default/team-a', name: 'team-a', title: 'Team Alpha' };

describe('GET /api/v1/domains and /api/v1/resources', () => {
  it('lists domains with their owner, an unknown owner shown as none', async () => {
    const res = await t.call('GET', '/api/v1/domains');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(
      res.body.items.map((d: { name: string; title: string | null; ownerRef: string; owner: unknown }) => [
        d.name,
        d.title,
        d.ownerRef,
        d.owner,
      ]),
    ).toEqual([
      ['artists', 'Artists', 'group:default/team-a', teamA],
      ['playback', null, 'group:default/ghost-team', null],
    ]);
    expect(res.body.items[0]).toMatchObject({ ref: 'domain:default/artists', description: 'Everything about artists' });
  });

  it('lists resources with type, owner and system, paged and filtered like the other lists', async () => {
    const first = await t.call('GET', '/api/v1/resources?limit=1');
    expect(first.body.items.map((r: { name: string }) => r.name)).toEqual(['artists-bucket']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.call('GET', `/api/v1/resources?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]).toMatchObject({
      ref: 'resource:default/artists-db',
      type: 'database',
      ownerRef: 'group:default/team-a',
      owner: teamA,
      systemRef: 'system:default/artist-engagement-portal',
      status: 'active',
    });
    expect(second.body.nextCursor).toBeNull();
    const databases = await t.call('GET', '/api/v1/resources?type=database');
    expect(databases.body.items.map((r: { name: string }) => r.name)).toEqual(['artists-db']);
  });

  it('refuses bad list parameters, naming the field', async () => {
    const res = await t.call('GET', '/api/v1/domains?limit=0');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['limit']);
  });

  it('describes both lists in the OpenAPI document', async () => {
    const paths = (await t.call('GET', '/api/openapi.json', { role: null })).body.paths;
    expect(paths['/api/v1/domains'].get.responses['200']).toBeDefined();
    expect(paths['/api/v1/resources'].get.responses['200']).toBeDefined();
  });
});

describe('GET /api/v1/search over every kind', () => {
  it('finds domains, systems, APIs and resources, each saying its kind, owner and what it is part of', async () => {
    const res = await t.call('GET', '/api/v1/search?q=artist');
    const found = res.body.items.map((i: { kind: string; ref: string; owner: unknown; partOf: string | null }) => [
      i.kind,
      i.ref,
      i.owner === null ? null : (i.owner as { ref: string }).ref,
      i.partOf,
    ]);
    expect(found.sort()).toEqual([
      ['api', 'api:default/artist-api', 'group:default/team-a', 'system:default/artist-engagement-portal'],
      ['domain', 'domain:default/artists', 'group:default/team-a', null],
      ['resource', 'resource:default/artists-bucket', 'group:default/team-a', null],
      ['resource', 'resource:default/artists-db', 'group:default/team-a', 'system:default/artist-engagement-portal'],
      ['system', 'system:default/artist-engagement-portal', 'group:default/team-a', 'domain:default/artists'],
    ]);
  });

  it('finds a team by its profile displayName, its title', async () => {
    const res = await t.call('GET', '/api/v1/search?q=alpha');
    expect(res.body.items).toEqual([
      {
        kind: 'team',
        ref: 'group:default/team-a',
        name: 'team-a',
        title: 'Team Alpha',
        description: null,
        status: 'active',
        owner: null,
        partOf: null,
      },
    ]);
  });
});
