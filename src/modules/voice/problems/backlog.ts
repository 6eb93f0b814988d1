import type { Db } from '../../../db/schema/index.js';
import type { BacklogRow } from './contract.js';
import { reachCounts } from '../reach/repo.js';
import { backlogCacheOf, backlogRow } from './cache/backlog-cache.js';
import type { RiceRow } from './repo.js';

/**
 * The backlog: open problems and open requests in no problem (a request in a problem is counted in it, through its
 * author's team and voters, not listed again), each with its reach from the data and RICE, ranked by `byRice`.
 * Kept in memory between requests and brought up to date at each (cache/backlog-cache.ts).
 */
export async function backlogRows(db: Db): Promise<BacklogRow[]> {
  return backlogCacheOf(db).ranked(db);
}

/** One request as a backlog row, whether or not it is listed there. */
export async function requestRow(db: Db, row: RiceRow): Promise<BacklogRow> {
  return backlogRow('request', row, (await reachCounts(db, { requests: [row.id] })).get(`request ${row.id}`) ?? 0);
}
