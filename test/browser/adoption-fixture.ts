import type { CatalogFile } from '../../src/modules/catalog/entity.js';
import type { Db } from '../../src/db/schema/index.js';

const group = (name: string, title: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${name}, title: ${title} }
spec: { type: team, children: [] }
`;
const service = (name: string, owner: string, type = 'service') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: ${type}, lifecycle: production, owner: ${owner} }
`;

/**
 * Four customer teams (payments, search, identity, growth), one team with no service (finance: not eligible),
 * one platform team owning three capabilities (nobody uses Secrets vault yet). Golden CI went GA on 2026-03-01.
 */
export const adoptionCatalog: CatalogFile[] = [
  {
    path: 'catalog-info.yaml',
    content: [
      group('payments', 'Payments'),
      group('search', 'Search'),
      group('identity', 'Identity'),
      group('growth', 'Growth'),
      group('finance', 'Finance'),
      group('platform-ci', 'Platform CI'),
      `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: gina }
spec: { profile: { displayName: Gina Growth }, memberOf: [growth] }
`,
      service('ledger', 'payments'),
      service('checkout', 'payments', 'website'),
      service('indexer', 'search'),
      service('auth-api', 'identity'),
      service('experiments', 'growth'),
      `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci, title: Golden CI pipeline }
spec:
  owner: platform-ci
  lifecycle: ga
  gaDate: 2026-03-01
  detect:
    - files: ".github/workflows/*.yml"
      pattern: "uses:\\\\s*acme/golden-ci/"
`,
      `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: telemetry-sdk, title: Telemetry SDK }
spec:
  owner: platform-ci
  lifecycle: beta
  detect:
    - dependency: { ecosystem: npm, name: "@acme/telemetry" }
`,
      `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: secrets-vault, title: Secrets vault }
spec: { owner: platform-ci, lifecycle: experimental }
`,
    ].join('---\n'),
  },
];

export const LEDGER_COMMIT = 'c0ffee1d2e3f405162738495a6b7c8d9e0f1a2b3';

/** A repository of a service and its golden-ci detection, as a scan would have stored them. */
async function detection(
  db: Db,
  d: {
    service: string;
    repository: string;
    adoptedAt: string;
    unmatchedSince: string | null;
    commit: string;
    file: string;
    line: number;
    text: string;
  },
) {
  const svc = await db
    .selectFrom('entities')
    .select('id')
    .where('kind', '=', 'Component')
    .where('name', '=', d.service)
    .executeTakeFirstOrThrow();
  const cap = await db
    .selectFrom('entities')
    .select('id')
    .where('kind', '=', 'Capability')
    .where('name', '=', 'golden-ci')
    .executeTakeFirstOrThrow();
  const repo = await db
    .insertInto('repositories')
    .values({
      path: `/repos/${d.service}`,
      name: d.repository,
      remote_url: `https://github.com/${d.repository}`,
      service_id: svc.id,
      head: d.commit,
      head_date: '2026-09-01T00:00:00Z',
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
      matched: d.unmatchedSince === null,
      evidence: JSON.stringify([{ ruleIndex: 0, file: d.file, line: d.line, text: d.text }]),
      commit: d.commit,
      commit_date: '2026-09-01T00:00:00Z',
      adopted_at: d.adoptedAt,
      adoption_commit: d.commit,
      from_history: true,
      unmatched_since: d.unmatchedSince,
    })
    .execute();
}

/**
 * Golden CI, by hand from DOMAIN.md (GA 2026-03-01; a mandate covers identity from 2026-05-01):
 * - search: detected 2026-02-15 (before GA: 0 days), no longer matched since 2026-08-01 → churned, voluntary;
 * - payments: detected 2026-03-11 (10 days) → active, voluntary;
 * - identity: declared "using" 2026-06-01 (92 days), under the mandate → active, mandated;
 * - growth: no signal.
 * Eligible 4, adopting 2 (1 voluntary, 1 mandated): rate 50 %, voluntary share 50 %, median (10 + 92) / 2 = 51 days,
 * churned 1. Funnel: tried 3, active 2, retained 3 (each was still in use 90 days after adopting).
 * Telemetry SDK: payments declared "using" 2026-05-01 (voluntary); a mandate requires it of identity since 2026-01-01.
 */
export async function seedAdoption(
  db: Db,
  call: (method: string, path: string, body: unknown) => Promise<{ status: number; body: unknown }>,
) {
  const expectStatus = async (p: Promise<{ status: number; body: unknown }>, status: number) => {
    const res = await p;
    if (res.status !== status)
      throw new Error(`seeding: expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  };
  await expectStatus(
    call('POST', '/capabilities/golden-ci/mandates', {
      scope: { teams: ['identity'] },
      effectiveFrom: '2026-05-01',
      deadline: '2026-09-30',
      note: 'Audit finding A-12: every pipeline signs its artifacts.',
    }),
    201,
  );
  await expectStatus(
    call('POST', '/capabilities/telemetry-sdk/mandates', {
      scope: { teams: ['identity'] },
      effectiveFrom: '2026-01-01',
    }),
    201,
  );
  await expectStatus(
    call('POST', '/capabilities/golden-ci/declarations', {
      team: 'identity',
      status: 'using',
      date: '2026-06-01',
      note: 'All pipelines moved.',
    }),
    201,
  );
  await expectStatus(
    call('POST', '/capabilities/telemetry-sdk/declarations', { team: 'payments', status: 'using', date: '2026-05-01' }),
    201,
  );
  await detection(db, {
    service: 'ledger',
    repository: 'acme/ledger',
    adoptedAt: '2026-03-11T00:00:00Z',
    unmatchedSince: null,
    commit: LEDGER_COMMIT,
    file: '.github/workflows/ci.yml',
    line: 12,
    text: 'uses: acme/golden-ci/build@v3',
  });
  await detection(db, {
    service: 'indexer',
    repository: 'acme/indexer',
    adoptedAt: '2026-02-15T00:00:00Z',
    unmatchedSince: '2026-08-01T00:00:00Z',
    commit: 'deadbeef'.repeat(5),
    file: '.github/workflows/release.yml',
    line: 4,
    text: 'uses: acme/golden-ci/release@v2',
  });
}
