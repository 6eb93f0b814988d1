import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutated, nastyString, PROPERTY_RUNS } from '../../../test/arbitraries.js';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';

// The import route end to end: whatever YAML arrives, the answer is an import (200), or a clear refusal (400, 413,
// 422) after which the catalog and the import log hold exactly what they held. Never a 500.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const base = documents(groupDoc('team-a'), componentDoc('api', 'team-a'));
  expect(
    (await t.call('POST', '/api/v1/imports/backstage', { body: { files: [{ path: 'a.yaml', content: base }] } }))
      .status,
  ).toBe(200);
});
afterAll(() => t.close());

const COMPONENT = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'gen', description: 'x', annotations: { 'github.com/project-slug': 'acme/gen' }, tags: ['a'] },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

async function rows() {
  const count = async (table: 'entities' | 'imports') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { entities: await count('entities'), imports: await count('imports') };
}

describe('POST /imports/backstage, with generated YAML', () => {
  it('answers 200 or a clear refusal that changes nothing; never 500', async () => {
    const body = fc.oneof(
      mutated(COMPONENT).map((doc) => stringify(doc ?? null)),
      nastyString,
    );
    const encodable = (s: string) => {
      try {
        return encodeURIComponent(s) !== undefined;
      } catch {
        return false; // a lone surrogate cannot be put in a URL at all
      }
    };
    const source = fc.option(nastyString.filter(encodable), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(body, source, async (yaml, src) => {
        const before = await rows();
        const query = src === undefined ? '' : `?source=${encodeURIComponent(src)}`;
        const res = await t.call('POST', `/api/v1/imports/backstage${query}`, {
          body: yaml,
          headers: { 'content-type': 'application/yaml' },
        });
        expect([200, 400, 413, 422]).toContain(res.status);
        if (res.status !== 200) {
          expect(res.body.error.message).toMatch(/\S/);
          expect(await rows()).toEqual(before);
        }
      }),
      { ...PROPERTY_RUNS, numRuns: 20 },
    );
  });
});
