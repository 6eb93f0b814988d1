import type { Team } from '../../api/types.js';

/**
 * What a team does with capabilities: a platform team offers them, a customer team uses them (`used`, by team ref,
 * from the adoption matrix; undefined while it loads). Other teams do neither.
 */
export function CapabilitiesCell({ team, used }: { team: Team; used: Map<string, number> | undefined }) {
  if (team.teamKind === 'platform') return <>{team.counts.capabilities} offered</>;
  if (team.teamKind !== 'customer') return <span className="muted">—</span>;
  if (!used) return <span className="muted">…</span>;
  return <>{used.get(team.ref) ?? 0} used</>;
}
