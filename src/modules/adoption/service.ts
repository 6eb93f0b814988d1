import type { EntityRow } from '../../db/schema/entities.js';
import type { Db } from '../../db/schema/index.js';
import { computeAdoption, isMandated, type AdoptionResult, type TeamSignals } from './compute-adoption.js';
import { declarationIntervals, detectionInterval, eventInterval, type UseInterval } from './intervals.js';
import { assertPeriodCount } from '../../http/periods.js';
import type { Interval } from './periods.js';
import * as repo from './repo.js';

export interface AdoptionQuery {
  from?: Date | undefined;
  to?: Date | undefined;
  interval?: Interval | undefined;
}

export type Evidence =
  | {
      type: 'detection';
      service: string;
      repository: string;
      file: string;
      line: number | null;
      text: string | null;
      commit: string;
      matched: boolean;
    }
  | { type: 'events'; service: string | null; events: number; firstAt: string; lastAt: string }
  | { type: 'declaration'; status: 'using' | 'stopped'; at: string; by: string | null; note: string | null };

export interface CapabilityAdoption extends Omit<AdoptionResult, 'teams'> {
  capability: string;
  from: string;
  to: string;
  interval: Interval;
  teams: {
    team: string;
    teamRef: string;
    title: string | null;
    adoptedAt: string;
    churnedAt: string | null;
    kind: 'voluntary' | 'mandated';
    status: 'active' | 'churned';
    services: number;
    evidence: Evidence[];
  }[];
  /** Eligible teams that have not adopted; `mandated`: a mandate covering them is in effect at `to`. */
  notAdopted: { team: string; teamRef: string; title: string | null; aware: boolean; mandated: boolean }[];
}

function specOf(row: EntityRow) {
  const spec = row.spec as { gaDate?: string; audience?: string[] };
  return { gaDate: spec.gaDate ? new Date(`${spec.gaDate}T00:00:00Z`) : null, audience: spec.audience ?? [] };
}

function defaultRange(query: AdoptionQuery, now: Date) {
  const to = query.to ?? now;
  const from = query.from ?? new Date(Date.UTC(to.getUTCFullYear() - 2, to.getUTCMonth(), 1));
  return { from, to, interval: query.interval ?? 'month' };
}

/** Gathers every signal of a capability from the database and computes its adoption (DOMAIN.md). */
export async function capabilityAdoption(
  db: Db,
  capability: EntityRow,
  query: AdoptionQuery = {},
  now = new Date(),
): Promise<CapabilityAdoption> {
  const { from, to, interval } = defaultRange(query, now);
  assertPeriodCount(from, to, interval);
  const { gaDate, audience } = specOf(capability);
  const [eligible, detections, events, declarations, aware, mandates] = await Promise.all([
    repo.listEligibleTeams(db, audience),
    repo.listDetections(db, capability.id),
    repo.listEventSignals(db, capability.id, to),
    repo.listDeclarations(db, capability.id),
    repo.listAwareTeams(db, capability.id, to),
    repo.listMandates(db, capability.id),
  ]);

  const signals = new Map<string, TeamSignals>();
  const evidence = new Map<string, Evidence[]>();
  const teamOf = (ref: string) => {
    let s = signals.get(ref);
    if (!s) {
      s = { teamRef: ref, services: new Map(), teamLevel: [], aware: aware.has(ref) };
      signals.set(ref, s);
      evidence.set(ref, []);
    }
    return s;
  };
  const addServiceUse = (teamRef: string, serviceRef: string, use: UseInterval) => {
    const s = teamOf(teamRef);
    s.services.set(serviceRef, [...(s.services.get(serviceRef) ?? []), use]);
  };

  for (const d of detections) {
    if (!d.ownerRef) continue;
    addServiceUse(d.ownerRef, d.serviceRef, detectionInterval(d.adoptedAt, d.matched ? null : d.unmatchedSince));
    for (const e of d.evidence.slice(0, 5)) {
      evidence.get(d.ownerRef)?.push({
        type: 'detection',
        service: d.serviceName,
        repository: d.repository,
        file: e.file,
        line: e.line,
        text: e.text,
        commit: d.commit,
        matched: d.matched,
      });
    }
  }
  for (const e of events) {
    if (!e.teamRef) continue;
    const use = eventInterval(e.first, e.last, now);
    if (e.serviceRef) addServiceUse(e.teamRef, e.serviceRef, use);
    else teamOf(e.teamRef).teamLevel.push(use);
    evidence.get(e.teamRef)?.push({
      type: 'events',
      service: e.serviceRef?.split('/')[1] ?? null,
      events: e.events,
      firstAt: e.first.toISOString(),
      lastAt: e.last.toISOString(),
    });
  }
  const byTeam = new Map<string, typeof declarations>();
  for (const d of declarations) byTeam.set(d.team_ref, [...(byTeam.get(d.team_ref) ?? []), d]);
  for (const [teamRef, list] of byTeam) {
    teamOf(teamRef).teamLevel.push(
      ...declarationIntervals(
        list.filter((d) => d.effective_at < to).map((d) => ({ status: d.status, at: d.effective_at })),
      ),
    );
    for (const d of list)
      evidence.get(teamRef)?.push({
        type: 'declaration',
        status: d.status,
        at: d.effective_at.toISOString(),
        by: d.declared_by,
        note: d.note,
      });
  }
  for (const ref of aware) teamOf(ref);

  const mandateInputs = mandates.map((m) => ({
    scope: m.scope,
    teamRefs: m.team_refs,
    effectiveFrom: new Date(m.effective_from),
  }));
  const result = computeAdoption({
    gaDate,
    eligibleTeams: eligible.map((t) => t.ref),
    signals: [...signals.values()],
    mandates: mandateInputs,
    from,
    to,
    interval,
  });
  const names = new Map(eligible.map((t) => [t.ref, t]));
  const adopted = new Set(result.teams.map((t) => t.teamRef));
  return {
    capability: capability.name,
    from: from.toISOString(),
    to: to.toISOString(),
    interval,
    summary: result.summary,
    series: result.series,
    funnel: result.funnel,
    teams: result.teams.map((t) => ({
      team: names.get(t.teamRef)?.name ?? t.teamRef,
      teamRef: t.teamRef,
      title: names.get(t.teamRef)?.title ?? null,
      adoptedAt: t.adoptedAt.toISOString(),
      churnedAt: t.churnedAt?.toISOString() ?? null,
      kind: t.kind,
      status: t.status,
      services: t.services,
      evidence: evidence.get(t.teamRef) ?? [],
    })),
    notAdopted: eligible
      .filter((t) => !adopted.has(t.ref))
      .map((t) => ({
        team: t.name,
        teamRef: t.ref,
        title: t.title,
        aware: aware.has(t.ref),
        mandated: isMandated(t.ref, to, mandateInputs),
      })),
  };
}
