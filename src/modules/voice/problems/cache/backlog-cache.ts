// The backlog kept in memory, per database: reach at 300,000 votes takes seconds to compute for every row, and the
// backlog is read far more often than votes are cast. Each request first asks the database for a fingerprint of what
// the backlog is computed from (requests and items in a problem, problems, the catalog's teams). Then:
// - nothing changed: the rows as they are;
// - items or problems changed: the versions of the changed buckets of ids say which items; only the problems and
//   requests they touch are read again (a vote touches its request; an item moving between problems touches both);
// - the catalog changed (which teams are customer teams, or their names): every row is computed again.
// Every answer is exact as of the request: nothing is served from before a change the fingerprint can see.
import type { Db } from '../../../../db/schema/index.js';
import { reachCounts } from '../../reach/repo.js';
import type { BacklogRow } from '../contract.js';
import { backlogCandidates, type RiceRow } from '../repo.js';
import { byRice, riceOf } from '../rice.js';
import * as repo from './repo.js';
import { BucketSums, diffVersions, inBuckets } from './row-versions.js';

/** Past this many problems and requests touched at once, computing everything again is no slower. */
const MAX_TOUCHED = 2000;

interface State {
  items: Map<number, repo.BacklogItemVersion>;
  sums: BucketSums;
  problems: Map<number, string>;
  problemsFingerprint: string;
  catalogFingerprint: string;
  rows: Map<string, BacklogRow>;
  ranked: BacklogRow[] | null;
}

const keyOf = (kind: 'problem' | 'request', id: number) => `${kind} ${id}`;

export const backlogRow = (kind: 'problem' | 'request', row: RiceRow, reach: number): BacklogRow => ({
  kind,
  id: row.id,
  title: row.title,
  reach,
  impact: row.impact,
  confidence: row.confidence,
  effort: row.effort,
  ...riceOf(reach, row),
});

/** The rows of the named problems and requests that are on the backlog, with their reach. */
async function rowsOf(db: Db, only?: { problems: number[]; requests: number[] }): Promise<BacklogRow[]> {
  const { problems, requests } = await backlogCandidates(db, only);
  const reach = await reachCounts(db, { problems: problems.map((p) => p.id), requests: requests.map((r) => r.id) });
  return [
    ...problems.map((p) => backlogRow('problem', p, reach.get(keyOf('problem', p.id)) ?? 0)),
    ...requests.map((r) => backlogRow('request', r, reach.get(keyOf('request', r.id)) ?? 0)),
  ];
}

/**
 * The problems and requests whose rows may differ, from the items (of the buckets read again) and problems that
 * changed; `items` and `problems` become the new versions.
 */
function touched(
  state: State,
  buckets: number[],
  items: Map<number, repo.BacklogItemVersion>,
  problems: Map<number, string> | null,
) {
  const requestIds = new Set<number>();
  const problemIds = new Set<number>();
  const versions = (m: Map<number, repo.BacklogItemVersion>) => new Map([...m].map(([id, v]) => [id, v.version]));
  const diff = diffVersions(inBuckets(versions(state.items), buckets), versions(items));
  for (const id of [...diff.added, ...diff.removed, ...diff.changed])
    for (const item of [state.items.get(id), items.get(id)]) {
      if (!item) continue;
      if (item.kind === 'request') requestIds.add(id);
      if (item.problemId !== null) problemIds.add(item.problemId);
    }
  if (problems) {
    const problemDiff = diffVersions(state.problems, problems);
    for (const id of [...problemDiff.added, ...problemDiff.removed, ...problemDiff.changed]) problemIds.add(id);
  }
  return { problems: [...problemIds], requests: [...requestIds], items: diff };
}

export class BacklogCache {
  private state: State | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Full computations so far (the tests read it). */
  computations = 0;

  /** The backlog ranked (`byRice`), exact as of the request. */
  ranked(db: Db): Promise<BacklogRow[]> {
    const next = this.queue.then(() => this.check(db));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async check(db: Db): Promise<BacklogRow[]> {
    // The fingerprints first, then the versions, then the rows: a change between them is in the rows and is seen
    // again by the next request's fingerprints, never missed.
    const fp = await repo.backlogFingerprint(db);
    const state = this.state;
    if (!state || state.catalogFingerprint !== fp.catalog) return this.computeAll(db, fp);
    const buckets = state.sums.differing(fp.items);
    const problemsChanged = state.problemsFingerprint !== fp.problems;
    if (buckets.length > 0 || problemsChanged) {
      const items = await repo.backlogItemVersions(db, buckets);
      const problems = problemsChanged ? await repo.problemVersions(db) : null;
      const only = touched(state, buckets, items, problems);
      if (only.problems.length + only.requests.length > MAX_TOUCHED) return this.computeAll(db, fp);
      const rows = await rowsOf(db, only);
      for (const id of only.problems) state.rows.delete(keyOf('problem', id));
      for (const id of only.requests) state.rows.delete(keyOf('request', id));
      for (const r of rows) state.rows.set(keyOf(r.kind, r.id), r);
      for (const id of [...only.items.removed, ...only.items.changed]) {
        state.sums.remove(id, state.items.get(id)?.version as string);
        state.items.delete(id);
      }
      for (const id of [...only.items.added, ...only.items.changed]) {
        const item = items.get(id) as repo.BacklogItemVersion;
        state.items.set(id, item);
        state.sums.add(id, item.version);
      }
      if (problems) Object.assign(state, { problems, problemsFingerprint: fp.problems });
      state.ranked = null;
    }
    state.ranked ??= [...state.rows.values()].sort(byRice);
    return state.ranked;
  }

  private async computeAll(db: Db, fp: Awaited<ReturnType<typeof repo.backlogFingerprint>>): Promise<BacklogRow[]> {
    const items = await repo.backlogItemVersions(db, null);
    const problems = await repo.problemVersions(db);
    const rows = await rowsOf(db);
    const ranked = rows.sort(byRice);
    this.state = {
      items,
      sums: BucketSums.of(new Map([...items].map(([id, v]) => [id, v.version]))),
      problems,
      problemsFingerprint: fp.problems,
      catalogFingerprint: fp.catalog,
      rows: new Map(rows.map((r) => [keyOf(r.kind, r.id), r])),
      ranked,
    };
    this.computations++;
    return ranked;
  }
}

const caches = new WeakMap<Db, BacklogCache>();

/** The cache of this database handle (one per process and database). */
export function backlogCacheOf(db: Db): BacklogCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new BacklogCache()));
  return cache;
}
