import type { Db } from '../db/schema/index.js';
import { findEntitiesByRefs } from '../modules/catalog/repo.js';

/** Ids of active entities by ref: what the demo's seeders link their rows to. */
export async function findEntityIds(db: Db, refs: string[]): Promise<Map<string, number>> {
  const entities = await findEntitiesByRefs(db, refs);
  return new Map(entities.filter((e) => e.status === 'active').map((e) => [e.ref, e.id]));
}
