import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';

export interface PersonRow {
  ref: string;
  name: string;
  title: string | null;
  email: string | null;
}

/** `title`: the catalog title, else the profile's display name (Backstage Users usually have only that). */
const personColumns = sql<PersonRow>`ref, name, coalesce(nullif(title, ''), spec->'profile'->>'displayName') as title,
  spec->'profile'->>'email' as email`;

/** The active catalog User with this email, whatever its case (entities_user_email index). */
export async function findUserByEmail(db: Db, email: string): Promise<PersonRow | null> {
  const result = await sql<PersonRow>`
    select ${personColumns} from entities
    where kind = 'User' and status = 'active' and lower(spec->'profile'->>'email') = ${email.toLowerCase()}
    order by id limit 1`.execute(db);
  return result.rows[0] ?? null;
}

/** The active catalog User with this ref, or with this name or email (`paved token create --user jane`). */
export async function findUser(db: Db, key: { ref: string } | { nameOrEmail: string }): Promise<PersonRow | null> {
  const where =
    'ref' in key
      ? sql`ref = ${key.ref}`
      : sql`(name = ${key.nameOrEmail} or ref = ${key.nameOrEmail} or lower(spec->'profile'->>'email') = ${key.nameOrEmail.toLowerCase()})`;
  const result = await sql<PersonRow>`
    select ${personColumns} from entities
    where kind = 'User' and status = 'active' and ${where}
    order by id limit 1`.execute(db);
  return result.rows[0] ?? null;
}

/**
 * A person's teams (the groups their memberOf names, and the groups whose spec.members name them), and whether one
 * of them is a platform team (owns an active capability).
 */
export async function teamsOf(db: Db, userRef: string): Promise<{ teams: string[]; platform: boolean }> {
  const result = await sql<{ ref: string; platform: boolean }>`
    select t.ref, exists (
      select 1 from entities c where c.kind = 'Capability' and c.owner_ref = t.ref and c.status = 'active'
    ) as platform
    from (
      select r.target_ref as ref from entity_relations r join entities u on u.id = r.source_id
        where u.ref = ${userRef} and u.kind = 'User' and r.type = 'memberOf'
      union
      select g.ref from entity_relations r join entities g on g.id = r.source_id
        where r.target_ref = ${userRef} and r.type = 'hasMember' and g.kind = 'Group' and g.status = 'active'
    ) t
    order by t.ref`.execute(db);
  return { teams: result.rows.map((r) => r.ref), platform: result.rows.some((r) => r.platform) };
}
