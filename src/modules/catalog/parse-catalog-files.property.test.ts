import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mutated, nastyString, PROPERTY_RUNS } from '../../../test/arbitraries.js';
import { findNul } from '../../http/safe-text.js';
import { MAX_DESCRIPTION, MAX_TITLE } from './entity.js';
import { parseCatalogFiles } from './parse-catalog-files.js';

// Descriptor files come from uploads, folders and a remote Backstage. Whatever they hold, the parser never
// throws: each fault is a problem naming its file, document and field, and each entity it returns can be stored.

const COMPONENT = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'api',
    title: 'API',
    description: 'The API.',
    annotations: { 'github.com/project-slug': 'acme/api' },
    tags: ['java'],
    links: [{ url: 'https://example.com', title: 'Docs' }],
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a', system: 'shop', dependsOn: ['component:db'] },
};

const CAPABILITY = {
  apiVersion: 'paved.dev/v1alpha1',
  kind: 'Capability',
  metadata: { name: 'golden-ci' },
  spec: {
    owner: 'platform',
    lifecycle: 'ga',
    gaDate: '2025-03-01',
    audience: ['service'],
    detect: [
      { files: '.github/workflows/*.yml', pattern: 'uses: acme/ci' },
      { dependency: { ecosystem: 'npm', name: 'x' } },
    ],
  },
};

const GROUP = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a' },
  spec: { type: 'team', children: [], members: ['jane'], profile: { displayName: 'Team A' } },
};

/** YAML as people and tools write it: generated documents, or arbitrary text (broken YAML, other tools' files). */
const file = fc.oneof(
  fc
    .array(fc.oneof(mutated(COMPONENT), mutated(CAPABILITY), mutated(GROUP)), { minLength: 1, maxLength: 3 })
    .map((docs) => docs.map((d) => stringify(d ?? null)).join('---\n')),
  nastyString,
  fc.string({ maxLength: 200 }).map((s) => `apiVersion: x/v1\nkind: Component\nmetadata: {name: a}\nspec: ${s}`),
);

describe('catalog descriptor files, with generated content', () => {
  it('never throws; every entity is storable and every problem names its document and field', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nastyString, file), { minLength: 1, maxLength: 3 }), (files) => {
        const result = parseCatalogFiles(files.map(([path, content], i) => ({ path: `${i}-${path}`, content })));
        for (const entity of result.entities) {
          expect(findNul(entity)).toBeNull();
          expect((entity.title ?? '').length).toBeLessThanOrEqual(MAX_TITLE);
          expect((entity.description ?? '').length).toBeLessThanOrEqual(MAX_DESCRIPTION);
        }
        for (const p of result.problems) {
          expect(p.document).toBeGreaterThanOrEqual(1);
          expect(p.field).toMatch(/\S/);
          expect(p.reason).toMatch(/\S/);
        }
      }),
      PROPERTY_RUNS,
    );
  });
});
