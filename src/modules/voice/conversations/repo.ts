import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import { chunks } from '../../../shared/chunks.js';

export interface ConversationRow {
  id: number;
  team: string;
  platform_team: string | null;
  occurred_on: string;
  people: string[];
  channel: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface NewConversation {
  teamId: number;
  platformTeamId: number | null;
  date: string;
  people: string[];
  channel: string | null;
  notes: string | null;
  createdBy: string;
}

export async function insertConversation(db: Db, c: NewConversation, painIds: number[]): Promise<number> {
  const row = await db
    .insertInto('conversations')
    .values({
      team_id: c.teamId,
      platform_team_id: c.platformTeamId,
      occurred_on: c.date,
      people: JSON.stringify(c.people),
      channel: c.channel,
      notes: c.notes,
      created_by: c.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (painIds.length > 0)
    await db
      .insertInto('conversation_pains')
      .values(painIds.map((pain_id) => ({ conversation_id: row.id, pain_id })))
      .execute();
  return row.id;
}

/**
 * Conversations as they happened, many at once (history brought in: the demo), each with the pains raised and
 * written at `createdAt`.
 */
export async function insertConversations(
  db: Db,
  list: { conversation: NewConversation; painIds: number[]; createdAt: Date }[],
): Promise<void> {
  for (const slice of chunks(list, 500)) {
    const rows = await db
      .insertInto('conversations')
      .values(
        slice.map(({ conversation: c, createdAt }) => ({
          team_id: c.teamId,
          platform_team_id: c.platformTeamId,
          occurred_on: c.date,
          people: JSON.stringify(c.people),
          channel: c.channel,
          notes: c.notes,
          created_by: c.createdBy,
          created_at: createdAt,
        })),
      )
      .returning('id')
      .execute();
    // Identity values are drawn row by row in the order the rows are given, so the ids in order are the rows'.
    const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    const links = slice.flatMap((c, i) => c.painIds.map((pain_id) => ({ conversation_id: ids[i] ?? 0, pain_id })));
    if (links.length > 0) await db.insertInto('conversation_pains').values(links).execute();
  }
}

/** Deletes the conversations and engagements written by people whose name ends with `suffix` (the demo's). */
export async function deleteContactsByPeople(db: Db, suffix: string): Promise<void> {
  const pattern = `%${suffix.replace(/[\\%_]/g, '\\$&')}`;
  await db.deleteFrom('conversations').where('created_by', 'like', pattern).execute();
  await db.deleteFrom('engagements').where('created_by', 'like', pattern).execute();
}

/** The ids among `ids` that are pains of the team. */
export async function painsOfTeam(db: Db, teamId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('feedback')
    .select('id')
    .where('kind', '=', 'pain')
    .where('team_id', '=', teamId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface ConversationFilter {
  id?: number | undefined;
  teamId?: number | undefined;
  platformTeamId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The last row of the previous page: newest first, by date then id. */
  after?: { date: string; id: number } | undefined;
  limit: number;
}

export async function listConversations(db: Db, f: ConversationFilter): Promise<ConversationRow[]> {
  const where = [sql`true`];
  if (f.id !== undefined) where.push(sql`c.id = ${f.id}`);
  if (f.teamId !== undefined) where.push(sql`c.team_id = ${f.teamId}`);
  if (f.platformTeamId !== undefined) where.push(sql`c.platform_team_id = ${f.platformTeamId}`);
  if (f.from) where.push(sql`c.occurred_on >= ${f.from}::date`);
  if (f.to) where.push(sql`c.occurred_on <= ${f.to}::date`);
  if (f.after) where.push(sql`(c.occurred_on, c.id) < (${f.after.date}::date, ${f.after.id})`);
  const result = await sql<ConversationRow>`
    select c.id, g.name as team, p.name as platform_team, to_char(c.occurred_on, 'YYYY-MM-DD') as occurred_on,
           c.people, c.channel, c.notes, c.created_by, c.created_at
      from conversations c
      join entities g on g.id = c.team_id
      left join entities p on p.id = c.platform_team_id
     where ${sql.join(where, sql` and `)}
     order by c.occurred_on desc, c.id desc
     limit ${f.limit}`.execute(db);
  return result.rows;
}

export async function linkedPains(db: Db, conversationIds: number[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversation_pains as l')
    .innerJoin('feedback as f', 'f.id', 'l.pain_id')
    .select(['l.conversation_id', 'f.id', 'f.title', 'f.status'])
    .where('l.conversation_id', 'in', conversationIds)
    .orderBy('f.id')
    .execute();
}

export async function lastContact(db: Db, teamId: number, until: string): Promise<string | null> {
  const result = await sql<{ last: string | null }>`
    select to_char(max(occurred_on), 'YYYY-MM-DD') as last from conversations
     where team_id = ${teamId} and occurred_on <= ${until}::date`.execute(db);
  return result.rows[0]?.last ?? null;
}

export interface EngagementRow {
  id: number;
  team: string;
  team_ref: string;
  platform_team: string | null;
  engineer: string;
  starts_on: string;
  ends_on: string | null;
  goals: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface NewEngagement {
  teamId: number;
  platformTeamId: number | null;
  engineer: string;
  startsOn: string;
  endsOn: string | null;
  goals: string | null;
  createdBy: string;
}

export async function insertEngagement(db: Db, e: NewEngagement): Promise<number> {
  const row = await db
    .insertInto('engagements')
    .values({
      team_id: e.teamId,
      platform_team_id: e.platformTeamId,
      engineer: e.engineer,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      goals: e.goals,
      created_by: e.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listEngagements(db: Db, f: { teamId?: number; id?: number } = {}): Promise<EngagementRow[]> {
  const where = [sql`true`];
  if (f.teamId !== undefined) where.push(sql`e.team_id = ${f.teamId}`);
  if (f.id !== undefined) where.push(sql`e.id = ${f.id}`);
  const result = await sql<EngagementRow>`
    select e.id, g.name as team, g.ref as team_ref, p.name as platform_team, e.engineer,
           to_char(e.starts_on, 'YYYY-MM-DD') as starts_on, to_char(e.ends_on, 'YYYY-MM-DD') as ends_on,
           e.goals, e.created_by, e.created_at
      from engagements e
      join entities g on g.id = e.team_id
      left join entities p on p.id = e.platform_team_id
     where ${sql.join(where, sql` and `)}
     order by e.starts_on desc, e.id desc
     limit 500`.execute(db);
  return result.rows;
}

/** The team's open pains at each time: opened by then and not resolved by then. */
export async function openPainsAt(db: Db, teamId: number, times: Date[]): Promise<number[]> {
  if (times.length === 0) return [];
  const counts = times.map(
    (at, i) =>
      sql`count(*) filter (where opened_at <= ${at} and (closed_at is null or closed_at > ${at}))::int as ${sql.ref(`n${i}`)}`,
  );
  const result = await sql<Record<string, number>>`
    select ${sql.join(counts)} from feedback where kind = 'pain' and team_id = ${teamId}`.execute(db);
  const row = result.rows[0] ?? {};
  return times.map((_, i) => row[`n${i}`] ?? 0);
}
