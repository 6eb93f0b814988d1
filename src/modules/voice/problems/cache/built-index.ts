// The suggestion engine's index over open items in no problem, with what the cache needs to know about the rows
// it holds: each row's version, their sum, the highest id, and the teams' names.
import { buildSuggestIndex, type SuggestIndex } from '../suggest/suggest-index.js';
import type { SuggestItem } from '../suggest/types.js';
import type { UnplacedRow } from './repo.js';
import { BucketSums } from './row-versions.js';

export interface BuiltIndex {
  readonly index: SuggestIndex;
  /** The items the index holds, by id, as it read them. */
  readonly items: Map<number, SuggestItem>;
  readonly versions: Map<number, string>;
  /** Count and XOR of `versions` per bucket: compared with the database's fingerprints of the rows up to `maxId`. */
  sums: BucketSums;
  maxId: number;
  readonly names: Map<string, string>;
  /** Bumped whenever the index changes, so answers derived from it can be kept until then. */
  generation: number;
  /** When the index was last known to hold exactly the open items in no problem. */
  asOf: Date;
  /** How long building it from scratch took, in milliseconds. */
  buildMs: number;
}

const itemOf = (r: UnplacedRow): SuggestItem => ({
  kind: r.kind,
  id: r.id,
  team: r.team_ref,
  title: r.title,
  body: r.body,
});

/** Adds rows (ids above every id held) to the index, in id order. */
export function appendRows(built: BuiltIndex, rows: readonly UnplacedRow[]): void {
  if (rows.length === 0) return;
  const items = rows.map(itemOf);
  built.index.add(items);
  for (const [i, r] of rows.entries()) {
    built.items.set(r.id, items[i] as SuggestItem);
    built.versions.set(r.id, r.version);
    built.sums.add(r.id, r.version);
    if (r.team_ref !== null && r.team_name !== null) built.names.set(r.team_ref, r.team_name);
    built.maxId = Math.max(built.maxId, r.id);
  }
  built.generation++;
}

/** Lets the event loop run what waits (requests, sockets) before going on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds the index from rows in id order, giving the event loop a turn every `sliceMs` so requests keep being
 * answered while a large index builds (at 100,000 items the engine works for seconds). Adding in id order gives
 * exactly what one build from all rows gives (suggest/suggest-index.ts).
 */
export async function buildIndex(rows: readonly UnplacedRow[], asOf: Date, sliceMs: number): Promise<BuiltIndex> {
  const started = performance.now();
  const built: BuiltIndex = {
    index: buildSuggestIndex([]),
    items: new Map(),
    versions: new Map(),
    sums: new BucketSums(),
    maxId: 0,
    names: new Map(),
    generation: 0,
    asOf,
    buildMs: 0,
  };
  const step = 64;
  for (let i = 0; i < rows.length;) {
    const until = performance.now() + sliceMs;
    while (i < rows.length && performance.now() < until) {
      appendRows(built, rows.slice(i, i + step));
      i += step;
    }
    if (i < rows.length) await nextTurn();
  }
  built.buildMs = performance.now() - started;
  return built;
}
