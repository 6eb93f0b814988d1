import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Shipping: releases of capabilities and what they close; views of their notes (capability_views, kind
// 'release-notes', now naming the release); feed tokens; subscriptions and their announcements with every delivery
// attempt; people's in-app notifications and the capabilities they follow; the services a deprecation or breaking
// release affects and when each migrated; demos and who attended.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A release without a capability came from a repository no capability names (kept, listed for mapping).
  // `rules` are the detect rules that find the old usage of a deprecation or breaking release (null: the
  // capability's own); `affected_at` is when the affected services were fixed (from the evidence at the release).
  await sql`
    create table releases (
      id bigint generated always as identity primary key,
      capability_id bigint references entities (id),
      version text not null,
      type text not null check (type in ('feature', 'fix', 'breaking', 'deprecation', 'security')),
      title text,
      notes text not null default '',
      released_at timestamptz not null default now(),
      deadline date,
      rules jsonb,
      affected_at timestamptz,
      source text not null default 'paved' check (source in ('paved', 'cli', 'github', 'gitlab')),
      external_id text,
      external_url text,
      external_repository text,
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (source, external_id)
    )`.execute(db);
  await sql`create unique index releases_version on releases (capability_id, version) where capability_id is not null`.execute(
    db,
  );
  await sql`create index releases_released on releases (released_at desc, id desc)`.execute(db);
  await sql`create index releases_capability on releases (capability_id, released_at desc)`.execute(db);

  // What a release closes: requests and bugs (feedback ids) and roadmap items.
  await sql`
    create table release_closes (
      release_id bigint not null references releases (id) on delete cascade,
      kind text not null check (kind in ('request', 'bug', 'roadmap')),
      target_id bigint not null,
      primary key (release_id, kind, target_id)
    )`.execute(db);
  await sql`create index release_closes_target on release_closes (kind, target_id)`.execute(db);

  await sql`alter table capability_views add column release_id bigint references releases (id) on delete cascade`.execute(
    db,
  );
  await sql`create index capability_views_release on capability_views (release_id) where release_id is not null`.execute(
    db,
  );

  // A feed reader cannot send headers: the feed URL carries a read-only token, stored hashed, revocable. It reads
  // what its person may read.
  await sql`
    create table feed_tokens (
      id bigint generated always as identity primary key,
      token_hash text not null unique,
      person_ref text not null,
      name text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index feed_tokens_person on feed_tokens (person_ref)`.execute(db);

  // Where announcements go. The URL (a Slack or Teams webhook URL is itself a secret) and a generic webhook's
  // signing secret are stored sealed with the instance's secret key; `url_host` is what lists show.
  await sql`
    create table subscriptions (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('slack', 'teams', 'webhook')),
      name text,
      url_sealed text not null,
      url_host text not null,
      secret_sealed text,
      filter jsonb not null default '{}',
      created_by text,
      created_at timestamptz not null default now(),
      paused_at timestamptz,
      pause_reason text
    )`.execute(db);

  // One announcement of one release to one subscription: delivered at least once, retried with backoff.
  await sql`
    create table announcements (
      id bigint generated always as identity primary key,
      release_id bigint not null references releases (id) on delete cascade,
      subscription_id bigint not null references subscriptions (id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      first_failed_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null default now(),
      unique (release_id, subscription_id)
    )`.execute(db);
  await sql`create index announcements_subscription on announcements (subscription_id, id desc)`.execute(db);
  await sql`
    create table announcement_attempts (
      id bigint generated always as identity primary key,
      announcement_id bigint not null references announcements (id) on delete cascade,
      attempted_at timestamptz not null default now(),
      status_code integer,
      error text,
      latency_ms integer not null,
      response_excerpt text
    )`.execute(db);
  await sql`create index announcement_attempts_announcement on announcement_attempts (announcement_id, id)`.execute(db);

  // In-app notifications of a person; `dedupe_key` makes a notification written twice count once.
  await sql`
    create table notifications (
      id bigint generated always as identity primary key,
      person_ref text not null,
      kind text not null,
      title text not null,
      body text,
      link text,
      dedupe_key text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      unique (person_ref, dedupe_key)
    )`.execute(db);
  await sql`create index notifications_person on notifications (person_ref, id desc)`.execute(db);
  await sql`create index notifications_unread on notifications (person_ref) where read_at is null`.execute(db);
  await sql`
    create table follows (
      person_ref text not null,
      capability_id bigint not null references entities (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (person_ref, capability_id)
    )`.execute(db);

  // The repositories (and their services) a deprecation or breaking release affects: matching its rules at the
  // release; `migrated_at` is the first scan at which a repository no longer matched.
  await sql`
    create table release_migrations (
      release_id bigint not null references releases (id) on delete cascade,
      repository_id bigint not null references repositories (id) on delete cascade,
      service_id bigint references entities (id),
      evidence jsonb not null default '[]',
      migrated_at timestamptz,
      migrated_scan_id bigint,
      primary key (release_id, repository_id)
    )`.execute(db);
  await sql`create index release_migrations_service on release_migrations (service_id)`.execute(db);

  await sql`
    create table demos (
      id bigint generated always as identity primary key,
      capability_id bigint not null references entities (id),
      held_on date not null,
      title text,
      presenter text,
      recording_url text,
      slides_url text,
      notes text,
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index demos_capability on demos (capability_id, held_on)`.execute(db);
  // Attendance by team, and by person when known (`person` is a user ref or a name/email as entered; '' when the
  // team attended without names).
  await sql`
    create table demo_attendance (
      demo_id bigint not null references demos (id) on delete cascade,
      team_id bigint not null references entities (id),
      person text not null default '',
      primary key (demo_id, team_id, person)
    )`.execute(db);
  await sql`create index demo_attendance_team on demo_attendance (team_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'demo_attendance',
    'demos',
    'release_migrations',
    'follows',
    'notifications',
    'announcement_attempts',
    'announcements',
    'subscriptions',
    'feed_tokens',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  await sql`alter table capability_views drop column if exists release_id`.execute(db);
  for (const table of ['release_closes', 'releases']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
