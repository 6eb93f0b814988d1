import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { addItem, request, voiceOrg } from '../../test/voice-org.js';
import { ACTOR_HEADER, issueLocalCliToken } from '../modules/auth/service.js';
import { cliActor, type ApiBackend, type DirectBackend } from './backend.js';
import { releaseCommand } from './commands/release.js';

// The command against a test app: on its database directly, and through its API as through a running server (with
// the server's local CLI token, which credits the person at the keyboard).
let t: TestApp;
let dir: string;
let notes: string;
let direct: DirectBackend;
let api: ApiBackend;
let requestId = 0;

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  requestId = await addItem(t, request('alpha', 'Remote cache'));
  dir = await mkdtemp(join(tmpdir(), 'paved-release-'));
  notes = join(dir, 'NOTES.md');
  await writeFile(notes, '## Remote cache\nBuilds reuse what they built before.\n');
  const local = await issueLocalCliToken(t.database.db);
  direct = { kind: 'direct', db: t.database.db, dataDir: '/srv/paved', created: false, migrated: [] };
  api = {
    kind: 'api',
    url: 'http://paved.test',
    request: async (method, path, body) =>
      t.call(method, path, {
        role: null,
        headers: { authorization: `Bearer ${local}`, [ACTOR_HEADER]: 'cli:ci-bot' },
        ...(body === undefined ? {} : { body }),
      }),
    download: async (path) => t.app.request(path, { headers: { authorization: `Bearer ${local}` } }),
  };
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const stored = () =>
  t.database.db
    .selectFrom('releases')
    .select(['version', 'type', 'title', 'notes', 'source', 'created_by'])
    .orderBy('id')
    .execute();

it('publishes a release directly and through the server, with its notes from a file and what it closes', async () => {
  const lines: string[] = [];
  const first = {
    capability: 'cap-a',
    version: 'v2.0.0',
    notesFile: notes,
    date: '2026-04-01',
    closes: `request:${requestId}`,
  };
  expect(await releaseCommand(direct, first, (l) => lines.push(l))).toBe(0);
  const second = { capability: 'cap-a', version: '2.0.1', notesFile: notes, type: 'fix', title: 'Cache keys' };
  expect(await releaseCommand(api, second, (l) => lines.push(l))).toBe(0);
  expect(lines[0]).toMatch(
    /^Published cap-a 2\.0\.0 \(feature, 2026-04-01\) as release \d+ in the database in \/srv\/paved$/,
  );
  expect(lines[1]).toBe(`  closes request ${requestId} "Remote cache": done`);
  expect(lines[2]).toMatch(
    /^Published cap-a 2\.0\.1 \(fix, \d{4}-\d\d-\d\d\) as release \d+ in the Paved server at http:\/\/paved\.test$/,
  );
  const text = '## Remote cache\nBuilds reuse what they built before.\n';
  const who = cliActor();
  expect(await stored()).toEqual([
    { version: '2.0.0', type: 'feature', title: null, notes: text, source: 'cli', created_by: who },
    { version: '2.0.1', type: 'fix', title: 'Cache keys', notes: text, source: 'cli', created_by: 'cli:ci-bot' },
  ]);
});

it('names each bad field of a release it refuses, and publishes nothing', async () => {
  for (const backend of [direct, api]) {
    const out: string[] = [];
    const bad = { capability: 'cap-a', version: '2.1', notesFile: notes, type: 'minor', closes: 'bug:x' };
    expect(await releaseCommand(backend, bad, (l) => out.push(l))).toBe(1);
    expect(out.slice(1).map((l) => l.split(':')[0])).toEqual(['  version', '  type', '  closes[0].id']);
    const taken = { capability: 'cap-a', version: '2.0.0', notesFile: notes };
    const again: string[] = [];
    expect(await releaseCommand(backend, taken, (l) => again.push(l))).toBe(1);
    expect(again.slice(1)).toEqual(['  version: cap-a already has a release 2.0.0']);
  }
  expect((await stored()).length).toBe(2);
});
