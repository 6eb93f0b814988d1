import type { EntityRow } from '../../../db/schema/entities.js';
import type { Db } from '../../../db/schema/index.js';
import { notFound } from '../../../http/errors.js';
import { isoOrNull } from '../../../http/openapi.js';
import { unionReach } from '../problems/measures.js';
import { reachTeams } from '../reach/repo.js';
import { byRice, riceOf } from '../problems/rice.js';
import { ROADMAP_STATUSES, type RoadmapItem } from './contract.js';
import { findRoadmapItem, linksOf, teamItems, type RoadmapWithCapability } from './repo.js';

/**
 * Roadmap items as the API shows them: links, reach (distinct customer teams of all linked problems and requests
 * together), RICE, and, for a team, the team's pains and requests each item answers (through its problems' items and
 * its requests, written or voted for by the team).
 */
export async function roadmapViews(db: Db, rows: RoadmapWithCapability[], team?: EntityRow): Promise<RoadmapItem[]> {
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  const targets = (kind: 'problem' | 'request') => [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id))];
  const teams = new Map<string, { ref: string; name: string }[]>();
  for (const t of await reachTeams(db, { problems: targets('problem'), requests: targets('request') })) {
    const group = teams.get(`${t.kind} ${t.id}`);
    if (group) group.push(t);
    else teams.set(`${t.kind} ${t.id}`, [t]);
  }
  const answers = team ? await teamItems(db, team, targets('problem'), targets('request')) : [];

  return rows.map((row) => {
    const own = links.filter((l) => l.roadmap_id === row.id);
    const reached = own.flatMap((l) => teams.get(`${l.kind} ${l.id}`) ?? []);
    const names = new Map(reached.map((t) => [t.ref, t.name]));
    const refs = unionReach(own.map((l) => (teams.get(`${l.kind} ${l.id}`) ?? []).map((t) => t.ref)));
    const problemIds = new Set(own.filter((l) => l.kind === 'problem').map((l) => l.id));
    const requestIds = new Set(own.filter((l) => l.kind === 'request').map((l) => l.id));
    const { rice, arithmetic } = riceOf(refs.length, row);
    const linkView = (kind: string) =>
      own.filter((l) => l.kind === kind).map((l) => ({ id: l.id, title: l.title, status: l.status }));
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      capability: row.capability_name,
      status: row.status,
      targetQuarter: row.target_quarter,
      problems: linkView('problem'),
      requests: linkView('request'),
      teams: refs.map((ref) => names.get(ref) ?? ref).sort(),
      reach: refs.length,
      impact: row.impact,
      confidence: row.confidence,
      effort: row.effort,
      rice,
      arithmetic,
      ...(team
        ? {
            answers: answers
              .filter((a) => (a.problem_id !== null && problemIds.has(a.problem_id)) || requestIds.has(a.id))
              .map((a) => ({ kind: a.kind, id: a.id, title: a.title })),
          }
        : {}),
      createdBy: row.created_by,
      createdAt: isoOrNull(row.created_at) ?? '',
      updatedAt: isoOrNull(row.updated_at) ?? '',
    };
  });
}

/** The board's order: now, next, later, done; within each, the backlog's order (RICE, reach, id). */
export function boardOrder(a: RoadmapItem, b: RoadmapItem): number {
  const byStatus = ROADMAP_STATUSES.indexOf(a.status) - ROADMAP_STATUSES.indexOf(b.status);
  return byStatus || byRice({ ...a, kind: 'roadmap' }, { ...b, kind: 'roadmap' });
}

export async function roadmapView(db: Db, id: number): Promise<RoadmapItem> {
  const row = await findRoadmapItem(db, id);
  if (!row) throw notFound(`roadmap item ${id}`);
  const [view] = await roadmapViews(db, [row]);
  if (!view) throw new Error('a roadmap item without its view');
  return view;
}
