import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { documents, groupDoc } from '../../test/descriptors.js';
import { runImport } from '../modules/imports/run-import.js';
import type { ApiBackend, DirectBackend } from './backend.js';
import { importFeedbackFile } from './commands/import-feedback.js';

// The command against a test app: on its database directly, and through its API as through a running server.
let t: TestApp;
let dir: string;
let direct: DirectBackend;
let api: ApiBackend;

beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(join(tmpdir(), 'paved-import-feedback-'));
  direct = { kind: 'direct', db: t.database.db, dataDir: '/srv/paved', created: false, migrated: [] };
  api = {
    kind: 'api',
    url: 'http://paved.test',
    request: async (method, path, body) => t.call(method, path, body === undefined ? {} : { body }),
    download: async (path) => t.app.request(path, { headers: { authorization: `Bearer ${t.tokens.admin}` } }),
  };
  await runImport(t.database.db, {
    files: [{ path: 'c.yaml', content: documents(groupDoc('payments')) }],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('feedback')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

it('imports a file directly and through the server, and names the bad lines of a file it refuses', async () => {
  const good = join(dir, 'pains.csv');
  await writeFile(good, 'kind,team,title,severity,hoursLostPerWeek\npain,payments,"Slow, flaky CI",2,4\n');
  const lines: string[] = [];
  expect(await importFeedbackFile(direct, good, (l) => lines.push(l))).toBe(0);
  expect(await importFeedbackFile(api, good, (l) => lines.push(l))).toBe(0);
  expect(lines).toEqual([
    `Imported 1 feedback item from ${good} into the database in /srv/paved: 1 pain`,
    `Imported 1 feedback item from ${good} into the Paved server at http://paved.test: 1 pain`,
  ]);
  expect(await count()).toBe(2);

  const bad = join(dir, 'bad.csv');
  await writeFile(bad, 'kind,team,title,severity,hoursLostPerWeek\npain,payments,Fine,2,4\npain,nobody,Lost,2,4\n');
  for (const backend of [direct, api]) {
    const out: string[] = [];
    expect(await importFeedbackFile(backend, bad, (l) => out.push(l))).toBe(1);
    expect(out.slice(1)).toEqual(['  line 3: team: group:default/nobody is not in the catalog']);
  }
  expect(await count()).toBe(2);
});
