import { sql } from 'kysely';
import type { Db } from '../../../db/schema/index.js';

export interface PolicyRow {
  severity: number;
  acknowledge_hours: number;
  fix_hours: number;
}

export async function listPolicies(db: Db, capabilityId: number): Promise<PolicyRow[]> {
  return db
    .selectFrom('sla_policies')
    .select(['severity', 'acknowledge_hours', 'fix_hours'])
    .where('capability_id', '=', capabilityId)
    .orderBy('severity')
    .execute();
}

/** The capability's whole policy becomes `rows`: a severity left out loses its SLA. */
export async function replacePolicies(db: Db, capabilityId: number, rows: PolicyRow[]): Promise<void> {
  await db.deleteFrom('sla_policies').where('capability_id', '=', capabilityId).execute();
  if (rows.length > 0)
    await db
      .insertInto('sla_policies')
      .values(rows.map((r) => ({ capability_id: capabilityId, ...r })))
      .execute();
}

export interface CategoryRow {
  category: string;
  capability_ref: string | null;
  capability_name: string | null;
  capability_owner: string | null;
  ga_date: string | null;
  requests: number;
}

/** Every category: linked ones and those support requests use, with the linked capability and request counts. */
export async function listCategories(db: Db, only?: string): Promise<CategoryRow[]> {
  const filter = only === undefined ? sql`` : sql`where k.category = ${only}`;
  const result = await sql<CategoryRow>`
    select k.category, e.ref as capability_ref, e.name as capability_name, e.owner_ref as capability_owner,
           e.spec->>'gaDate' as ga_date,
           (select count(*)::int from feedback f where f.kind = 'support' and f.category = k.category) as requests
      from (
        select category from support_categories
        union
        select distinct category from feedback where kind = 'support' and category is not null
      ) k
      left join support_categories s on s.category = k.category
      left join entities e on e.id = s.capability_id
      ${filter}
      order by k.category`.execute(db);
  return result.rows;
}

export async function upsertCategory(db: Db, category: string, capabilityId: number | null): Promise<void> {
  await db
    .insertInto('support_categories')
    .values({ category, capability_id: capabilityId })
    .onConflict((oc) => oc.column('category').doUpdateSet({ capability_id: capabilityId }))
    .execute();
}
