import type { EntityRow } from '../../../db/schema/entities.js';
import type { Db } from '../../../db/schema/index.js';
import { validationError } from '../../../http/router.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { findEntitiesByRefs } from '../../catalog/repo.js';

/** The active catalog entity a name or ref (`ci`, `capability:default/ci`) names, or a 400 naming `field`. */
export async function entityNamed(
  db: Db,
  text: string,
  kind: 'capability' | 'group',
  field: string,
): Promise<EntityRow> {
  const parsed = parseEntityRef(text, { defaultKind: kind, defaultNamespace: 'default' });
  if (typeof parsed === 'string') throw validationError([{ field, reason: parsed }]);
  const ref = formatEntityRef(parsed);
  if (!ref.startsWith(`${kind}:`)) throw validationError([{ field, reason: `must name a ${kind}` }]);
  const [found] = await findEntitiesByRefs(db, [ref]);
  if (!found || found.status !== 'active') throw validationError([{ field, reason: `${ref} is not in the catalog` }]);
  return found;
}

/** A capability id for a stored row from an optional input: undefined leaves it, null clears it. */
export async function capabilityIdOf(
  db: Db,
  text: string | null | undefined,
): Promise<{ id: number | null; name: string | null } | undefined> {
  if (text === undefined) return undefined;
  if (text === null) return { id: null, name: null };
  const entity = await entityNamed(db, text, 'capability', 'capability');
  return { id: entity.id, name: entity.name };
}
