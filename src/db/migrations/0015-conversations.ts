import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Conversations: a platform team's member talked with a customer team (contact coverage counts them); the pains
// raised there are linked. Engagements: a platform engineer embedded with a customer team for a period (a "buddy").
// Each is credited to a platform team (platform_team_id), named or taken from the writer's platform team; null
// when an organisation admin writes for no platform team (then it counts for the organisation only).
// People and the engineer are kept as typed (names or user refs): customers' people need not be in the catalog.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table conversations (
      id bigint generated always as identity primary key,
      team_id bigint not null references entities (id),
      platform_team_id bigint references entities (id),
      occurred_on date not null,
      people jsonb not null default '[]',
      channel text,
      notes text,
      created_by text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index conversations_team on conversations (team_id, occurred_on)`.execute(db);
  await sql`create index conversations_occurred on conversations (occurred_on)`.execute(db);

  await sql`
    create table conversation_pains (
      conversation_id bigint not null references conversations (id) on delete cascade,
      pain_id bigint not null references feedback (id) on delete cascade,
      primary key (conversation_id, pain_id)
    )`.execute(db);
  await sql`create index conversation_pains_pain on conversation_pains (pain_id)`.execute(db);

  await sql`
    create table engagements (
      id bigint generated always as identity primary key,
      team_id bigint not null references entities (id),
      platform_team_id bigint references entities (id),
      engineer text not null,
      starts_on date not null,
      ends_on date check (ends_on is null or ends_on >= starts_on),
      goals text,
      created_by text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index engagements_team on engagements (team_id, starts_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['engagements', 'conversation_pains', 'conversations'])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
