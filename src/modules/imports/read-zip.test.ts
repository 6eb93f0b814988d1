import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { readZip } from './read-zip.js';

/*
 * test/fixtures/catalog.zip, packed by Info-ZIP's zip: catalog/team.yaml (group zip-team) and a README stored,
 * a user six folders down and a service (603 bytes) deflated, and descriptors under node_modules and .git, both
 * left out.
 */
const archive = readFileSync('test/fixtures/catalog.zip');
const deep = `catalog/${'nested-folder-name/'.repeat(6)}zip-user.yaml`;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('zip archives', () => {
  it('reads the stored and deflated descriptor files of a .zip with their paths', () => {
    const files = readZip(archive, 1024 * 1024);
    if (typeof files === 'string') throw new Error(files);
    expect(files.map((f) => f.path).sort()).toEqual([deep, 'catalog/service.yml', 'catalog/team.yaml']);
    expect(files.find((f) => f.path === 'catalog/service.yml')?.content).toContain('deflate me deflate me');
    expect(files.find((f) => f.path === 'catalog/team.yaml')?.content).toContain('name: zip-team');
    expect(readZip(Buffer.from('plain text, not a zip'), 1024)).toBe('is not a zip archive');
  });

  it('stops at the size bound, also when an entry says it is smaller than it unpacks to', () => {
    // team (110) + user (105) + service (603) = 818 bytes of descriptors.
    expect(readZip(archive, 700)).toBe('unpacks to more than 700 bytes');
    // The service's directory entry claims 10 bytes; inflating stops at the bound all the same.
    const lying = Buffer.from(archive);
    const name = lying.lastIndexOf('catalog/service.yml');
    lying.writeUInt32LE(10, name - 46 + 24);
    expect(readZip(lying, 300)).toBe('is damaged at catalog/service.yml, or unpacks to more than 300 bytes');
  });

  it('imports an uploaded .zip as the folder it packs, and names the file it cannot read', async () => {
    const upload = async (name: string, content: Buffer) => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(content)], name));
      form.append('source', 'test:zip');
      const res = await t.app.request('/api/v1/imports/backstage', {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${t.tokens.admin}` },
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const res = await upload('catalog.zip', archive);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'succeeded', summary: { created: 3, invalid: 0 } });
    const team = (await t.call('GET', '/api/v1/teams/zip-team')).body;
    expect(team.members.map((m: { name: string }) => m.name)).toEqual(['zip-user']);
    expect(team.services.map((s: { name: string }) => s.name)).toEqual(['zip-service']);

    const broken = await upload('broken.zip', Buffer.from('plain text'));
    expect(broken.status).toBe(400);
    expect(broken.body.error.details).toEqual([{ field: 'file', reason: 'broken.zip is not a zip archive' }]);
  });
});
