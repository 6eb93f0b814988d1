import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { componentDoc, documents, groupDoc } from '../../test/descriptors.js';
import { cliActor, type DirectBackend } from './backend.js';
import { importBackstage, importFacts } from './commands/import.js';
import { reprocessCommand } from './commands/reprocess.js';
import { scanCommand } from './commands/scan.js';
import { tokenCreate, tokenRevoke } from './commands/token.js';

// The CLI writing straight to the database (no server running) is recorded like the API, credited to the OS user.
let database: TestDatabase;
let backend: DirectBackend;
let dir: string;
const quiet = () => {};
const entries = () =>
  database.db
    .selectFrom('audit_log')
    .select(['actor', 'channel', 'action', 'entity_kind', 'entity_id', 'summary', 'changes'])
    .orderBy('id')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  backend = { kind: 'direct', db: database.db, dataDir: null, created: false, migrated: [] };
  dir = await mkdtemp(join(tmpdir(), 'paved-cli-audit-'));
});
afterAll(() => database.close());

it('records imports, fact files, tokens, scans and reprocessing run from the CLI, once per run, as cli:<user>', async () => {
  await writeFile(join(dir, 'catalog-info.yaml'), documents(groupDoc('core'), componentDoc('api', 'core')));
  expect(
    await importBackstage(backend, { target: join(dir, 'catalog-info.yaml'), token: null, skipInvalid: false }, quiet),
  ).toBe(0);
  const facts = join(dir, 'deployments.csv');
  await writeFile(facts, 'id,service,finishedAt\nd1,api,2026-01-01T00:00:00Z\nd2,api,2026-01-02T00:00:00Z\n');
  expect(await importFacts(backend, { kind: 'deployments', file: facts }, quiet)).toBe(0);
  const lines: string[] = [];
  await tokenCreate(backend, { name: 'ci', role: 'viewer', scopes: [] }, (l) => lines.push(l));
  const id = Number(/^Token (\d+)/.exec(lines[0] ?? '')?.[1]);
  await tokenRevoke(backend, id, quiet);
  await scanCommand(backend, { path: dir, history: false }, quiet);
  await reprocessCommand(backend, { failed: true }, quiet);

  const rows = await entries();
  expect(rows.map((r) => [r.actor, r.channel, r.action, r.entity_kind])).toEqual([
    [cliActor(), 'cli', 'import', 'import'],
    [cliActor(), 'cli', 'record', 'deployments'],
    [cliActor(), 'cli', 'create', 'token'],
    [cliActor(), 'cli', 'revoke', 'token'],
    [cliActor(), 'cli', 'scan', 'scan'],
    [cliActor(), 'cli', 'reprocess', 'deliveries'],
  ]);
  expect(rows[1]?.summary).toBe(`Recorded deployments from ${facts}: 2 created`);
  expect(rows[2]?.entity_id).toBe(String(id));
  // The token's secret, printed once, is nowhere in the trail.
  expect(JSON.stringify(rows)).not.toContain(lines[1]);
});
