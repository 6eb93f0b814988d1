import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema/index.js';
import type { CatalogFile } from '../src/modules/catalog/entity.js';
import { componentDoc, documents, groupDoc } from './descriptors.js';

/**
 * The demos' hand-made organisation: platform owns golden-ci (for services); four customer teams, each owning a
 * service, whose adoption of golden-ci is set around a demo on 2025-03-01:
 * - early: a detection from 2025-02-01 (adopted before the demo: not eligible);
 * - ten: a declaration "using" from 2025-03-11 (10 days after: converted);
 * - seventy: a detection from 2025-05-10 (70 days after: not converted);
 * - never: no signal.
 * People, each in their team: ann (early), tim and tia (ten), sam (seventy), nora (never), pia (platform), and
 * lou, in the catalog without a team.
 */
export const demosCatalog: CatalogFile = {
  path: 'demos.yaml',
  content: documents(
    groupDoc('platform'),
    ...['early', 'ten', 'seventy', 'never'].flatMap((team) => [groupDoc(team), componentDoc(`${team}-api`, team)]),
    ...[
      ['ann', 'early'],
      ['tim', 'ten'],
      ['tia', 'ten'],
      ['sam', 'seventy'],
      ['nora', 'never'],
      ['pia', 'platform'],
    ].map(
      ([name, team]) =>
        `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { email: ${name}@example.com }, memberOf: [${team}] }\n`,
    ),
    `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: lou }\nspec: { profile: { email: lou@example.com }, memberOf: [] }\n`,
    `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci, title: Golden CI }
spec:
  owner: platform
  lifecycle: ga
  audience: [service]
  detect:
    - files: ".github/workflows/*.yml"
`,
  ),
};

/** A repository of the service whose scan found the capability from `adoptedAt` on. */
export async function detection(db: Kysely<Database>, serviceName: string, adoptedAt: string): Promise<void> {
  const svc = await db.selectFrom('entities').select('id').where('name', '=', serviceName).executeTakeFirstOrThrow();
  const cap = await db.selectFrom('entities').select('id').where('name', '=', 'golden-ci').executeTakeFirstOrThrow();
  const repo = await db
    .insertInto('repositories')
    .values({
      path: `/repos/${serviceName}`,
      name: serviceName,
      remote_url: null,
      service_id: svc.id,
      head: 'a'.repeat(40),
      head_date: adoptedAt,
      last_scan_id: null,
      last_scanned_at: null,
      last_error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('detections')
    .values({
      repository_id: repo.id,
      capability_id: cap.id,
      matched: true,
      evidence: JSON.stringify([{ ruleIndex: 0, file: '.github/workflows/ci.yml', line: 7, text: 'uses: golden' }]),
      commit: 'b'.repeat(40),
      commit_date: adoptedAt,
      adopted_at: adoptedAt,
      adoption_commit: 'b'.repeat(40),
      unmatched_since: null,
    })
    .execute();
}

/** The adoption signals described above (ten's declaration goes through the API by the caller's `declare`). */
export async function seedAdoption(
  db: Kysely<Database>,
  declare: (team: string, date: string) => Promise<void>,
): Promise<void> {
  await detection(db, 'early-api', '2025-02-01T00:00:00Z');
  await declare('ten', '2025-03-11');
  await detection(db, 'seventy-api', '2025-05-10T00:00:00Z');
}
