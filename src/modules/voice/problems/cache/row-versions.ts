// Comparing what a cache was computed from with what the database holds now, row by row: each row's version is a
// 64-bit hash (as text, from cache/repo.ts), and a set of rows is summed up by its count and the XOR of its versions,
// which is what the database's fingerprint queries compute too.

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

export function sumOf(versions: Iterable<string>): VersionSum {
  const sum = emptySum();
  for (const v of versions) addVersion(sum, v);
  return sum;
}

/** Whether a database fingerprint (count, XOR as text) is the sum. */
export const sameSum = (sum: VersionSum, fingerprint: { count: number; xor: string }) =>
  sum.count === fingerprint.count && sum.xor === BigInt(fingerprint.xor);

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
