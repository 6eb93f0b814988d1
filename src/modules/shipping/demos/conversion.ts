import type { DemoConversion, PooledConversion } from './contract.js';

// Demo conversion (DOMAIN.md, Shipping): attending teams that had not adopted the capability at the demo's date and
// adopt it within 60 days after / attending teams that had not adopted it at that date. Decisions where DOMAIN.md is
// silent:
// - Days are UTC calendar days. A team that adopted before the demo's day had adopted; one that adopts on the day
//   or up to 60 days after converted (the window is the demo's date through date + 60).
// - A team counts once however many of its people attended.
// - Only customer teams count: the capability's eligible teams as adoption has them (teams owning a service the
//   capability is meant for). A platform team, or a team outside the capability's audience, is listed as not counted.
// - "Adopted" is the team's first adoption (its earliest signal), as adoption reports it; a team that adopted, churned
//   and came back after the demo had already adopted.

export const WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

export interface TeamFacts {
  ref: string;
  name: string;
  title: string | null;
}

export interface ConversionInput {
  /** 'YYYY-MM-DD'. */
  date: string;
  attending: TeamFacts[];
  /** The capability's customer teams (adoption's eligible teams), by ref. */
  customers: Set<string>;
  /** Teams that own a capability, by ref. */
  platform: Set<string>;
  /** Each customer team's first adoption, by ref (absent: not adopted). */
  adoptedAt: Map<string, Date>;
  now: Date;
}

const dayStart = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date | undefined) => d?.toISOString() ?? null;

/** The last day an adoption counts for a demo on `date`. */
export function windowEnds(date: string): string {
  return new Date(dayStart(date).getTime() + WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
}

export function demoConversion(input: ConversionInput): DemoConversion {
  const start = dayStart(input.date);
  const end = new Date(start.getTime() + (WINDOW_DAYS + 1) * DAY_MS); // the end of the window's last day
  const teams: DemoConversion['teams'] = [];
  const notCounted: DemoConversion['notCounted'] = [];
  const seen = new Set<string>();
  for (const team of input.attending) {
    if (seen.has(team.ref)) continue;
    seen.add(team.ref);
    const adopted = input.adoptedAt.get(team.ref);
    if (!input.customers.has(team.ref)) {
      const reason = input.platform.has(team.ref) ? 'platform team' : 'not a customer team of this capability';
      notCounted.push({ team: team.name, reason, adoptedAt: null });
    } else if (adopted && adopted < start) {
      notCounted.push({ team: team.name, reason: 'adopted before the demo', adoptedAt: iso(adopted) });
    } else {
      const converted = adopted !== undefined && adopted < end;
      teams.push({ team: team.name, title: team.title, adoptedAt: iso(adopted), converted });
    }
  }
  const converted = teams.filter((t) => t.converted).length;
  return {
    value: teams.length === 0 ? null : converted / teams.length,
    converted,
    eligible: teams.length,
    provisional: input.now < end,
    windowEnds: windowEnds(input.date),
    teams,
    notCounted,
  };
}

/**
 * A capability's conversion over its demos: converted and eligible summed over the demos whose 60 days have passed
 * (a team that attended two demos counts in each, as each demo had the chance to convert it). Demos still open are
 * left out: their number can only rise, and pooling it would understate the closed ones.
 */
export function pooledConversion(conversions: DemoConversion[]): PooledConversion {
  const closed = conversions.filter((c) => !c.provisional);
  const converted = closed.reduce((sum, c) => sum + c.converted, 0);
  const eligible = closed.reduce((sum, c) => sum + c.eligible, 0);
  return {
    value: eligible === 0 ? null : converted / eligible,
    converted,
    eligible,
    demos: closed.length,
    provisionalDemos: conversions.length - closed.length,
  };
}
