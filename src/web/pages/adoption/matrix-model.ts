import type { AdoptionMatrix } from '../../api/types.js';

export type CellState = 'voluntary' | 'mandated' | 'churned' | 'none';

export interface MatrixRow {
  team: AdoptionMatrix['teams'][number];
  cells: { capability: string; state: CellState; adoptedAt: string | null }[];
  /** Capabilities the team uses now (churned ones excluded). */
  uses: number;
}

/** The id of a team's row among a capability page's adopting teams, where the evidence of its adoption is listed. */
export const adoptingTeamId = (team: string) => `adopting-${team}`;

/** Where a heatmap cell leads: the capability page, at the team's entry with its evidence. */
export function evidencePath(capabilityPath: string, team: string): string {
  return `${capabilityPath}#${adoptingTeamId(team)}`;
}

export type MatrixSort = 'name' | 'uses';

const stateOf = (cell: AdoptionMatrix['cells'][number] | undefined): CellState =>
  !cell ? 'none' : cell.status === 'churned' ? 'churned' : cell.kind;

/** The heatmap's rows: one per customer team, one cell per capability, sorted by name or by capabilities used. */
export function matrixRows(matrix: AdoptionMatrix, sort: MatrixSort): MatrixRow[] {
  const byKey = new Map(matrix.cells.map((c) => [`${c.team}\u0000${c.capability}`, c]));
  const rows = matrix.teams.map((team) => {
    const cells = matrix.capabilities.map((cap) => {
      const cell = byKey.get(`${team.name}\u0000${cap.name}`);
      return { capability: cap.name, state: stateOf(cell), adoptedAt: cell?.adoptedAt ?? null };
    });
    return { team, cells, uses: cells.filter((c) => c.state === 'voluntary' || c.state === 'mandated').length };
  });
  const byName = (a: MatrixRow, b: MatrixRow) =>
    (a.team.title || a.team.name).localeCompare(b.team.title || b.team.name);
  return rows.sort(sort === 'uses' ? (a, b) => b.uses - a.uses || byName(a, b) : byName);
}

/** Home and Adoption headlines from the matrix: teams using anything, and how much of it was chosen. */
export function matrixHeadline(matrix: AdoptionMatrix) {
  const active = matrix.cells.filter((c) => c.status === 'active');
  const teamNames = new Set(matrix.teams.map((t) => t.name));
  const teamsUsing = new Set(active.filter((c) => teamNames.has(c.team)).map((c) => c.team)).size;
  const voluntary = active.filter((c) => c.kind === 'voluntary').length;
  return {
    customerTeams: matrix.teams.length,
    teamsUsing,
    teamRate: matrix.teams.length ? teamsUsing / matrix.teams.length : null,
    adoptions: active.length,
    voluntary,
    voluntaryShare: active.length ? voluntary / active.length : null,
    churned: matrix.cells.length - active.length,
  };
}
