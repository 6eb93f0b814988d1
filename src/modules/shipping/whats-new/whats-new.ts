import { AppError } from '../../../http/errors.js';
import type { Db } from '../../../db/schema/index.js';
import type { EntityRow } from '../../../db/schema/entities.js';
import { capabilitiesOfInterest } from '../interest.js';
import type { NewsItem, WhatsNew, WhatsNewQuery } from './contract.js';
import { listNews, type NewsQuery, type NewsRow } from './repo.js';

const badCursor = () =>
  new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned', [
    { field: 'cursor', reason: 'not a cursor this API returned' },
  ]);

const encode = (r: NewsRow) =>
  Buffer.from(JSON.stringify([r.touches ? 1 : 0, new Date(r.released_at).toISOString(), r.id])).toString('base64url');

function decode(cursor: string | undefined): NewsQuery['after'] {
  if (!cursor) return undefined;
  try {
    const [touches, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if ((touches === 0 || touches === 1) && typeof at === 'string' && !Number.isNaN(Date.parse(at)))
      if (Number.isSafeInteger(id) && (id as number) > 0) return { touches: touches === 1, at, id: id as number };
  } catch {
    // not JSON: refused below
  }
  throw badCursor();
}

/** The news query for a team: its capabilities of interest, with why, and those it uses (a deprecation touches). */
export async function teamNewsQuery(db: Db, teamRef: string) {
  const interests = await capabilitiesOfInterest(db, teamRef);
  const uses = [...interests].filter(([, why]) => why.includes('uses')).map(([id]) => id);
  return { interests, query: { capabilityIds: [...interests.keys()], touching: uses } };
}

export function toNewsItem(r: NewsRow, why: NewsItem['why']): NewsItem {
  return {
    id: r.id,
    capability: r.capability,
    capabilityTitle: r.capability_title,
    version: r.version,
    type: r.type,
    title: r.title,
    notes: r.notes,
    date: new Date(r.released_at).toISOString(),
    deadline: r.deadline,
    why,
    touchesTeam: r.touches,
  };
}

/** What's new for a team, a page at a time: what touches it first, then the rest newest first. */
export async function whatsNew(db: Db, team: EntityRow, q: WhatsNewQuery): Promise<WhatsNew> {
  const { interests, query } = await teamNewsQuery(db, team.ref);
  const rows = await listNews(db, { ...query, from: q.from, after: decode(q.cursor), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    team: team.ref,
    items: page.map((r) => toNewsItem(r, interests.get(r.capability_id) ?? [])),
    nextCursor: rows.length > q.limit && last ? encode(last) : null,
  };
}
