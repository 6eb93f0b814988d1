import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';
import { chunks } from '../../../shared/chunks.js';

/** Customer teams as the catalog defines them: active Groups that own an active service and no capability. */
export async function customerTeamRefs(db: Db): Promise<string[]> {
  const result = await sql<{ ref: string }>`
    select g.ref from entities g
    where g.kind = 'Group' and g.status = 'active'
      and exists (select 1 from entities o where o.kind = 'Component' and o.owner_ref = g.ref and o.status = 'active')
      and not exists (select 1 from entities o where o.kind = 'Capability' and o.owner_ref = g.ref and o.status = 'active')
    order by g.ref`.execute(db);
  return result.rows.map((r) => r.ref);
}

/** Active entities of a kind by ref. */
export async function activeByRefs(db: Db, kind: string, refs: string[]) {
  if (refs.length === 0) return [];
  return db
    .selectFrom('entities')
    .select(['id', 'ref', 'name', 'title'])
    .where('kind', '=', kind)
    .where('status', '=', 'active')
    .where('ref', 'in', refs)
    .execute();
}

/** Every active User in one of `teamRefs` (by memberOf or the group's members), with all their teams. */
export async function peopleOfTeams(db: Db, teamRefs: string[]): Promise<{ ref: string; teams: string[] }[]> {
  if (teamRefs.length === 0) return [];
  const result = await sql<{ ref: string; teams: string[] }>`
    with m as (
      select r.target_ref as group_ref, u.ref as user_ref
        from entity_relations r join entities u on u.id = r.source_id
        where r.type = 'memberOf' and u.kind = 'User' and u.status = 'active'
      union
      select g.ref, u.ref
        from entity_relations r join entities g on g.id = r.source_id
        join entities u on u.ref = r.target_ref and u.kind = 'User' and u.status = 'active'
        where r.type = 'hasMember' and g.kind = 'Group' and g.status = 'active'
    )
    select user_ref as ref, json_agg(group_ref order by group_ref) as teams from m
    where user_ref in (select user_ref from m where group_ref in (${sql.join(teamRefs)}))
    group by user_ref order by user_ref`.execute(db);
  return result.rows;
}

export async function insertWave(
  db: Db,
  wave: {
    title: string;
    teams: string[];
    allTeams: boolean;
    closesAt: Date | null;
    createdBy: string;
    /** A past wave brought in (the demo): when it opened, which is also when it was created. Omitted: now. */
    opensAt?: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('survey_waves')
    .values({
      title: wave.title,
      teams: JSON.stringify(wave.teams),
      all_teams: wave.allTeams,
      closes_at: wave.closesAt,
      created_by: wave.createdBy,
      ...(wave.opensAt ? { opens_at: wave.opensAt, created_at: wave.opensAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertWaveCapabilities(db: Db, waveId: number, capabilityIds: number[]): Promise<void> {
  if (capabilityIds.length === 0) return;
  await db
    .insertInto('survey_wave_capabilities')
    .values(capabilityIds.map((id, position) => ({ wave_id: waveId, capability_id: id, position })))
    .execute();
}

export async function insertInvitations(
  db: Db,
  waveId: number,
  rows: { personRef: string; teams: string[]; nonce: string; hash: string }[],
): Promise<void> {
  for (const slice of chunks(rows, 1000)) {
    await db
      .insertInto('survey_invitations')
      .values(
        slice.map((r) => ({
          wave_id: waveId,
          person_ref: r.personRef,
          teams: JSON.stringify(r.teams),
          token_nonce: r.nonce,
          token_hash: r.hash,
        })),
      )
      .execute();
  }
}

/** Answers as they were given, many at once (a past wave brought in: the demo), with their CSAT scores. */
export async function insertAnswers(
  db: Db,
  answers: {
    invitationId: number;
    nps: number;
    comment: string | null;
    answeredAt: Date;
    scores: { capabilityId: number; score: number }[];
  }[],
): Promise<void> {
  for (const slice of chunks(answers, 1000)) {
    await db
      .insertInto('survey_answers')
      .values(
        slice.map((a) => ({
          invitation_id: a.invitationId,
          nps: a.nps,
          comment: a.comment,
          answered_at: a.answeredAt,
        })),
      )
      .execute();
    const scores = slice.flatMap((a) =>
      a.scores.map((s) => ({ invitation_id: a.invitationId, capability_id: s.capabilityId, score: s.score })),
    );
    for (const part of chunks(scores, 2000)) await db.insertInto('survey_csat_scores').values(part).execute();
  }
}

/** Deletes the waves (with invitations, answers and scores) created by people whose name ends with `suffix`. */
export async function deleteWavesByPeople(db: Db, suffix: string): Promise<void> {
  await db
    .deleteFrom('survey_waves')
    .where('created_by', 'like', `%${suffix.replace(/[\\%_]/g, '\\$&')}`)
    .execute();
}

/** Waves with how many people were invited and how many answered. */
function waves(db: Db) {
  return db
    .selectFrom('survey_waves as w')
    .selectAll('w')
    .select(sql<number>`(select count(*)::int from survey_invitations i where i.wave_id = w.id)`.as('invited'))
    .select(
      sql<number>`(select count(*)::int from survey_invitations i
        join survey_answers a on a.invitation_id = i.id where i.wave_id = w.id)`.as('answered'),
    );
}

/** Newest first. */
export async function listWaves(db: Db, limit = 500) {
  return waves(db).orderBy('w.created_at', 'desc').orderBy('w.id', 'desc').limit(limit).execute();
}

export type WaveListRow = Awaited<ReturnType<typeof listWaves>>[number];

export async function findWave(db: Db, id: number): Promise<WaveListRow | undefined> {
  return waves(db).where('w.id', '=', id).executeTakeFirst();
}

/** The wave created just before this one: what results compare with. */
export async function previousWaveId(db: Db, wave: { id: number; created_at: Date }): Promise<number | null> {
  const row = await db
    .selectFrom('survey_waves')
    .select('id')
    .where(sql<boolean>`(created_at, id) < (${wave.created_at}, ${wave.id})`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface WaveCapability {
  wave_id: number;
  capability_id: number;
  name: string;
  title: string | null;
}

/** The capabilities each wave asks about, in the order they were given. */
export async function waveCapabilities(db: Db, waveIds: number[]): Promise<WaveCapability[]> {
  if (waveIds.length === 0) return [];
  return db
    .selectFrom('survey_wave_capabilities as wc')
    .innerJoin('entities as e', 'e.id', 'wc.capability_id')
    .select(['wc.wave_id', 'wc.capability_id', 'e.name', 'e.title'])
    .where('wc.wave_id', 'in', waveIds)
    .orderBy('wc.wave_id')
    .orderBy('wc.position')
    .execute();
}

export async function updateWave(db: Db, id: number, change: { status?: 'closed'; title?: string }): Promise<void> {
  await db.updateTable('survey_waves').set(change).where('id', '=', id).execute();
}

/** A wave's invitations with the person as the catalog knows them now (name null when no longer there). */
export async function listInvitations(db: Db, waveId: number) {
  return db
    .selectFrom('survey_invitations as i')
    .leftJoin('entities as u', (j) => j.onRef('u.ref', '=', 'i.person_ref').on('u.kind', '=', 'User'))
    .leftJoin('survey_answers as a', 'a.invitation_id', 'i.id')
    .select(['i.id', 'i.person_ref', 'i.teams', 'i.token_nonce', 'i.token_hash', 'u.name', 'u.title'])
    .select(sql<string | null>`u.spec->'profile'->>'email'`.as('email'))
    .select(sql<string | null>`u.spec->'profile'->>'displayName'`.as('display_name'))
    .select(sql<boolean>`a.invitation_id is not null`.as('answered'))
    .where('i.wave_id', '=', waveId)
    .orderBy('i.person_ref')
    .execute();
}

/** The invitation a token's hash names, with its wave's state. */
export async function findInvitationByHash(db: Db, hash: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('survey_waves as w', 'w.id', 'i.wave_id')
    .select(['i.id', 'i.wave_id', 'w.title', 'w.status', 'w.closes_at'])
    .where('i.token_hash', '=', hash)
    .executeTakeFirst();
}

export async function findAnswer(db: Db, invitationId: number) {
  const answer = await db
    .selectFrom('survey_answers')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
  if (!answer) return null;
  const scores = await db
    .selectFrom('survey_csat_scores')
    .select(['capability_id', 'score'])
    .where('invitation_id', '=', invitationId)
    .execute();
  return { ...answer, scores };
}

/** Writes an invitation's answer, replacing an earlier one with its scores. */
export async function replaceAnswer(
  db: Db,
  answer: {
    invitationId: number;
    nps: number;
    comment: string | null;
    scores: { capabilityId: number; score: number }[];
  },
): Promise<void> {
  await db
    .insertInto('survey_answers')
    .values({ invitation_id: answer.invitationId, nps: answer.nps, comment: answer.comment })
    .onConflict((oc) =>
      oc.column('invitation_id').doUpdateSet({ nps: answer.nps, comment: answer.comment, answered_at: sql`now()` }),
    )
    .execute();
  await db.deleteFrom('survey_csat_scores').where('invitation_id', '=', answer.invitationId).execute();
  if (answer.scores.length > 0)
    await db
      .insertInto('survey_csat_scores')
      .values(
        answer.scores.map((s) => ({
          invitation_id: answer.invitationId,
          capability_id: s.capabilityId,
          score: s.score,
        })),
      )
      .execute();
}

/** What a wave's results are computed from: every invitation, its answer if any, and the answer's scores. */
export async function resultFacts(db: Db, waveId: number) {
  const invitations = await db
    .selectFrom('survey_invitations as i')
    .leftJoin('survey_answers as a', 'a.invitation_id', 'i.id')
    .select(['i.id', 'i.teams', 'a.nps', 'a.comment', 'a.answered_at'])
    .where('i.wave_id', '=', waveId)
    .execute();
  const scores = await db
    .selectFrom('survey_csat_scores as s')
    .innerJoin('survey_invitations as i', 'i.id', 's.invitation_id')
    .select(['s.invitation_id', 's.capability_id', 's.score'])
    .where('i.wave_id', '=', waveId)
    .execute();
  return { invitations, scores };
}
export type ResultFacts = Awaited<ReturnType<typeof resultFacts>>;
