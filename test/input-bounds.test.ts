import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { componentDoc, documents, groupDoc } from './descriptors.js';

// Finding 6 of the probe: input that reached the database unchecked answered 500. Each input below is refused at
// the edge with the field it is wrong in, and nothing is stored.

let t: TestApp;
let scanRoot: string;

const CAPABILITY = `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci }
spec: { owner: platform, lifecycle: ga }
`;

const TABLES = ['entities', 'imports', 'mandates', 'declarations', 'scans', 'repositories', 'deployments'] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const yamlFile = (content: string) => ({ files: [{ path: 'catalog-info.yaml', content }] });
const groupWith = (metadata: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: extra, ${metadata} }\nspec: { type: team, children: [] }\n`;
const service = (extra: Record<string, unknown>) => ({
  name: 'new-svc',
  type: 'service',
  lifecycle: 'production',
  owner: 'team-a',
  ...extra,
});
/** `n` distinct words: the search vector gets one lexeme each. */
const distinctWords = (chars: number) => {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += `w${i.toString(36)} `;
  return out.slice(0, chars);
};

beforeAll(async () => {
  scanRoot = await mkdtemp(join(tmpdir(), 'paved-bounds-'));
  t = await createTestApp({ scanRoot });
  const imported = await t.call('POST', '/api/v1/imports/backstage', {
    body: yamlFile(documents(groupDoc('platform'), groupDoc('team-a'), componentDoc('api-one', 'team-a'), CAPABILITY)),
  });
  expect(imported.status).toBe(200);
});

afterAll(async () => {
  await t.close();
  await rm(scanRoot, { recursive: true, force: true });
});

interface Case {
  what: string;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  field: string | RegExp;
}

const NUL = '\u0000';

const CASES: Case[] = [
  { what: 'NUL in a name', method: 'POST', path: '/api/v1/teams', body: { name: `a${NUL}b` }, field: 'name' },
  {
    what: 'NUL in a title',
    method: 'POST',
    path: '/api/v1/services',
    body: service({ title: `a${NUL}b` }),
    field: 'title',
  },
  {
    what: 'NUL in a description',
    method: 'PATCH',
    path: '/api/v1/services/api-one',
    body: { description: `x${NUL}` },
    field: 'description',
  },
  {
    what: 'NUL in an annotation value',
    method: 'POST',
    path: '/api/v1/services',
    body: service({ annotations: { 'paved.dev/x': `v${NUL}` } }),
    field: 'annotations.paved.dev/x',
  },
  {
    what: 'NUL in a tag',
    method: 'PATCH',
    path: '/api/v1/capabilities/golden-ci',
    body: { tags: [`t${NUL}`] },
    field: 'tags[0]',
  },
  {
    what: 'NUL in a mandate note',
    method: 'POST',
    path: '/api/v1/capabilities/golden-ci/mandates',
    body: { scope: 'all', effectiveFrom: '2025-01-01', note: `n${NUL}` },
    field: 'note',
  },
  {
    what: 'NUL in a declaration note',
    method: 'POST',
    path: '/api/v1/capabilities/golden-ci/declarations',
    body: { team: 'team-a', status: 'using', date: '2025-01-01', note: `n${NUL}` },
    field: 'note',
  },
  { what: 'q=%00 in search', method: 'GET', path: '/api/v1/search?q=%00', field: 'q' },
  { what: 'q=%00 in a list', method: 'GET', path: '/api/v1/services?q=%00', field: 'q' },
  { what: 'NUL in a scan path', method: 'POST', path: '/api/v1/scans', body: { path: `repo${NUL}` }, field: 'path' },
  {
    what: 'a services cursor with an id past bigint',
    method: 'GET',
    path: `/api/v1/services?cursor=${cursorOf(['x', 1e300])}`,
    field: 'cursor',
  },
  {
    what: 'a services cursor naming no possible entity',
    method: 'GET',
    path: `/api/v1/services?cursor=${cursorOf([`x${NUL}`, 1])}`,
    field: 'cursor',
  },
  {
    what: 'an import source of 2,800 bytes (JSON)',
    method: 'POST',
    path: '/api/v1/imports/backstage',
    body: { ...yamlFile(groupDoc('extra')), source: 'é'.repeat(1400) },
    field: 'source',
  },
  {
    what: 'an import source of 2,800 bytes (raw YAML)',
    method: 'POST',
    path: `/api/v1/imports/backstage?source=${encodeURIComponent('é'.repeat(1400))}`,
    body: groupDoc('extra'),
    headers: { 'content-type': 'application/yaml' },
    field: 'source',
  },
  {
    what: 'NUL in an imported file path',
    method: 'POST',
    path: '/api/v1/imports/backstage',
    body: { files: [{ path: `a${NUL}.yaml`, content: groupDoc('extra') }] },
    field: 'files[0].path',
  },
  {
    what: 'a description of 30,000 characters',
    method: 'PATCH',
    path: '/api/v1/services/api-one',
    body: { description: distinctWords(30_000) },
    field: 'description',
  },
  { what: 'a DORA from in year 0000', method: 'GET', path: '/api/v1/dora?from=0000-01-01T00:00:00Z', field: 'from' },
  {
    what: 'a DORA series to in year 0000',
    method: 'GET',
    path: '/api/v1/dora/series?to=0000-06-01T00:00:00Z',
    field: 'to',
  },
  {
    what: 'an adoption from in year 0000',
    method: 'GET',
    path: '/api/v1/capabilities/golden-ci/adoption?from=0000-01-01',
    field: 'from',
  },
  {
    what: 'a mandate from year 0000',
    method: 'POST',
    path: '/api/v1/capabilities/golden-ci/mandates',
    body: { scope: 'all', effectiveFrom: '0000-01-01' },
    field: 'effectiveFrom',
  },
  {
    what: 'a declaration dated in year 0000',
    method: 'POST',
    path: '/api/v1/capabilities/golden-ci/declarations',
    body: { team: 'team-a', status: 'using', date: '0000-06-01T00:00:00Z' },
    field: 'date',
  },
  {
    what: 'a capability GA in year 0000',
    method: 'PATCH',
    path: '/api/v1/capabilities/golden-ci',
    body: { gaDate: '0000-01-01' },
    field: 'gaDate',
  },
  {
    what: 'scan results with a head date in year 0000',
    method: 'POST',
    path: '/api/v1/scans/results',
    body: {
      root: '/src',
      history: false,
      repositories: [
        {
          path: '/src/a',
          name: 'a',
          head: 'abcdef1',
          headDate: '0000-01-01T00:00:00Z',
          remoteUrl: null,
          component: null,
          matches: [],
          problems: [],
        },
      ],
    },
    field: 'repositories[0].headDate',
  },
];

describe('input that would reach the database unchecked', () => {
  it.each(CASES)('refuses $what with 400 naming $field, storing nothing', async (c) => {
    const before = await counts();
    const options = {
      ...(c.body === undefined ? {} : { body: c.body }),
      ...(c.headers ? { headers: c.headers } : {}),
    };
    const res = await t.call(c.method, c.path, options);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.error.details as { field: string }[]).map((d) => d.field);
    if (typeof c.field === 'string') expect(fields).toContain(c.field);
    else expect(fields.some((f) => c.field instanceof RegExp && c.field.test(f))).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a NUL in a YAML description', groupWith('description: "a\\0b"'), 'metadata.description: must not contain NUL'],
    ['a NUL in a YAML annotation key', groupWith('annotations: { "k\\0": v }'), 'metadata.annotations.k\\0: must not'],
    [
      'a NUL deep in a spec',
      `apiVersion: x/v1\nkind: Component\nmetadata: { name: c1 }\nspec: { type: service, lifecycle: x, owner: team-a, deep: [ { a: "\\0" } ] }\n`,
      'spec.deep[0].a: must not contain NUL',
    ],
    ['a NUL in a kind', 'apiVersion: x/v1\nkind: "Odd\\0"\nmetadata: { name: c1 }\n', 'kind: must not contain NUL'],
    [
      'a description of 1.5 MB of distinct words',
      groupWith(`description: "${distinctWords(1_500_000)}"`),
      'metadata.description: must be at most 20000 characters',
    ],
    [
      'a title of 2,000 characters',
      groupWith(`title: "${'t'.repeat(2000)}"`),
      'metadata.title: must be at most 1000 characters',
    ],
    [
      'a GitHub slug too long for its index',
      groupWith(`annotations: { github.com/project-slug: "${'é'.repeat(1400)}" }`),
      'metadata.annotations.github.com/project-slug: must be at most 500 characters',
    ],
    [
      'a capability GA in 1850',
      `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: cap2 }\nspec: { owner: platform, lifecycle: ga, gaDate: "1850-01-01" }\n`,
      'spec.gaDate: must be in the years 1900 to 9999',
    ],
  ])(
    'refuses an import with %s: 422 naming the field, nothing imported, also with skipInvalid',
    async (_what, content, problem) => {
      const before = await counts();
      const res = await t.call('POST', '/api/v1/imports/backstage', { body: yamlFile(content) });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('IMPORT_INVALID');
      expect((res.body.error.details.problems as string[]).some((p) => p.includes(problem))).toBe(true);
      const after = await counts();
      expect(after.entities).toBe(before.entities);
      // skipInvalid stores the import with its problems: they must be storable too.
      const skipping = await t.call('POST', '/api/v1/imports/backstage?skipInvalid=true', {
        body: content,
        headers: { 'content-type': 'application/yaml' },
      });
      expect(skipping.status).toBe(200);
      expect((await counts()).entities).toBe(before.entities);
    },
  );

  it('refuses a deployment finished in year 0000 by its index, storing none', async () => {
    const before = await counts();
    const res = await t.call('POST', '/api/v1/deployments', {
      body: [{ id: 'd1', service: 'api-one', finishedAt: '0000-01-01T00:00:00Z' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([{ index: 0, error: 'finishedAt: must be in the years 1900 to 9999' }]);
    expect(await counts()).toEqual(before);
  });

  it('imports and finds a description of 20,000 distinct words', async () => {
    const description = distinctWords(20_000);
    const res = await t.call('POST', '/api/v1/imports/backstage', {
      body: { ...yamlFile(groupWith(`description: "${description}"`)), source: 'long' },
    });
    expect(res.status).toBe(200);
    const lastWord = description.trim().split(' ').at(-2) as string;
    const found = await t.call('GET', `/api/v1/search?q=${lastWord}`);
    expect(found.body.items.map((i: { name: string }) => i.name)).toContain('extra');
  });
});
