import type { Db } from '../../db/schema/index.js';
import type { IntegrationProvider } from '../../db/schema/integrations.js';

export async function listIntegrations(db: Db) {
  return db.selectFrom('integrations').selectAll().orderBy('provider').orderBy('name').execute();
}

/** A name already used for this provider returns null. */
export async function insertIntegration(
  db: Db,
  i: { provider: IntegrationProvider; name: string; secret: string; createdBy: string | null },
) {
  const row = await db
    .insertInto('integrations')
    .values({ provider: i.provider, name: i.name, secret: i.secret, created_by: i.createdBy })
    .onConflict((oc) => oc.columns(['provider', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function deleteIntegration(db: Db, id: number) {
  const result = await db.deleteFrom('integrations').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every integration secret, oldest integration first (the first that verifies a delivery is the one recorded). */
export async function listSecrets(db: Db) {
  return db.selectFrom('integrations').select(['id', 'provider', 'name', 'secret']).orderBy('id').execute();
}

/** Replaces a stored secret only if it is still `was` (another process may have sealed it meanwhile). */
export async function replaceSecret(db: Db, id: number, was: string, secret: string) {
  const result = await db
    .updateTable('integrations')
    .set({ secret })
    .where('id', '=', id)
    .where('secret', '=', was)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function touchIntegration(db: Db, id: number, at: Date) {
  await db.updateTable('integrations').set({ last_delivery_at: at }).where('id', '=', id).execute();
}
