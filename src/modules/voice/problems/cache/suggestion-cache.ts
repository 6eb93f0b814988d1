// Problem suggestions kept in memory, per database, so a request does not regroup every open item (seconds at
// 100,000 items). Each request first asks the database for a fingerprint of the open items in no problem (one scan
// of an index). Then:
// - nothing changed: the last answer;
// - only new items (ids above all held): they are added to the index, which continues exactly where a build from
//   scratch would be (suggest/suggest-index.ts);
// - a held item changed: the rows' versions say which. A vote (its request's updated_at, same text) changes nothing
//   the engine reads. An item edited, closed, placed in a problem, or back in the open, needs the index rebuilt from
//   scratch: inline when the last build was quick, else in the background, while the last suggestions are served
//   without the items that left or were edited, marked stale, with the time they were last exact.
// So an answer is exact, or stale for at most the rebuild under way plus one more (the change may come during one).
import type { Db } from '../../../../db/schema/index.js';
import type { FeedbackKind } from '../../../../db/schema/voice.js';
import { dismissedItemSets } from '../repo.js';
import type { Suggestion } from '../suggestions.js';
import { appendRows, buildIndex, nextTurn, type BuiltIndex } from './built-index.js';
import * as repo from './repo.js';
import { diffVersions, inBuckets } from './row-versions.js';

export interface CurrentSuggestions {
  items: Suggestion[];
  /** Ids of the items in any suggestion. */
  suggested: ReadonlySet<number>;
  /** When the suggestions were last exact: now, unless `stale`. */
  asOf: Date;
  /** A rebuild is under way: items edited or placed since `asOf` are left out, edited ones not yet regrouped. */
  stale: boolean;
}

export interface CacheOptions {
  /** A rebuild runs inline when the last build took at most this long (ms); else in the background. */
  inlineBuildMs: number;
  /** The longest the engine works before letting other requests run (ms). */
  sliceMs: number;
}

const DEFAULTS: CacheOptions = { inlineBuildMs: 500, sliceMs: 20 };
const READ_PAGE = 5000;

interface Gone {
  key: string;
  /** Held items that left or were edited, which a stale answer leaves out. */
  ids: Set<number>;
  rebuild: boolean;
}

export class SuggestionCache {
  private built: BuiltIndex | null = null;
  private rebuilding: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private dismissed = { key: '', sets: [] as number[][] };
  private gone: Gone | null = null;
  private memo: { key: string; answer: Omit<CurrentSuggestions, 'asOf' | 'stale'> } | null = null;
  /** Builds from scratch so far (the tests and the bench read it). */
  builds = 0;

  constructor(private readonly options: CacheOptions = DEFAULTS) {}

  /** The suggestions now. Requests are taken one at a time, so two never add the same new items. */
  current(db: Db): Promise<CurrentSuggestions> {
    const next = this.queue.then(() => this.check(db));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves when no rebuild is under way. */
  async settled(): Promise<void> {
    while (this.rebuilding) await this.rebuilding;
  }

  private async check(db: Db): Promise<CurrentSuggestions> {
    const now = new Date();
    if (!this.built) {
      await this.rebuild(db);
      return this.answer(false, null);
    }
    const built = this.built;
    const fp = await repo.unplacedFingerprint(db, built.maxId);
    if (fp.dismissed !== this.dismissed.key) this.dismissed = { key: fp.dismissed, sets: await dismissedItemSets(db) };
    // A background rebuild may have finished while this request waited: start again from its index.
    if (this.built !== built) return this.check(db);
    const changed = built.sums.differing(fp.buckets);
    if (changed.length > 0) {
      const key = changed.map((b) => `${b}:${fp.buckets.get(b)?.xor ?? 0}`).join(',');
      const gone = await this.whatChanged(db, built, changed, key);
      if (this.built !== built) return this.check(db);
      if (gone.rebuild) return this.rebuildFor(db, gone);
    }
    if (fp.maxId > built.maxId && !this.rebuilding) {
      const rows = await repo.unplacedRows(db, { afterId: built.maxId });
      if (this.built !== built || this.rebuilding) return this.check(db);
      appendRows(built, rows);
    }
    if (!this.rebuilding) built.asOf = now;
    return this.answer(this.rebuilding !== null, this.rebuilding ? this.gone : null);
  }

  /**
   * Which held rows changed, by their versions. Rows whose text and team are as held (a vote touched a request)
   * only take their new version; anything else calls for a rebuild. Kept while the fingerprint stays the same.
   */
  private async whatChanged(db: Db, built: BuiltIndex, buckets: number[], key: string): Promise<Gone> {
    if (this.gone?.key === key) return this.gone;
    const now = await repo.unplacedVersions(db, buckets);
    const held = new Map([...now].filter(([id]) => id <= built.maxId));
    const diff = diffVersions(inBuckets(built.versions, buckets), held);
    const edited = new Set<number>();
    if (diff.changed.length > 0) {
      for (const row of await repo.unplacedRows(db, { ids: diff.changed })) {
        const item = built.items.get(row.id);
        if (!item || item.title !== row.title || item.body !== row.body || item.team !== row.team_ref)
          edited.add(row.id);
      }
    }
    const rebuild = diff.removed.length > 0 || diff.added.length > 0 || edited.size > 0;
    if (!rebuild) {
      // The versions as first read: a row changed or gone since is found by the next check.
      for (const id of diff.changed) {
        built.sums.remove(id, built.versions.get(id) as string);
        built.versions.set(id, held.get(id) as string);
        built.sums.add(id, held.get(id) as string);
      }
      return { key, ids: new Set(), rebuild };
    }
    this.gone = { key, ids: new Set([...diff.removed, ...edited]), rebuild };
    return this.gone;
  }

  private async rebuildFor(db: Db, gone: Gone): Promise<CurrentSuggestions> {
    const built = this.built as BuiltIndex;
    if (!this.rebuilding && built.buildMs <= this.options.inlineBuildMs) {
      await this.rebuild(db);
      return this.answer(false, null);
    }
    if (!this.rebuilding) {
      this.rebuilding = this.rebuild(db)
        .catch(() => undefined) // the next request finds the same change and tries again
        .finally(() => (this.rebuilding = null));
    }
    return this.answer(true, gone);
  }

  /** Reads every open item in no problem and builds the index from scratch. */
  private async rebuild(db: Db): Promise<void> {
    const asOf = new Date();
    const fp = await repo.unplacedFingerprint(db, 0);
    if (fp.dismissed !== this.dismissed.key) this.dismissed = { key: fp.dismissed, sets: await dismissedItemSets(db) };
    // Read a page at a time, letting other requests run between: the embedded database works on this thread, and
    // its answers arrive without the event loop turning, so one read would hold every request for a second.
    const rows: repo.UnplacedRow[] = [];
    for (;;) {
      const page = await repo.unplacedRows(db, { afterId: rows[rows.length - 1]?.id ?? 0, limit: READ_PAGE });
      rows.push(...page);
      if (page.length < READ_PAGE) break;
      await nextTurn();
    }
    const built = await buildIndex(rows, asOf, this.options.sliceMs);
    built.generation = (this.built?.generation ?? 0) + 1;
    this.built = built;
    this.gone = null;
    this.builds++;
  }

  private answer(stale: boolean, gone: Gone | null): CurrentSuggestions {
    const built = this.built as BuiltIndex;
    const key = `${built.generation}|${this.dismissed.key}|${gone?.key ?? ''}`;
    if (this.memo?.key !== key) {
      const raw = built.index.suggestions({ dismissed: this.dismissed.sets });
      const items: Suggestion[] = [];
      for (const s of raw) {
        const kept = gone ? s.items.filter((i) => !gone.ids.has(i.id)) : s.items;
        const teams = gone ? teamsOf(built, kept) : s.teams;
        if (kept.length < 2 || teams.length < 2) continue;
        items.push({ ...s, items: kept, teams: teams.map((ref) => built.names.get(ref) ?? ref) });
      }
      const suggested = new Set(items.flatMap((s) => s.items.map((i) => i.id)));
      this.memo = { key, answer: { items, suggested } };
    }
    return { ...this.memo.answer, asOf: built.asOf, stale };
  }
}

function teamsOf(built: BuiltIndex, items: { kind: FeedbackKind; id: number }[]): string[] {
  const refs = new Set<string>();
  for (const i of items) {
    const team = built.items.get(i.id)?.team;
    if (team) refs.add(team);
  }
  return [...refs].sort();
}

const caches = new WeakMap<Db, SuggestionCache>();

/** The cache of this database handle (one per process and database). */
export function suggestionCacheOf(db: Db): SuggestionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SuggestionCache()));
  return cache;
}
