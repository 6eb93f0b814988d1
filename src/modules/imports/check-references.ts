import type { Db } from '../../db/schema/index.js';
import type { ImportProblem, ParsedEntity } from '../catalog/entity.js';
import { existingActiveRefs } from '../catalog/repo.js';

const CHECKED: { field: string; pick: (e: ParsedEntity) => string[]; note: string }[] = [
  { field: 'spec.owner', pick: (e) => (e.ownerRef ? [e.ownerRef] : []), note: 'shown as unowned' },
  { field: 'spec.parent', pick: (e) => (e.parentRef ? [e.parentRef] : []), note: 'shown without a parent' },
  {
    field: 'spec.system',
    pick: (e) => (e.systemRef && e.kind !== 'System' ? [e.systemRef] : []),
    note: 'shown without a system',
  },
  {
    field: 'spec.memberOf',
    pick: (e) => e.relations.filter((r) => r.type === 'memberOf').map((r) => r.targetRef),
    note: 'membership ignored',
  },
];

function splitLocation(location: string): { file: string; document: number } {
  const at = location.lastIndexOf(':');
  return { file: location.slice(0, at), document: Number(location.slice(at + 1)) };
}

/**
 * A reference to something not in the catalog is a warning, not an error: real catalogs have a few
 * dangling references, and refusing them all would make the import useless.
 */
export async function checkReferences(db: Db, entities: ParsedEntity[]): Promise<ImportProblem[]> {
  const local = new Set(entities.map((e) => e.ref));
  const wanted = new Set<string>();
  for (const e of entities) for (const c of CHECKED) for (const ref of c.pick(e)) if (!local.has(ref)) wanted.add(ref);
  const found = await existingActiveRefs(db, [...wanted]);
  const warnings: ImportProblem[] = [];
  for (const e of entities) {
    for (const c of CHECKED) {
      for (const ref of c.pick(e)) {
        if (local.has(ref) || found.has(ref)) continue;
        warnings.push({
          ...splitLocation(e.location),
          field: c.field,
          reason: `${ref} is not in the catalog; ${c.note}`,
        });
      }
    }
  }
  return warnings;
}
