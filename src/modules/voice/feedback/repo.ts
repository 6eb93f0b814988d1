import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import type {
  FeedbackCommentsTable,
  FeedbackKind,
  FeedbackRow,
  FeedbackSource,
  FeedbackTable,
} from '../../../db/schema/voice.js';

export type NewFeedbackRow = Insertable<FeedbackTable>;

/** An item with the names and refs of the catalog entities it points at. */
export interface ItemRow extends FeedbackRow {
  team_name: string | null;
  team_ref: string | null;
  capability_name: string | null;
  capability_ref: string | null;
  platform_team_name: string | null;
  platform_team_ref: string | null;
}

export interface ItemQuery {
  kind: FeedbackKind;
  teamRef?: string | undefined;
  capabilityRef?: string | undefined;
  platformTeamRef?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  /** Not closed yet. */
  unresolved?: boolean;
  closedFrom?: Date | undefined;
  closedTo?: Date | undefined;
  /** Each word must appear in the title or the body, whatever the case. */
  words?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  problemId?: number | undefined;
  source?: FeedbackSource | undefined;
  /** The last item of the previous page: newest first, by opening time then id. */
  after?: { opened: Date; id: number } | undefined;
  limit: number;
}

export async function insertItems(db: Db, rows: NewFeedbackRow[]): Promise<FeedbackRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('feedback').values(rows).returningAll().execute();
}

const prefixPattern = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/** How many items carry an external id starting with `prefix` (the demo's own are marked so). */
export async function countItemsByExternalIdPrefix(db: Db, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('feedback')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('external_id', 'like', prefixPattern(prefix))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deletes the items whose external id starts with `prefix`, with their votes, comments and conversation links. */
export async function deleteItemsByExternalIdPrefix(db: Db, prefix: string): Promise<void> {
  await db.deleteFrom('feedback').where('external_id', 'like', prefixPattern(prefix)).execute();
}

function selectItems(db: Db) {
  return db
    .selectFrom('feedback as f')
    .leftJoin('entities as t', 't.id', 'f.team_id')
    .leftJoin('entities as c', 'c.id', 'f.capability_id')
    .leftJoin('entities as p', 'p.id', 'f.platform_team_id')
    .selectAll('f')
    .select([
      't.name as team_name',
      't.ref as team_ref',
      'c.name as capability_name',
      'c.ref as capability_ref',
      'p.name as platform_team_name',
      'p.ref as platform_team_ref',
    ]);
}

export async function findItem(db: Db, kind: FeedbackKind, id: number): Promise<ItemRow | undefined> {
  return selectItems(db).where('f.kind', '=', kind).where('f.id', '=', id).executeTakeFirst();
}

/** Locks the item for the rest of the transaction, so two edits of one item apply one after the other. */
export async function findItemForUpdate(db: Db, kind: FeedbackKind, id: number): Promise<ItemRow | undefined> {
  return selectItems(db).where('f.kind', '=', kind).where('f.id', '=', id).forUpdate('f').executeTakeFirst();
}

export async function updateItem(db: Db, id: number, changes: Updateable<FeedbackTable>): Promise<FeedbackRow> {
  return db
    .updateTable('feedback')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const likePattern = (word: string) => `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const entityId = (ref: string) => sql<number>`(select id from entities where ref = ${ref})`;

/** One page of a kind's items, newest first; one row more than `limit` says there is a next page. */
export async function listItems(db: Db, query: ItemQuery): Promise<ItemRow[]> {
  let q = selectItems(db).where('f.kind', '=', query.kind);
  if (query.teamRef) q = q.where('f.team_id', '=', entityId(query.teamRef));
  if (query.capabilityRef) q = q.where('f.capability_id', '=', entityId(query.capabilityRef));
  if (query.platformTeamRef) q = q.where('f.platform_team_id', '=', entityId(query.platformTeamRef));
  if (query.category) q = q.where('f.category', '=', query.category);
  if (query.status) q = q.where('f.status', '=', query.status);
  if (query.unresolved) q = q.where('f.closed_at', 'is', null);
  if (query.closedFrom) q = q.where('f.closed_at', '>=', query.closedFrom);
  if (query.closedTo) q = q.where('f.closed_at', '<', query.closedTo);
  if (query.from) q = q.where('f.opened_at', '>=', query.from);
  if (query.to) q = q.where('f.opened_at', '<', query.to);
  if (query.problemId) q = q.where('f.problem_id', '=', query.problemId);
  if (query.source) q = q.where('f.source', '=', query.source);
  for (const word of query.words ?? []) {
    const pattern = likePattern(word);
    q = q.where(sql<boolean>`(lower(f.title) like ${pattern} or lower(coalesce(f.body, '')) like ${pattern})`);
  }
  if (query.after) q = q.where(sql<boolean>`(f.opened_at, f.id) < (${query.after.opened}, ${query.after.id})`);
  return q.orderBy('f.opened_at', 'desc').orderBy('f.id', 'desc').limit(query.limit).execute();
}

export interface SimilarRow {
  id: number;
  kind: FeedbackKind;
  title: string;
  team_name: string | null;
  team_ref: string | null;
  similarity: number;
}

/**
 * How alike titles must be to be offered (pg_trgm): similar as a whole, or the typed title found within a stored
 * one. Set on each query, so a server's own settings do not change the answer. Lower finds more paraphrases and
 * costs more: the index hands over every title sharing enough trigrams, and each is checked (bench/feedback-similar.ts).
 */
export const SIMILARITY = { whole: 0.3, within: 0.6 };

/**
 * Open items whose titles look like `title` (pg_trgm, on the feedback_title_trgm index): similar as a whole (`%`)
 * or containing something like it (`<%`, for a title still being typed); best first.
 */
export async function similarItems(
  db: Db,
  query: { title: string; kind?: FeedbackKind | undefined; teamRef?: string | undefined; limit: number },
  thresholds = SIMILARITY,
): Promise<SimilarRow[]> {
  const text = query.title.toLowerCase();
  return inTransaction(db, async (tx) => {
    await sql`select set_config('pg_trgm.similarity_threshold', ${String(thresholds.whole)}, true),
      set_config('pg_trgm.word_similarity_threshold', ${String(thresholds.within)}, true)`.execute(tx);
    const result = await sql<SimilarRow>`
      select f.id, f.kind, f.title, t.name as team_name, t.ref as team_ref,
        greatest(similarity(lower(f.title), ${text}), word_similarity(${text}, lower(f.title)))::float8 as similarity
      from feedback f left join entities t on t.id = f.team_id
      where (lower(f.title) % ${text} or ${text} <% lower(f.title))
        and f.closed_at is null
        ${query.kind ? sql`and f.kind = ${query.kind}` : sql``}
        ${query.teamRef ? sql`and f.team_id = ${entityId(query.teamRef)}` : sql``}
      order by similarity desc, f.id desc
      limit ${query.limit}`.execute(tx);
    return result.rows;
  });
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export async function insertComment(db: Db, row: Insertable<FeedbackCommentsTable>) {
  return db.insertInto('feedback_comments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** An item's comments, oldest first, after the comment `after`. */
export async function listComments(db: Db, itemId: number, after: number | undefined, limit: number) {
  let q = db.selectFrom('feedback_comments').selectAll().where('item_id', '=', itemId);
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id').limit(limit).execute();
}
