import { sql, type Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import type { FeedbackKind, ProblemRow, ProblemsTable } from '../../../db/schema/voice.js';

// SQL for problems, their items, suggestions' input, the inbox and the backlog (reach: ../reach/repo.ts).

export type ProblemWithCapability = ProblemRow & { capability_name: string | null };

const problemColumns = (db: Db) =>
  db
    .selectFrom('problems as p')
    .leftJoin('entities as c', 'c.id', 'p.capability_id')
    .selectAll('p')
    .select('c.name as capability_name');

export async function insertProblem(
  db: Db,
  row: Omit<ProblemRow, 'id' | 'created_at' | 'updated_at' | 'status'> & {
    status?: ProblemRow['status'];
    /** History brought in (the demo); omitted: now. */
    created_at?: Date;
  },
): Promise<ProblemRow> {
  return db.insertInto('problems').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Deletes the problems accepted by people whose name ends with `suffix` (the demo's, at its example domain). */
export async function deleteProblemsByPeople(db: Db, suffix: string): Promise<void> {
  await db
    .deleteFrom('problems')
    .where('created_by', 'like', `%${suffix.replace(/[\\%_]/g, '\\$&')}`)
    .execute();
}

export async function findProblem(db: Db, id: number): Promise<ProblemWithCapability | undefined> {
  return problemColumns(db).where('p.id', '=', id).executeTakeFirst();
}

/** Locks the problem for the rest of the transaction, so two edits of its items apply one after the other. */
export async function lockProblem(db: Db, id: number): Promise<ProblemRow | undefined> {
  return db.selectFrom('problems').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listProblems(
  db: Db,
  query: { status?: string | undefined; beforeId?: number | undefined; limit: number },
): Promise<ProblemWithCapability[]> {
  let q = problemColumns(db);
  if (query.status) q = q.where('p.status', '=', query.status as ProblemRow['status']);
  if (query.beforeId) q = q.where('p.id', '<', query.beforeId);
  return q.orderBy('p.id', 'desc').limit(query.limit).execute();
}

export async function updateProblem(db: Db, id: number, changes: Updateable<ProblemsTable>): Promise<void> {
  await db
    .updateTable('problems')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteProblem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('problems').where('id', '=', id).execute();
}

export interface ProblemItemRow {
  problem_id: number;
  id: number;
  kind: FeedbackKind;
  title: string;
  status: string;
  team_ref: string | null;
  team_name: string | null;
  severity: number | null;
  hours_lost_per_week: number | null;
  /** Not yet resolved, fixed, done or declined. */
  open: boolean;
}

export async function itemsOfProblems(db: Db, problemIds: number[]): Promise<ProblemItemRow[]> {
  if (problemIds.length === 0) return [];
  const rows = await db
    .selectFrom('feedback as f')
    .leftJoin('entities as t', 't.id', 'f.team_id')
    .select(['f.problem_id', 'f.id', 'f.kind', 'f.title', 'f.status', 'f.severity', 'f.hours_lost_per_week'])
    .select(['t.ref as team_ref', 't.name as team_name', sql<boolean>`f.closed_at is null`.as('open')])
    .where('f.problem_id', 'in', problemIds)
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({ ...r, problem_id: r.problem_id ?? 0 }));
}

/** The items named, locked for the rest of the transaction (their problem may be about to change). */
export async function lockItems(
  db: Db,
  ids: number[],
): Promise<{ id: number; kind: FeedbackKind; title: string; problem_id: number | null }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('feedback')
    .select(['id', 'kind', 'title', 'problem_id'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function setProblemOf(db: Db, itemIds: number[], problemId: number | null): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .updateTable('feedback')
    .set({ problem_id: problemId, updated_at: new Date() })
    .where('id', 'in', itemIds)
    .execute();
}

export async function moveItems(db: Db, fromProblem: number, toProblem: number): Promise<number[]> {
  const rows = await db
    .updateTable('feedback')
    .set({ problem_id: toProblem, updated_at: new Date() })
    .where('problem_id', '=', fromProblem)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface OpenItemRow {
  id: number;
  kind: FeedbackKind;
  title: string;
  body: string | null;
  team_ref: string | null;
  team_name: string | null;
}

/** Open items in no problem: what suggestions group. */
export async function openUnplacedItems(db: Db): Promise<OpenItemRow[]> {
  return db
    .selectFrom('feedback as f')
    .leftJoin('entities as t', 't.id', 'f.team_id')
    .select(['f.id', 'f.kind', 'f.title', 'f.body', 't.ref as team_ref', 't.name as team_name'])
    .where('f.problem_id', 'is', null)
    .where('f.closed_at', 'is', null)
    .orderBy('f.id')
    .execute();
}

export async function dismissedItemSets(db: Db): Promise<number[][]> {
  const rows = await db.selectFrom('dismissed_suggestions').select('item_ids').orderBy('id').execute();
  return rows.map((r) => r.item_ids);
}

export async function insertDismissed(db: Db, itemIds: number[], by: string): Promise<number> {
  const row = await db
    .insertInto('dismissed_suggestions')
    .values({ item_ids: JSON.stringify(itemIds), dismissed_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The triage inbox: open items in no problem, newest first (by arrival). */
export async function inboxItems(db: Db, query: { beforeId?: number | undefined; limit: number }) {
  let q = db
    .selectFrom('feedback as f')
    .leftJoin('entities as t', 't.id', 'f.team_id')
    .leftJoin('entities as c', 'c.id', 'f.capability_id')
    .select(['f.id', 'f.kind', 'f.title', 'f.severity', 'f.status', 'f.opened_at', 'f.source'])
    .select(['t.name as team_name', 'c.name as capability_name', 'f.team_id', 'f.capability_id'])
    .where('f.problem_id', 'is', null)
    .where('f.closed_at', 'is', null);
  if (query.beforeId) q = q.where('f.id', '<', query.beforeId);
  return q.orderBy('f.id', 'desc').limit(query.limit).execute();
}

export interface RiceRow {
  id: number;
  title: string;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
}

/**
 * What the backlog ranks: open problems, and open requests in no problem (their votes count in the problem); with
 * `only`, just those of the ids named.
 */
export async function backlogCandidates(
  db: Db,
  only?: { problems: number[]; requests: number[] },
): Promise<{ problems: RiceRow[]; requests: RiceRow[] }> {
  const columns = ['id', 'title', 'impact', 'confidence', 'effort'] as const;
  let problems = db.selectFrom('problems').select(columns).where('status', '=', 'open');
  let requests = db
    .selectFrom('feedback')
    .select(columns)
    .where('kind', '=', 'request')
    .where('problem_id', 'is', null)
    .where('closed_at', 'is', null);
  if (only) {
    if (only.problems.length === 0 && only.requests.length === 0) return { problems: [], requests: [] };
    problems = problems.where('id', '=', sql<number>`any(${only.problems}::bigint[])`);
    requests = requests.where('id', '=', sql<number>`any(${only.requests}::bigint[])`);
  }
  return { problems: await problems.execute(), requests: await requests.execute() };
}

export async function findRequestForUpdate(
  db: Db,
  id: number,
): Promise<(RiceRow & { problem_id: number | null }) | undefined> {
  return db
    .selectFrom('feedback')
    .select(['id', 'title', 'impact', 'confidence', 'effort', 'problem_id'])
    .where('kind', '=', 'request')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setRequestRice(
  db: Db,
  id: number,
  values: { impact: number | null; confidence: number | null; effort: number | null },
): Promise<void> {
  await db
    .updateTable('feedback')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
