// Comparing what a cache was computed from with what the database holds now, row by row: each row's version is a
// 64-bit hash (as text, from cache/repo.ts), and the rows of each bucket of 1,024 ids are summed up by their count
// and the XOR of their versions, which is what the database's fingerprint queries compute too. A change is then
// found by comparing a hundred sums at 100,000 rows, and only its bucket's versions are read to say which row.

export interface VersionSum {
  count: number;
  xor: bigint;
}

export const emptySum = (): VersionSum => ({ count: 0, xor: 0n });

/** Adds a row's version to the sum (XOR is its own inverse: adding twice removes it). */
export function addVersion(sum: VersionSum, version: string, sign: 1 | -1 = 1): void {
  sum.count += sign;
  sum.xor ^= BigInt(version);
}

/** Whether a database fingerprint (count, XOR as text) is the sum. */
export const sameSum = (sum: VersionSum, fingerprint: { count: number; xor: string }) =>
  sum.count === fingerprint.count && sum.xor === BigInt(fingerprint.xor);

/** Ids per bucket; the fingerprint queries divide by the same number. */
export const BUCKET_SIZE = 1024;
export const bucketOf = (id: number) => Math.floor(id / BUCKET_SIZE);

/** A database fingerprint of one bucket: how many rows, and the XOR of their versions (as text). */
export interface Fingerprint {
  count: number;
  xor: string;
}

/** Version sums per bucket of ids, kept as rows are added, changed and removed. */
export class BucketSums {
  private readonly sums = new Map<number, VersionSum>();

  static of(versions: ReadonlyMap<number, string>): BucketSums {
    const out = new BucketSums();
    for (const [id, v] of versions) out.add(id, v);
    return out;
  }

  add(id: number, version: string): void {
    const bucket = bucketOf(id);
    let sum = this.sums.get(bucket);
    if (!sum) this.sums.set(bucket, (sum = emptySum()));
    addVersion(sum, version);
  }

  remove(id: number, version: string): void {
    const sum = this.sums.get(bucketOf(id));
    if (sum) addVersion(sum, version, -1);
  }

  /** The buckets whose sum is not the database's (a bucket missing on either side counts as empty). */
  differing(fingerprints: ReadonlyMap<number, Fingerprint>): number[] {
    const out = new Set<number>();
    for (const [bucket, fp] of fingerprints) if (!sameSum(this.sums.get(bucket) ?? emptySum(), fp)) out.add(bucket);
    for (const [bucket, sum] of this.sums) if (sum.count !== 0 && !fingerprints.has(bucket)) out.add(bucket);
    return [...out].sort((a, b) => a - b);
  }
}

/** The versions of the rows in the given buckets. */
export function inBuckets(versions: ReadonlyMap<number, string>, buckets: readonly number[]): Map<number, string> {
  const wanted = new Set(buckets);
  return new Map([...versions].filter(([id]) => wanted.has(bucketOf(id))));
}

export interface VersionDiff {
  added: number[];
  removed: number[];
  changed: number[];
}

/** Rows added, removed and changed (another version) from `before` to `after`, each in id order. */
export function diffVersions(before: ReadonlyMap<number, string>, after: ReadonlyMap<number, string>): VersionDiff {
  const added: number[] = [];
  const changed: number[] = [];
  const removed: number[] = [];
  for (const [id, v] of after) {
    const old = before.get(id);
    if (old === undefined) added.push(id);
    else if (old !== v) changed.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) removed.push(id);
  const ascending = (a: number, b: number) => a - b;
  return { added: added.sort(ascending), removed: removed.sort(ascending), changed: changed.sort(ascending) };
}
