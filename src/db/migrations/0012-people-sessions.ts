import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// People sign in (OIDC) and hold personal tokens. A session or token of a person names the catalog User (by ref;
// the email for someone the catalog does not know) so their rights are computed from the catalog on each request.
// Sessions end after an idle time (last_seen_at) and an absolute one (expires_at). An OIDC sign-in in progress keeps
// its PKCE verifier, state and nonce server-side, keyed by the hash of a short-lived cookie.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sessions add column person_ref text`.execute(db);
  await sql`alter table sessions add column person_email text`.execute(db);
  await sql`alter table sessions add column idp_admin boolean not null default false`.execute(db);
  await sql`alter table sessions add column last_seen_at timestamptz not null default now()`.execute(db);
  await sql`alter table api_tokens add column person_ref text`.execute(db);
  await sql`create index api_tokens_person on api_tokens (person_ref) where person_ref is not null`.execute(db);
  await sql`
    create index entities_user_email on entities (lower(spec->'profile'->>'email')) where kind = 'User'`.execute(db);
  await sql`
    create table oidc_logins (
      id_hash text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_to text not null,
      expires_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists oidc_logins`.execute(db);
  await sql`drop index if exists entities_user_email`.execute(db);
  await sql`drop index if exists api_tokens_person`.execute(db);
  await sql`alter table api_tokens drop column person_ref`.execute(db);
  for (const column of ['person_ref', 'person_email', 'idp_admin', 'last_seen_at'])
    await sql`alter table sessions drop column ${sql.ref(column)}`.execute(db);
}
