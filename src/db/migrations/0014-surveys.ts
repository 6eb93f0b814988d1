import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Survey waves: fixed questions (NPS for the platform, CSAT per capability, optional free text), so waves compare.
// Each invited person gets a personal link; the link's token is an HMAC of `token_nonce` under a key derived from
// PAVED_SECRET_KEY, so the links can be listed again for a mail merge while the database alone never reveals one
// (only the nonce and the token's sha256 are stored). An answer is one row per invitation, replaced when the person
// answers again; its CSAT scores are one row per capability.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table survey_waves (
      id bigint generated always as identity primary key,
      title text not null,
      -- The targeted teams' refs as resolved at creation; all_teams says they were "every customer team".
      teams jsonb not null default '[]',
      all_teams boolean not null default false,
      opens_at timestamptz not null default now(),
      closes_at timestamptz,
      status text not null default 'open' check (status in ('open', 'closed')),
      created_by text not null,
      created_at timestamptz not null default now(),
      check (closes_at is null or closes_at > opens_at)
    )`.execute(db);
  await sql`create index survey_waves_created on survey_waves (created_at, id)`.execute(db);

  await sql`
    create table survey_wave_capabilities (
      wave_id bigint not null references survey_waves (id) on delete cascade,
      capability_id bigint not null references entities (id),
      position smallint not null,
      primary key (wave_id, capability_id)
    )`.execute(db);

  await sql`
    create table survey_invitations (
      id bigint generated always as identity primary key,
      wave_id bigint not null references survey_waves (id) on delete cascade,
      person_ref text not null,
      -- The person's teams (group refs) when invited: what the team breakdown counts.
      teams jsonb not null default '[]',
      token_nonce text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      unique (wave_id, person_ref)
    )`.execute(db);

  await sql`
    create table survey_answers (
      invitation_id bigint primary key references survey_invitations (id) on delete cascade,
      nps smallint not null check (nps between 0 and 10),
      comment text,
      answered_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table survey_csat_scores (
      invitation_id bigint not null references survey_answers (invitation_id) on delete cascade,
      capability_id bigint not null references entities (id),
      score smallint not null check (score between 1 and 5),
      primary key (invitation_id, capability_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'survey_csat_scores',
    'survey_answers',
    'survey_invitations',
    'survey_wave_capabilities',
    'survey_waves',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
