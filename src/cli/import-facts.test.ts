import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { githubExample } from '../../test/github-examples.js';
import { componentDoc, documents, groupDoc } from '../../test/descriptors.js';
import { runImport } from '../modules/imports/run-import.js';
import type { ApiBackend, DirectBackend } from './backend.js';
import { importFacts } from './commands/import.js';
import { reprocessCommand } from './commands/reprocess.js';

// The commands run against a test app: directly on its database, or through its API as they would through a
// running server (cli.test.ts covers choosing between the two).
let t: TestApp;
let dir: string;
let direct: DirectBackend;
let posts: number[];
let api: ApiBackend;

beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(join(tmpdir(), 'paved-import-facts-'));
  // dataDir only names where the command wrote; the database is the test app's.
  direct = { kind: 'direct', db: t.database.db, dataDir: '/srv/paved', created: false, migrated: [] };
  posts = [];
  api = {
    kind: 'api',
    url: 'http://paved.test',
    request: async (method, path, body) => {
      if (method === 'POST') posts.push(Array.isArray(body) ? body.length : 0);
      return t.call(method, path, body === undefined ? {} : { body });
    },
    download: async (path) => t.app.request(path, { headers: { authorization: `Bearer ${t.tokens.admin}` } }),
  };
  await runImport(t.database.db, {
    files: [
      {
        path: 'c.yaml',
        content: documents(
          groupDoc('core'),
          componentDoc('api', 'core', { annotations: { 'github.com/project-slug': 'acme/api' } }),
        ),
      },
    ],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const lines: string[] = [];
  return { lines, log: (l: string) => lines.push(l) };
}

async function file(name: string, content: string) {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const count = async (table: 'deployments' | 'changes' | 'incidents') =>
  (
    await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const dora = async () =>
  (await t.call('GET', '/api/v1/dora?scope=service:api&from=2025-03-01T00:00:00Z&to=2025-03-09T00:00:00Z')).body;

describe('paved import deployments|changes|incidents', () => {
  it('imports CSV directly and NDJSON through the API, and DORA counts what they hold', async () => {
    const deployments = await file(
      'deployments.csv',
      'id,service,environment,commit,finishedAt\nd1,api,,aaaaaaa1,2025-03-02T12:00:00Z\nd2,api,production,"bbbbbbb2",2025-03-04T12:00:00Z\nst,api,staging,bbbbbbb2,2025-03-04T13:00:00Z\n',
    );
    const out = capture();
    expect(await importFacts(direct, { kind: 'deployments', file: deployments }, out.log)).toBe(0);
    expect(out.lines).toEqual([
      `Imported 3 deployments from ${deployments} into the database in /srv/paved`,
      '  created 3 · updated 0 · unchanged 0',
    ]);

    const changes = await file(
      'changes.ndjson',
      '{"service":"api","commit":"aaaaaaa1","timestamp":"2025-03-02T06:00:00Z"}\n\n{"service":"component:default/api","commit":"bbbbbbb2","timestamp":"2025-03-03T12:00:00Z"}\n',
    );
    expect(await importFacts(api, { kind: 'changes', file: changes }, capture().log)).toBe(0);
    const incidents = await file(
      'incidents.csv',
      'id,service,severity,causes,triggeredAt,resolvedAt,url\ni1,api,P1,config;capacity,2025-03-04T14:00:00Z,2025-03-04T18:00:00Z,https://status.example.com/i1\n',
    );
    expect(await importFacts(api, { kind: 'incidents', file: incidents }, capture().log)).toBe(0);

    const stored = await t.database.db
      .selectFrom('incidents')
      .select(['external_id', 'severity', 'cause_tags', 'url'])
      .execute();
    expect(stored).toEqual([
      { external_id: 'i1', severity: 'P1', cause_tags: ['config', 'capacity'], url: 'https://status.example.com/i1' },
    ]);
    // Production deployments d1 (ships aaaaaaa1, committed 6 h earlier) and d2 (ships bbbbbbb2, 24 h earlier):
    // lead time median of 6 and 24 = 15 h. i1 (2 h after d2) fails d2: 1/2, recovered in 4 h. 2 deployments / 8 days.
    expect(await dora()).toMatchObject({
      deployments: 2,
      deploymentFrequency: { perDay: 0.25, perWeek: 1.75 },
      changeLeadTime: { medianHours: 15, n: 2 },
      changeFailRate: { value: 0.5, failed: 1, total: 2 },
      failedDeploymentRecoveryTime: { medianHours: 4, n: 1 },
    });

    // Importing the same file again changes nothing.
    const again = capture();
    expect(await importFacts(api, { kind: 'deployments', file: deployments }, again.log)).toBe(0);
    expect(again.lines).toEqual([
      `Imported 3 deployments from ${deployments} into the Paved server at http://paved.test`,
      '  created 0 · updated 0 · unchanged 3',
    ]);
  });

  it('stores nothing from a file with a bad line, naming each line and field', async () => {
    const before = await count('deployments');
    const bad = await file(
      'bad.csv',
      'id,service,finishedAt\nok1,api,2025-03-05T00:00:00Z\nnozone,api,2025-03-05T00:00:00\nghost1,ghost,2025-03-05T00:00:00Z\nok2,api,2025-03-06T00:00:00Z\nghost2,ghost,2025-03-06T00:00:00Z\n',
    );
    for (const [backend, where] of [
      [direct, 'the database in /srv/paved'],
      [api, 'the Paved server at http://paved.test'],
    ] as const) {
      const out = capture();
      expect(await importFacts(backend, { kind: 'deployments', file: bad }, out.log)).toBe(1);
      expect(out.lines).toEqual([
        `Nothing imported into ${where}: 2 problems in ${bad}.`,
        '  line 3: finishedAt: must be an ISO 8601 time with a zone, like 2025-03-01T12:00:00Z',
        '  line 4: service: no service "component:default/ghost" in the catalog (and 1 more lines)',
      ]);
    }
    expect(await count('deployments')).toBe(before);
  });

  it('refuses text PostgreSQL cannot store (a NUL character), naming the line and field, and in the API the item', async () => {
    const before = await count('incidents');
    const nul = await file(
      'nul.ndjson',
      `${JSON.stringify({ id: 'n1', service: 'api', triggeredAt: '2025-03-05T00:00:00Z' })}\n${JSON.stringify({ id: 'n2', service: 'api', title: 'bad\u0000title', triggeredAt: '2025-03-05T00:00:00Z' })}\n`,
    );
    const out = capture();
    expect(await importFacts(direct, { kind: 'incidents', file: nul }, out.log)).toBe(1);
    expect(out.lines).toEqual([
      `Nothing imported into the database in /srv/paved: 1 problem in ${nul}.`,
      '  line 2: title: must not contain NUL characters',
    ]);
    const posted = await t.call('POST', '/api/v1/incidents', {
      body: [
        { id: 'n3', service: 'api', severity: 'P\u00002', triggeredAt: '2025-03-05T00:00:00Z' },
        { id: 'n4', service: 'api', url: 'javascript:alert(1)', triggeredAt: '2025-03-05T00:00:00Z' },
      ],
    });
    expect(posted.body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [
        { index: 0, error: 'severity: must not contain NUL characters' },
        { index: 1, error: 'url: must be an http(s) URL' },
      ],
    });
    expect(await count('incidents')).toBe(before);
  });

  it('imports a file straight to the database in one transaction: a batch the database refuses changes nothing', async () => {
    const before = await count('deployments');
    // The database refuses the 10,001st deployment (a trigger stands in for a failure the checks cannot foresee).
    await sql`create function refuse_boom() returns trigger language plpgsql as $$ begin if new.external_id = 'boom' then raise exception 'boom refused'; end if; return new; end $$`.execute(
      t.database.db,
    );
    await sql`create trigger refuse_boom before insert on deployments for each row execute function refuse_boom()`.execute(
      t.database.db,
    );
    try {
      const lines = Array.from({ length: 10_001 }, (_, i) =>
        JSON.stringify({ id: i === 10_000 ? 'boom' : `bulk-${i}`, service: 'api', finishedAt: '2025-02-01T00:00:00Z' }),
      );
      const big = await file('boom.ndjson', `${lines.join('\n')}\n`);
      await expect(importFacts(direct, { kind: 'deployments', file: big }, capture().log)).rejects.toThrow(
        'boom refused',
      );
      expect(await count('deployments')).toBe(before);
    } finally {
      await sql`drop trigger refuse_boom on deployments`.execute(t.database.db);
      await sql`drop function refuse_boom()`.execute(t.database.db);
    }
  });

  it('names a file that does not exist, or is a directory, and opens nothing', async () => {
    const missing = join(dir, 'no-such.csv');
    await expect(importFacts(direct, { kind: 'deployments', file: missing }, capture().log)).rejects.toThrow(
      `${missing} does not exist (give a file)`,
    );
    await expect(importFacts(direct, { kind: 'deployments', file: dir }, capture().log)).rejects.toThrow(
      `${dir} is not a file`,
    );
  });

  it('sends a large file in batches of at most 10,000', async () => {
    const lines = Array.from({ length: 10_001 }, (_, i) =>
      JSON.stringify({ service: 'api', commit: (0x10000000 + i).toString(16), timestamp: '2025-02-01T00:00:00Z' }),
    );
    const big = await file('big.ndjson', `${lines.join('\n')}\n`);
    posts.length = 0;
    const out = capture();
    expect(await importFacts(api, { kind: 'changes', file: big }, out.log)).toBe(0);
    expect(posts).toEqual([10_000, 1]);
    expect(out.lines[1]).toBe('  created 10001 · updated 0 · unchanged 0');
  });
});

describe('paved reprocess', () => {
  it('runs directly and prints counts, or queues the work through the server', async () => {
    // A push to acme/api, stored raw as the webhook stores it (GitHub's own example payload, retargeted).
    const push = githubExample('push', 4);
    push.repository.full_name = 'acme/api';
    await t.database.db
      .insertInto('deliveries')
      .values({
        source: 'github',
        delivery_id: 'p1',
        event: 'push',
        body: JSON.stringify(push),
        error: null,
        processed_at: null,
      })
      .execute();
    const out = capture();
    expect(await reprocessCommand(direct, { failed: false }, out.log)).toBe(0);
    expect(out.lines).toEqual([
      'Derived 1 deliveries again in the database in /srv/paved: processed 1 · ignored 0 · failed 0',
      'Mapped to a service now: deployments 0 · changes 0 · incidents 0',
    ]);
    const failedOnly = capture();
    await reprocessCommand(direct, { failed: true }, failedOnly.log);
    expect(failedOnly.lines[0]).toBe(
      'Derived 0 failed deliveries again in the database in /srv/paved: processed 0 · ignored 0 · failed 0',
    );
    const queued = capture();
    expect(await reprocessCommand(api, { failed: false }, queued.log)).toBe(0);
    expect(queued.lines).toEqual([
      'Queued 1 deliveries; the server at http://paved.test derives them again, then maps facts again.',
    ]);
  });
});
