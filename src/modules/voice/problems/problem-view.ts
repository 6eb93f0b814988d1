import type { Db } from '../../../db/schema/index.js';
import { notFound } from '../../../http/errors.js';
import { isoOrNull } from '../../../http/openapi.js';
import type { Problem } from './contract.js';
import { problemMeasures } from './measures.js';
import { reachTeams } from '../reach/repo.js';
import { findProblem, itemsOfProblems, type ProblemItemRow, type ProblemWithCapability } from './repo.js';
import { riceOf } from './rice.js';

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const group = out.get(key(row));
    if (group) group.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** Problems as the API shows them, with their items, reach, hours lost, severity and RICE (a few queries in all). */
export async function problemViews(db: Db, rows: ProblemWithCapability[]): Promise<Problem[]> {
  const ids = rows.map((r) => r.id);
  const items = groupBy(await itemsOfProblems(db, ids), (i) => i.problem_id);
  const teams = groupBy(await reachTeams(db, { problems: ids }), (t) => t.id);
  return rows.map((row) => {
    const own = items.get(row.id) ?? [];
    const reach = teams.get(row.id) ?? [];
    const measures = problemMeasures(
      own.map((i) => ({
        kind: i.kind,
        team: i.team_ref,
        open: i.open,
        severity: i.severity,
        hoursLostPerWeek: i.hours_lost_per_week,
      })),
      reach.map((t) => t.ref),
    );
    const counts = { pain: 0, request: 0, bug: 0, support: 0 };
    for (const item of own) counts[item.kind] += 1;
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      capability: row.capability_name,
      items: own.map((i) => ({ kind: i.kind, id: i.id, title: i.title, team: i.team_name, status: i.status })),
      counts,
      teams: reach.map((t) => t.name),
      ...measures,
      impact: row.impact,
      confidence: row.confidence,
      effort: row.effort,
      ...riceView(measures.reach, row),
      createdBy: row.created_by,
      createdAt: isoOrNull(row.created_at) ?? '',
      updatedAt: isoOrNull(row.updated_at) ?? '',
    };
  });
}

const riceView = (reach: number, row: ProblemWithCapability) => {
  const { rice, arithmetic } = riceOf(reach, row);
  return { rice, arithmetic };
};

export async function problemView(db: Db, id: number): Promise<Problem> {
  const row = await findProblem(db, id);
  if (!row) throw notFound(`problem ${id}`);
  const [view] = await problemViews(db, [row]);
  if (!view) throw new Error('a problem without its view');
  return view;
}

/** A problem as the audit trail keeps it: its fields and its items by kind and id. */
export async function auditState(db: Db, id: number): Promise<Record<string, unknown> | null> {
  const row = await findProblem(db, id);
  if (!row) return null;
  const items: ProblemItemRow[] = await itemsOfProblems(db, [id]);
  return {
    title: row.title,
    description: row.description,
    status: row.status,
    capability: row.capability_name,
    impact: row.impact,
    confidence: row.confidence,
    effort: row.effort,
    items: items.map((i) => `${i.kind} ${i.id}`),
  };
}
