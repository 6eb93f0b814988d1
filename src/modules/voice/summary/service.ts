import type { Db } from '../../../db/schema/index.js';
import { assertPeriodCount } from '../../../http/periods.js';
import { AppError } from '../../../http/errors.js';
import { findEntitiesByRefs } from '../../catalog/repo.js';
import { ownerRefOf } from '../../catalog/service.js';
import { findCapability } from '../sla/find-capability.js';
import { computeBugSummary } from './compute-bugs.js';
import { computeDeflection, DEFLECTION_MONTHS } from './compute-deflection.js';
import { computeSeries } from './compute-series.js';
import { computeSupportSummary } from './compute-support.js';
import { contactCoverage } from './coverage.js';
import * as repo from './repo.js';

const DAY = 86_400_000;

export interface SummaryQuery {
  from?: Date | undefined;
  to?: Date | undefined;
  capability?: string | undefined;
  platformTeam?: string | undefined;
}

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);

/** The period (default: the `defaultDays` before `to`, `to` defaulting to now) and what it is known as of. */
function period(query: SummaryQuery, now: Date, defaultDays: number) {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - defaultDays * DAY);
  if (from >= to) throw invalid('from', 'must be before to');
  return { from, to, asOf: to < now ? to : now };
}

/** The filters, resolved against the catalog: 400 naming the field that names nothing. */
async function filters(db: Db, query: SummaryQuery) {
  let capability: { id: number; name: string; owner: string | null } | undefined;
  if (query.capability) {
    const row = await findCapability(db, query.capability);
    if (!row) throw invalid('capability', `${query.capability} is not a capability in the catalog`);
    capability = { id: row.id, name: row.name, owner: row.owner_ref };
  }
  let platformTeam: { ref: string; name: string } | undefined;
  if (query.platformTeam) {
    const ref = ownerRefOf(query.platformTeam);
    const [row] = await findEntitiesByRefs(db, [ref]);
    if (!row || row.kind !== 'Group') throw invalid('platformTeam', `${ref} is not a team in the catalog`);
    platformTeam = { ref: row.ref, name: row.name };
  }
  return { capability, platformTeam };
}

async function deflection(
  db: Db,
  f: Awaited<ReturnType<typeof filters>>,
  asOf: Date,
  customerTeams: Promise<repo.CustomerTeamRow[]>,
) {
  const links = (await repo.listDeflectionLinks(db)).filter(
    (l) =>
      (!f.capability || l.capability_id === f.capability.id) && (!f.platformTeam || l.owner_ref === f.platformTeam.ref),
  );
  const gaOf = (l: repo.LinkRow) =>
    l.ga_date && /^\d{4}-\d{2}-\d{2}$/.test(l.ga_date) ? new Date(`${l.ga_date}T00:00:00Z`) : null;
  const gas = links.map(gaOf).filter((d): d is Date => d !== null);
  const span = DEFLECTION_MONTHS * 31 * DAY;
  const requests =
    gas.length === 0
      ? []
      : await repo.listCategoryRequests(
          db,
          links.map((l) => l.category),
          new Date(Math.min(...gas.map((d) => d.getTime())) - span),
          new Date(Math.max(...gas.map((d) => d.getTime())) + span),
        );
  const teams = (await customerTeams).length;
  return computeDeflection(
    links.map((l) => ({ category: l.category, capability: l.capability, gaDate: gaOf(l) })),
    requests,
    teams,
    asOf,
  );
}

/** Bugs against their SLAs, support times and queue, deflection and contact coverage (DOMAIN.md). */
export async function voiceSummary(db: Db, query: SummaryQuery, now = new Date()) {
  const { from, to, asOf } = period(query, now, 90);
  const f = await filters(db, query);
  const factFilter = { from, to, capabilityId: f.capability?.id, platformTeamRef: f.platformTeam?.ref };
  // Deflection and coverage both count the customer teams: read them once.
  const customerTeams = repo.listCustomerTeams(db);
  const [bugs, support, deflected, coverage] = await Promise.all([
    repo.listBugFacts(db, factFilter),
    repo.listSupportFacts(db, factFilter),
    deflection(db, f, asOf, customerTeams),
    contactCoverage(db, asOf, { talkToNext: false, customerTeams }),
  ]);
  const mine = f.platformTeam && coverage.byPlatformTeam.find((p) => p.platformTeam === f.platformTeam?.name);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    asOf: asOf.toISOString(),
    capability: f.capability?.name ?? null,
    platformTeam: f.platformTeam?.name ?? null,
    bugs: computeBugSummary(bugs, from, to, asOf),
    support: computeSupportSummary(support, from, to, asOf),
    deflection: deflected,
    contactCoverage: {
      value: mine ? mine.value : coverage.value,
      contacted: mine ? mine.contacted : coverage.contacted,
      teams: coverage.teams,
      since: coverage.since,
    },
  };
}

/** Weekly bugs and support for the dashboards (default: the 26 weeks before `to`). */
export async function voiceSeries(db: Db, query: SummaryQuery, now = new Date()) {
  const { from, to, asOf } = period(query, now, 26 * 7);
  assertPeriodCount(from, to, 'week');
  const f = await filters(db, query);
  const factFilter = { from, to, capabilityId: f.capability?.id, platformTeamRef: f.platformTeam?.ref };
  const [bugs, support] = await Promise.all([repo.listBugFacts(db, factFilter), repo.listSupportFacts(db, factFilter)]);
  return { from: from.toISOString(), to: to.toISOString(), weeks: computeSeries(bugs, support, from, to, asOf) };
}
