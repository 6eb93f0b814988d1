import type { Db } from '../../../db/schema/index.js';
import { adoptionMatrix } from '../../adoption/overview.js';

/** How many capabilities a team had adopted (and not churned) at a time, from adoption's own reckoning. */
export type AdoptedAt = (teamRef: string, at: Date) => number;

export async function adoptedCounts(db: Db, now: Date): Promise<AdoptedAt> {
  const matrix = await adoptionMatrix(db, now);
  const byTeam = new Map<string, { adoptedAt: Date; churnedAt: Date | null }[]>();
  for (const cell of matrix.cells)
    byTeam.set(cell.teamRef, [
      ...(byTeam.get(cell.teamRef) ?? []),
      { adoptedAt: new Date(cell.adoptedAt), churnedAt: cell.churnedAt ? new Date(cell.churnedAt) : null },
    ]);
  return (teamRef, at) =>
    (byTeam.get(teamRef) ?? []).filter((c) => c.adoptedAt <= at && (c.churnedAt === null || c.churnedAt > at)).length;
}
