import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { readTarGz } from './read-tar-gz.js';

/*
 * A catalog folder packed by the system's tar: catalog/team.yaml (group tar-team), a user two levels down with a path
 * longer than tar's 100-character name field, a README and a node_modules descriptor, both left out.
 */
const deep = `${'nested-folder-name/'.repeat(6)}tar-user.yaml`;
let archive: Buffer;
let t: TestApp;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'paved-tar-'));
  const put = (path: string, content: string) => {
    mkdirSync(join(dir, 'catalog', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'catalog', path), content);
  };
  put(
    'team.yaml',
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: tar-team }\nspec: { type: team, children: [] }\n',
  );
  put(
    deep,
    'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: tar-user }\nspec: { memberOf: [tar-team] }\n',
  );
  put('README.md', '# not a descriptor\n');
  put('node_modules/pkg/catalog-info.yaml', 'kind: Group\n');
  execFileSync('tar', ['-czf', join(dir, 'catalog.tar.gz'), '-C', dir, 'catalog']);
  archive = readFileSync(join(dir, 'catalog.tar.gz'));
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('catalog archives', () => {
  it('reads the descriptor files of a .tar.gz with their paths, long ones included', () => {
    const files = readTarGz(archive, 1024 * 1024);
    expect(typeof files === 'string' ? files : files.map((f) => f.path).sort()).toEqual([
      `catalog/${deep}`,
      'catalog/team.yaml',
    ]);
    expect(readTarGz(Buffer.from('not gzip'), 1024 * 1024)).toBe('is not a gzip archive, or unpacks to more than 1 MB');
  });

  it('imports an uploaded .tar.gz as the folder it packs, and names the file it cannot read', async () => {
    const upload = async (name: string, content: Buffer) => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(content)], name));
      form.append('source', 'test:archive');
      const res = await t.app.request('/api/v1/imports/backstage', {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${t.tokens.admin}` },
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const res = await upload('catalog.tar.gz', archive);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'succeeded', summary: { created: 2, invalid: 0 } });
    expect((await t.call('GET', '/api/v1/teams/tar-team')).body.members.map((m: { name: string }) => m.name)).toEqual([
      'tar-user',
    ]);

    const broken = await upload('broken.tgz', Buffer.from('plain text'));
    expect(broken.status).toBe(400);
    expect(broken.body.error.details).toEqual([
      { field: 'file', reason: 'broken.tgz is not a gzip archive, or unpacks to more than 100 MB' },
    ]);
  });
});
