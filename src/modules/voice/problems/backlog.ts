import type { Db } from '../../../db/schema/index.js';
import type { BacklogRow } from './contract.js';
import { reachTeams } from '../reach/repo.js';
import { backlogCandidates, type RiceRow } from './repo.js';
import { byRice, riceOf } from './rice.js';

const rowOf = (kind: 'problem' | 'request', row: RiceRow, reach: number): BacklogRow => ({
  kind,
  id: row.id,
  title: row.title,
  reach,
  impact: row.impact,
  confidence: row.confidence,
  effort: row.effort,
  ...riceOf(reach, row),
});

/**
 * The backlog: open problems and open requests in no problem (a request in a problem is counted in it, through its
 * author's team and voters, not listed again), each with its reach from the data and RICE, ranked by `byRice`.
 */
export async function backlogRows(db: Db): Promise<BacklogRow[]> {
  const { problems, requests } = await backlogCandidates(db);
  const reach = new Map<string, number>();
  const teams = await reachTeams(db, { problems: problems.map((p) => p.id), requests: requests.map((r) => r.id) });
  for (const team of teams) reach.set(`${team.kind} ${team.id}`, (reach.get(`${team.kind} ${team.id}`) ?? 0) + 1);
  return [
    ...problems.map((p) => rowOf('problem', p, reach.get(`problem ${p.id}`) ?? 0)),
    ...requests.map((r) => rowOf('request', r, reach.get(`request ${r.id}`) ?? 0)),
  ].sort(byRice);
}

/** One request as a backlog row, whether or not it is listed there. */
export async function requestRow(db: Db, row: RiceRow): Promise<BacklogRow> {
  return rowOf('request', row, (await reachTeams(db, { requests: [row.id] })).length);
}
