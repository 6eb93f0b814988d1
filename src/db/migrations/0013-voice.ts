import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// The voice of the customer. One `feedback` table holds the four kinds (pain, request, bug, support request) so a
// problem, the triage inbox and the similar-item search treat them alike; each kind uses the columns it needs:
// - opened_at: a pain or request written, a bug reported, a support request opened;
// - responded_at: a bug acknowledged, a support request's first response;
// - closed_at: a pain resolved, a request done or declined, a bug fixed, a support request resolved.
// Items from GitHub or GitLab issues keep the identity (external_id) so an edited, relabelled, closed or
// reopened issue updates its item, and a redelivered event changes nothing. A team of null is an author Paved could
// not place: kept, and listed for triage.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table problems (
      id bigint generated always as identity primary key,
      title text not null,
      description text,
      status text not null default 'open' check (status in ('open', 'solved', 'dismissed')),
      capability_id bigint references entities (id),
      impact real check (impact in (0.25, 0.5, 1, 2, 3)),
      confidence real check (confidence between 0 and 100),
      effort real check (effort > 0),
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table feedback (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('pain', 'request', 'bug', 'support')),
      team_id bigint references entities (id),
      capability_id bigint references entities (id),
      platform_team_id bigint references entities (id),
      author_ref text,
      author_name text,
      title text not null,
      body text,
      category text,
      severity smallint check (severity between 1 and 4),
      hours_lost_per_week real check (hours_lost_per_week >= 0),
      status text not null,
      opened_at timestamptz not null default now(),
      responded_at timestamptz,
      closed_at timestamptz,
      problem_id bigint references problems (id) on delete set null,
      impact real check (impact in (0.25, 0.5, 1, 2, 3)),
      confidence real check (confidence between 0 and 100),
      effort real check (effort > 0),
      source text not null default 'paved' check (source in ('paved', 'csv', 'github', 'gitlab')),
      external_id text,
      external_url text,
      external_repository text,
      external_author text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (source, external_id)
    )`.execute(db);
  await sql`create index feedback_kind on feedback (kind, id)`.execute(db);
  await sql`create index feedback_team on feedback (team_id, kind, opened_at)`.execute(db);
  await sql`create index feedback_capability on feedback (capability_id, kind, opened_at)`.execute(db);
  await sql`create index feedback_opened on feedback (kind, opened_at)`.execute(db);
  await sql`create index feedback_problem on feedback (problem_id) where problem_id is not null`.execute(db);
  await sql`create index feedback_title_trgm on feedback using gin (lower(title) gin_trgm_ops)`.execute(db);

  // One vote per person; the voter's teams as they were at the vote, which is what a request's reach counts.
  await sql`
    create table request_votes (
      request_id bigint not null references feedback (id) on delete cascade,
      person_ref text not null,
      teams jsonb not null default '[]',
      voted_at timestamptz not null default now(),
      primary key (request_id, person_ref)
    )`.execute(db);
  await sql`create index request_votes_person on request_votes (person_ref)`.execute(db);

  await sql`
    create table feedback_comments (
      id bigint generated always as identity primary key,
      item_id bigint not null references feedback (id) on delete cascade,
      author_ref text,
      author_name text not null,
      body text not null,
      created_at timestamptz not null default now(),
      source text not null default 'paved',
      external_id text,
      unique (source, external_id)
    )`.execute(db);
  await sql`create index feedback_comments_item on feedback_comments (item_id, id)`.execute(db);

  // Calendar hours per severity, per capability.
  await sql`
    create table sla_policies (
      capability_id bigint not null references entities (id),
      severity smallint not null check (severity between 1 and 4),
      acknowledge_hours real not null check (acknowledge_hours > 0),
      fix_hours real not null check (fix_hours > 0),
      primary key (capability_id, severity)
    )`.execute(db);

  // A support category made self-service by a capability: deflection compares the requests around its GA date.
  await sql`
    create table support_categories (
      category text primary key,
      capability_id bigint references entities (id)
    )`.execute(db);

  // A suggestion a platform member dismissed, by its items, so the same group is not suggested again.
  await sql`
    create table dismissed_suggestions (
      id bigint generated always as identity primary key,
      item_ids jsonb not null,
      dismissed_by text,
      dismissed_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table roadmap_items (
      id bigint generated always as identity primary key,
      title text not null,
      description text,
      capability_id bigint references entities (id),
      status text not null default 'later' check (status in ('now', 'next', 'later', 'done')),
      target_quarter text,
      impact real check (impact in (0.25, 0.5, 1, 2, 3)),
      confidence real check (confidence between 0 and 100),
      effort real check (effort > 0),
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table roadmap_links (
      roadmap_id bigint not null references roadmap_items (id) on delete cascade,
      kind text not null check (kind in ('problem', 'request')),
      target_id bigint not null,
      primary key (roadmap_id, kind, target_id)
    )`.execute(db);
  await sql`create index roadmap_links_target on roadmap_links (kind, target_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'roadmap_links',
    'roadmap_items',
    'dismissed_suggestions',
    'support_categories',
    'sla_policies',
    'feedback_comments',
    'request_votes',
    'feedback',
    'problems',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
