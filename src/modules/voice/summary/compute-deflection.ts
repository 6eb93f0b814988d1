/** The 6 months before a self-service capability's GA date against the 6 months after (DOMAIN.md). */
export const DEFLECTION_MONTHS = 6;

export interface DeflectionLink {
  category: string;
  capability: string;
  /** The capability's GA date (spec.gaDate), midnight UTC; null when it declares none. */
  gaDate: Date | null;
}

export interface CategoryRequest {
  category: string;
  /** The requesting customer team's ref. */
  team: string;
  openedAt: Date;
}

export interface Deflection {
  category: string;
  capability: string;
  gaDate: string | null;
  /** Requests of the category per customer team per month in the 6 months before GA. */
  before: number | null;
  /** The same in the months after GA: 6, or the whole months elapsed by asOf when fewer (`afterMonths`). */
  after: number | null;
  /** after / before; null when either is unknown or before is 0. */
  ratio: number | null;
  requestsBefore: number;
  requestsAfter: number;
  afterMonths: number;
  /** The customer teams the rates are per. */
  teams: number;
  byTeam: { team: string; before: number; after: number | null }[];
}

const addMonths = (d: Date, months: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));

/**
 * Deflection per linked category. `requests` are customer teams' requests only; `customerTeams` counts the customer
 * teams. A GA date after asOf has no "after" yet (and its "before" is not over): both are null.
 */
export function computeDeflection(
  links: DeflectionLink[],
  requests: CategoryRequest[],
  customerTeams: number,
  asOf: Date,
): Deflection[] {
  return links.map((link) => {
    const empty = {
      category: link.category,
      capability: link.capability,
      gaDate: link.gaDate?.toISOString().slice(0, 10) ?? null,
      before: null,
      after: null,
      ratio: null,
      requestsBefore: 0,
      requestsAfter: 0,
      afterMonths: 0,
      teams: customerTeams,
      byTeam: [],
    };
    const ga = link.gaDate;
    if (!ga || ga > asOf || customerTeams === 0) return empty;
    let afterMonths = 0;
    while (afterMonths < DEFLECTION_MONTHS && addMonths(ga, afterMonths + 1) <= asOf) afterMonths++;
    const start = addMonths(ga, -DEFLECTION_MONTHS);
    const end = addMonths(ga, afterMonths);
    const perTeam = new Map<string, { before: number; after: number }>();
    let requestsBefore = 0;
    let requestsAfter = 0;
    for (const r of requests) {
      if (r.category !== link.category || r.openedAt < start || r.openedAt >= end) continue;
      const counts = perTeam.get(r.team) ?? { before: 0, after: 0 };
      if (r.openedAt < ga) {
        counts.before++;
        requestsBefore++;
      } else {
        counts.after++;
        requestsAfter++;
      }
      perTeam.set(r.team, counts);
    }
    const before = requestsBefore / (customerTeams * DEFLECTION_MONTHS);
    const after = afterMonths > 0 ? requestsAfter / (customerTeams * afterMonths) : null;
    return {
      ...empty,
      before,
      after,
      ratio: after !== null && before > 0 ? after / before : null,
      requestsBefore,
      requestsAfter,
      afterMonths,
      byTeam: [...perTeam.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([team, c]) => ({
          team,
          before: c.before / DEFLECTION_MONTHS,
          after: afterMonths > 0 ? c.after / afterMonths : null,
        })),
    };
  });
}
