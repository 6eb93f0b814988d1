import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { ReleaseType } from '../releases/contract.js';
import type { ClosedRequest, SummaryRelease } from './compute-summary.js';

/** Releases of a capability dated in [from, to), with their notes and how often they were viewed. */
export async function releasesIn(db: Db, from: Date, to: Date): Promise<SummaryRelease[]> {
  const result = await sql<{
    id: number;
    capability: string;
    version: string;
    type: ReleaseType;
    notes: string;
    views: number;
  }>`
    select r.id, c.name as capability, r.version, r.type, r.notes,
           (select count(*)::int from capability_views v where v.release_id = r.id) as views
      from releases r join entities c on c.id = r.capability_id
     where r.released_at >= ${from} and r.released_at < ${to}
     order by r.released_at, r.id`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), views: Number(r.views) }));
}

/** Requests closed by releases dated in [from, to), with each request's first vote. */
export async function closedRequestsIn(db: Db, from: Date, to: Date): Promise<ClosedRequest[]> {
  const result = await sql<{
    request_id: number;
    title: string;
    release_id: number;
    release: string;
    released_at: Date;
    first_vote: Date | null;
  }>`
    select f.id as request_id, f.title, r.id as release_id, c.name || ' ' || r.version as release, r.released_at,
           (select min(v.voted_at) from request_votes v where v.request_id = f.id) as first_vote
      from release_closes rc
      join releases r on r.id = rc.release_id
      join entities c on c.id = r.capability_id
      join feedback f on f.id = rc.target_id and f.kind = 'request'
     where rc.kind = 'request' and r.capability_id is not null
       and r.released_at >= ${from} and r.released_at < ${to}`.execute(db);
  return result.rows.map((r) => ({
    requestId: Number(r.request_id),
    title: r.title,
    releaseId: Number(r.release_id),
    release: r.release,
    releasedAt: new Date(r.released_at),
    firstVoteAt: r.first_vote === null ? null : new Date(r.first_vote),
  }));
}
