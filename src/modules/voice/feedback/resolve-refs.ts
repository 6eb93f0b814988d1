import type { EntityRow } from '../../../db/schema/entities.js';
import type { Db } from '../../../db/schema/index.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { findEntitiesByRefs } from '../../catalog/repo.js';
import type { NewFeedback } from './contract.js';
import type { ItemRow } from './repo.js';

/** The catalog entities an item names, found; or the first field that names nothing, with the reason. */
export interface ResolvedRefs {
  team: EntityRow | null;
  capability: EntityRow | null;
  /** Support: the platform team asked (named, or the capability's owner). */
  platformTeam: EntityRow | null;
}

export type Resolution = { ok: true; refs: ResolvedRefs } | { ok: false; field: string; reason: string };

const refOf = (text: string, kind: 'group' | 'capability'): { error: string } | { ref: string } => {
  const ref = parseEntityRef(text, { defaultKind: kind, defaultNamespace: 'default' });
  return typeof ref === 'string' ? { error: ref } : { ref: formatEntityRef(ref) };
};

/** Reads the team, capability and platform team an item names from the catalog, checking each is what it says. */
export async function resolveRefs(db: Db, item: NewFeedback): Promise<Resolution> {
  const input = item.input as { team?: string | null; capability?: string | null; platformTeam?: string | null };
  const wanted: [field: string, text: string | null | undefined, kind: 'group' | 'capability'][] = [
    ['team', input.team, 'group'],
    ['capability', input.capability, 'capability'],
    ['platformTeam', input.platformTeam, 'group'],
  ];
  const refs: Record<string, string> = {};
  for (const [field, text, kind] of wanted) {
    if (!text) continue;
    const parsed = refOf(text, kind);
    if ('error' in parsed) return { ok: false, field, reason: parsed.error };
    if (!parsed.ref.startsWith(`${kind}:`)) return { ok: false, field, reason: `must name a ${kind}` };
    refs[field] = parsed.ref;
  }
  const found = new Map(
    (await findEntitiesByRefs(db, Object.values(refs))).filter((e) => e.status === 'active').map((e) => [e.ref, e]),
  );
  for (const [field, ref] of Object.entries(refs))
    if (!found.has(ref)) return { ok: false, field, reason: `${ref} is not in the catalog` };
  const at = (field: string) => (refs[field] ? (found.get(refs[field]) ?? null) : null);
  const capability = at('capability');
  let platformTeam = at('platformTeam');
  if (item.kind === 'support' && !platformTeam && capability?.owner_ref)
    platformTeam = (await findEntitiesByRefs(db, [capability.owner_ref]))[0] ?? null;
  return { ok: true, refs: { team: at('team'), capability, platformTeam } };
}

/** The catalog entities a stored item points at, whatever their status (a team since removed stays the item's). */
export async function refsOfItem(db: Db, row: ItemRow): Promise<ResolvedRefs> {
  const refs = [row.team_ref, row.capability_ref, row.platform_team_ref].filter((r): r is string => r !== null);
  const found = new Map((await findEntitiesByRefs(db, refs)).map((e) => [e.ref, e]));
  const at = (ref: string | null) => (ref ? (found.get(ref) ?? null) : null);
  return { team: at(row.team_ref), capability: at(row.capability_ref), platformTeam: at(row.platform_team_ref) };
}
