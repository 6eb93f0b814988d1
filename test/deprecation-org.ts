import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { vi } from 'vitest';
import type { ApiBackend } from '../src/cli/backend.js';
import { scanCommand } from '../src/cli/commands/scan.js';
import type { Database } from '../src/db/schema/index.js';
import { silentLogger } from '../src/http/logger.js';
import type { CatalogFile } from '../src/modules/catalog/entity.js';
import { runScan } from '../src/modules/adoption/scans/service.js';
import { FOLLOW_UPS } from '../src/modules/shipping/follow-ups.js';
import { componentDoc, documents, groupDoc } from './descriptors.js';
import { GitFixture } from './git-fixture.js';

// A hand-made organisation for deprecation migrations. Golden CI is used at v2 and v3; two releases take things
// away: A deprecates Golden CI itself (its own rules), B breaks v2 (rules of its own: "@v2" in a workflow). Scans
// after the releases find repositories that stopped matching. Every time is an offset from `base` (a midnight UTC):
// with base 2025-03-03 the story is, by day:
//   02-03  every repository's first commit
//   03-03  scan 1 (09:00): golden-ci matches alpha-api (v2), alpha-web (v3), beta-svc (v2), gamma-svc (v2 twice),
//          tools (v2, no service); gamma-jobs and delta-svc use other things
//   03-04  release A (12:00), deadline 03-26        03-05  release B (00:00), deadline 04-30
//   03-06  scan 2: every repository read again for B though none changed; B affects alpha-api, beta-svc,
//          gamma-svc (ci.yml:5 and release.yml:5) and tools
//   03-09  alpha-api drops Golden CI; beta-svc moves to v3     03-10  gamma-jobs starts using v2 (too late to count)
//   03-11  scan 3
//   03-20  alpha-web drops Golden CI; gamma-svc's ci.yml moves to v3 (release.yml stays at v2)
//   03-24  scan 4, by `paved scan` against the server     03-30  tools drops Golden CI     04-01  scan 5, by `paved scan`

const DAY = 86_400_000;
const HOUR = 3_600_000;
const slug = (name: string) => ({ annotations: { 'github.com/project-slug': `acme/${name}` } });

export const deprecationCatalog: CatalogFile[] = [
  {
    path: 'catalog-info.yaml',
    content: documents(
      groupDoc('platform'),
      groupDoc('alpha'),
      groupDoc('beta'),
      groupDoc('gamma'),
      groupDoc('delta'),
      componentDoc('alpha-api', 'alpha', slug('alpha-api')),
      componentDoc('alpha-web', 'alpha', slug('alpha-web')),
      componentDoc('beta-svc', 'beta', slug('beta-svc')),
      componentDoc('gamma-svc', 'gamma', slug('gamma-svc')),
      componentDoc('gamma-jobs', 'gamma', slug('gamma-jobs')),
      componentDoc('delta-svc', 'delta', slug('delta-svc')),
      `apiVersion: paved.dev/v1alpha1
kind: Capability
metadata: { name: golden-ci, title: Golden CI }
spec:
  owner: platform
  lifecycle: ga
  detect:
    - files: ".github/workflows/*.yml"
      pattern: "uses:\\\\s*acme/golden-ci/"
`,
    ),
  },
];

const workflow = (name: string, uses: string) => `name: ${name}\non: push\njobs:\n  build:\n    uses: ${uses}\n`;
const golden = (file: string, version: string) =>
  workflow(file, `acme/golden-ci/.github/workflows/${file}.yml@${version}`);
const CI = '.github/workflows/ci.yml';
const RELEASE = '.github/workflows/release.yml';
const OTHER = workflow('ci', 'actions/checkout@v4');
const BUILD_KIT = workflow('ci', 'acme/build-kit/.github/workflows/build.yml@v1');

/** The rules release B names: a workflow still on Golden CI v2. */
export const V2_RULES = [{ files: '.github/workflows/*.yml', pattern: 'acme/golden-ci/.*@v2' }];

export interface DeprecationOrg {
  releaseA: number;
  releaseB: number;
  /** When the story ends: the view is read at base + 30 days 12:00. */
  now: Date;
}

/**
 * Builds the story under `root` and into `db` with Date faked (timers stay real), then restores real time.
 * Scans 4 and 5 go through `paved scan`'s API path with `api`.
 */
export async function buildDeprecationOrg(
  db: Kysely<Database>,
  root: string,
  api: ApiBackend,
  base: Date,
): Promise<DeprecationOrg> {
  const at = (days: number, hours: number) => new Date(base.getTime() + days * DAY + hours * HOUR);
  const when = (days: number, hours: number) => at(days, hours).toISOString();
  const clock = (days: number, hours: number) => vi.setSystemTime(at(days, hours));
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    mkdirSync(root, { recursive: true });
    const repo = (name: string) => GitFixture.create(join(root, name));
    const first = when(-28, 10);
    const alphaApi = repo('alpha-api');
    alphaApi.commit(first, { [CI]: golden('ci', 'v2') });
    const alphaWeb = repo('alpha-web');
    alphaWeb.commit(first, { [CI]: golden('ci', 'v3') });
    const beta = repo('beta-svc');
    beta.commit(first, { [CI]: golden('ci', 'v2') });
    const gamma = repo('gamma-svc');
    gamma.commit(first, { [CI]: golden('ci', 'v2'), [RELEASE]: golden('release', 'v2') });
    const gammaJobs = repo('gamma-jobs');
    gammaJobs.commit(first, { [CI]: OTHER });
    repo('delta-svc').commit(first, { [CI]: OTHER });
    const tools = repo('tools');
    tools.commit(first, { [CI]: golden('ci', 'v2') });

    const scan = () => runScan(db, { root, history: false, actor: 'test' });
    const cliScan = () => scanCommand(api, { path: root, history: false }, () => {});
    clock(0, 9);
    await scan();

    const capability = await db
      .selectFrom('entities')
      .select('id')
      .where('kind', '=', 'Capability')
      .where('name', '=', 'golden-ci')
      .executeTakeFirstOrThrow();
    const affected = FOLLOW_UPS.find((f) => f.name === 'affected')!;
    const release = async (r: {
      version: string;
      type: 'deprecation' | 'breaking';
      released: Date;
      deadline: string;
      rules: unknown[] | null;
    }) => {
      const { id } = await db
        .insertInto('releases')
        .values({
          capability_id: capability.id,
          version: r.version,
          type: r.type,
          title:
            r.type === 'deprecation' ? 'Golden CI is deprecated: move to Build Kit' : 'Golden CI v2 workflows removed',
          notes: 'See the migration guide.',
          released_at: r.released,
          deadline: r.deadline,
          rules: r.rules === null ? null : JSON.stringify(r.rules),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await affected.run(db, id, silentLogger);
      return id;
    };
    clock(1, 12);
    const day = (days: number) => at(days, 0).toISOString().slice(0, 10);
    const releaseA = await release({
      version: '4.0.0',
      type: 'deprecation',
      released: at(1, 12),
      deadline: day(23),
      rules: null,
    });
    clock(2, 0);
    const releaseB = await release({
      version: '3.0.0',
      type: 'breaking',
      released: at(2, 0),
      deadline: day(58),
      rules: V2_RULES,
    });

    clock(3, 9);
    await scan();

    alphaApi.commit(when(6, 10), { [CI]: BUILD_KIT });
    beta.commit(when(6, 10), { [CI]: golden('ci', 'v3') });
    gammaJobs.commit(when(7, 10), { [CI]: golden('ci', 'v2') });
    clock(8, 9);
    await scan();

    alphaWeb.commit(when(17, 10), { [CI]: BUILD_KIT });
    gamma.commit(when(17, 10), { [CI]: golden('ci', 'v3') });
    clock(21, 9);
    await cliScan();

    tools.commit(when(27, 10), { [CI]: null });
    clock(29, 9);
    await cliScan();
    return { releaseA, releaseB, now: at(30, 12) };
  } finally {
    vi.useRealTimers();
  }
}
