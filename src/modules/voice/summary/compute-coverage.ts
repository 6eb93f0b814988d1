/** A conversation counts for contact coverage when it is at most this many days old: today and the 89 before. */
export const CONTACT_DAYS = 90;

export interface CustomerTeam {
  ref: string;
  name: string;
  title: string | null;
  /** What is at stake, for the "talk to next" order. */
  openPains: number;
  capabilitiesAdopted: number;
  people: number;
}

export interface ConversationFact {
  teamRef: string;
  /** The platform team credited (name), null for none. */
  platformTeam: string | null;
  /** YYYY-MM-DD. */
  occurredOn: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (d: Date, days: number) => day(new Date(d.getTime() - days * 86_400_000));

/** The first day a conversation counts for coverage at asOf (YYYY-MM-DD). */
export const coverageSince = (asOf: Date) => daysBefore(asOf, CONTACT_DAYS - 1);

/**
 * Contact coverage (DOMAIN.md) at asOf: customer teams with a conversation in the last 90 days (dated from
 * asOf − 89 days to asOf, UTC) / customer teams; per platform team, the same with that team's conversations only.
 * "Talk to next": the customer teams without one, most at stake first: open pains (most first), capabilities
 * adopted (fewest first), people (most first), then name.
 */
export function computeCoverage(
  teams: CustomerTeam[],
  conversations: ConversationFact[],
  platformTeams: string[],
  asOf: Date,
) {
  const first = coverageSince(asOf);
  const last = day(asOf);
  const customer = new Set(teams.map((t) => t.ref));
  const known = conversations.filter((c) => c.occurredOn <= last && customer.has(c.teamRef));
  const recent = known.filter((c) => c.occurredOn >= first);
  const contacted = new Set(recent.map((c) => c.teamRef));
  const lastContact = new Map<string, string>();
  for (const c of known)
    if ((lastContact.get(c.teamRef) ?? '') < c.occurredOn) lastContact.set(c.teamRef, c.occurredOn);
  const share = (n: number) => (teams.length === 0 ? null : n / teams.length);
  return {
    value: share(contacted.size),
    contacted: contacted.size,
    teams: teams.length,
    since: first,
    byPlatformTeam: [...platformTeams].sort().map((platformTeam) => {
      const theirs = recent.filter((c) => c.platformTeam === platformTeam);
      const reached = new Set(theirs.map((c) => c.teamRef)).size;
      return { platformTeam, value: share(reached), contacted: reached, conversations: theirs.length };
    }),
    talkToNext: teams
      .filter((t) => !contacted.has(t.ref))
      .sort(
        (a, b) =>
          b.openPains - a.openPains ||
          a.capabilitiesAdopted - b.capabilitiesAdopted ||
          b.people - a.people ||
          a.name.localeCompare(b.name),
      )
      .map((t) => ({
        team: t.name,
        title: t.title,
        lastContact: lastContact.get(t.ref) ?? null,
        openPains: t.openPains,
        capabilitiesAdopted: t.capabilitiesAdopted,
        people: t.people,
      })),
  };
}
