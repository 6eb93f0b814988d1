import type { EntityRow } from '../../../db/schema/entities.js';
import type { Db } from '../../../db/schema/index.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { findEntitiesByRefs } from '../../catalog/repo.js';

/** The active capability a name or ref (`golden-ci`, `capability:default/golden-ci`) names; undefined if none. */
export async function findCapability(db: Db, text: string): Promise<EntityRow | undefined> {
  const parsed = parseEntityRef(text, { defaultKind: 'capability', defaultNamespace: 'default' });
  if (typeof parsed === 'string') return undefined;
  const ref = formatEntityRef(parsed);
  if (!ref.startsWith('capability:')) return undefined;
  const [row] = await findEntitiesByRefs(db, [ref]);
  return row?.status === 'active' ? row : undefined;
}
