import type { Db } from '../../../db/schema/index.js';
import { teamCounts } from '../../catalog/repo.js';
import { adoptedCounts } from './adoption-counts.js';
import { computeCoverage, coverageSince } from './compute-coverage.js';
import * as repo from './repo.js';

/**
 * Contact coverage at asOf, per platform team, and whom to talk to next (which needs each team's open pains,
 * adoption and size: the summary, which asks for the share only, skips them).
 */
export async function contactCoverage(
  db: Db,
  asOf: Date,
  options: { talkToNext: boolean; customerTeams?: Promise<repo.CustomerTeamRow[]> } = { talkToNext: true },
) {
  const [teams, platformTeams, conversations] = await Promise.all([
    options.customerTeams ?? repo.listCustomerTeams(db),
    repo.listPlatformTeams(db),
    // Older conversations only give "talk to next" its last contact dates.
    repo.listConversationFacts(
      db,
      asOf.toISOString().slice(0, 10),
      options.talkToNext ? undefined : coverageSince(asOf),
    ),
  ]);
  let stakes = (_: repo.CustomerTeamRow) => ({ openPains: 0, capabilitiesAdopted: 0, people: 0 });
  if (options.talkToNext) {
    const [pains, sizes, adopted] = await Promise.all([
      repo.openPainsByTeam(db, asOf),
      teamCounts(
        db,
        teams.map((t) => t.ref),
      ),
      adoptedCounts(db, asOf),
    ]);
    stakes = (t) => ({
      openPains: pains.get(t.id) ?? 0,
      capabilitiesAdopted: adopted(t.ref, asOf),
      people: sizes.get(t.ref)?.members ?? 0,
    });
  }
  return computeCoverage(
    teams.map((t) => ({ ref: t.ref, name: t.name, title: t.title, ...stakes(t) })),
    conversations,
    platformTeams.map((p) => p.name),
    asOf,
  );
}
