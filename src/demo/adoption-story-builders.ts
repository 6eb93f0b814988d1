/**
 * One function per kind of adoption story. Each draws which teams adopted a capability and when, and adds
 * the services, declarations and mandates that show it to the plan under construction.
 */
import { addMonths, fakeSha, firstOfMonthFrom, isoDay, parseDay, sCurveDay, type Day } from './adoption-dates.js';
import { detectionEvidence } from './adoption-evidence.js';
import type { DemoDeclaration, DemoMandate, DemoServiceAdoption } from './adoption-plan.js';
import type { StorySpec } from './adoption-stories.js';
import type { DemoCapability, DemoCatalog, DemoService, DemoServiceLifecycle, DemoTeam } from './demo-catalog.js';
import type { Random } from '../shared/random.js';

export interface StoryContext {
  seed: number;
  rng: Random;
  catalog: DemoCatalog;
  capability: DemoCapability;
  spec: StorySpec;
  today: Day;
  windowStart: Day;
  /** First day adoption can happen. */
  opens: Day;
  /** Adoption days are before this one (the day before today, so a scan could have seen them). */
  end: Day;
  /** Customer teams owning a service of the capability's audience. */
  eligible: DemoTeam[];
  servicesOf(team: string): DemoService[];
  out: { services: DemoServiceAdoption[]; declarations: DemoDeclaration[]; mandates: DemoMandate[] };
}

const inAudience = (capability: DemoCapability, s: DemoService) =>
  !capability.audience || capability.audience.includes(s.type);
const created = (s: DemoService) => parseDay(s.createdOn);

function adoptService(ctx: StoryContext, service: DemoService, day: Day): DemoServiceAdoption {
  const { rng, capability, spec } = ctx;
  const firstEvent = day + rng.int(1, 5);
  const events =
    spec.events && service.type !== 'library' && firstEvent < ctx.today
      ? { action: spec.events.action, perWeek: rng.int(...spec.events.perWeek), firstOn: isoDay(firstEvent) }
      : null;
  const adoption: DemoServiceAdoption = {
    capability: capability.name,
    service: service.name,
    team: service.owner,
    adoptedOn: isoDay(day),
    churnedOn: null,
    detection: {
      evidence: detectionEvidence(rng, capability, service),
      adoptionCommit: fakeSha(ctx.seed, capability.name, service.name, day),
    },
    events,
  };
  ctx.out.services.push(adoption);
  return adoption;
}

/**
 * A team adopts on `day` with one of its services; a share of its other services follows within
 * `spec.follow.days` (never before a service existed, never on or after `end`).
 */
export function adoptTeam(
  ctx: StoryContext,
  team: DemoTeam,
  day: Day,
  lifecycles: DemoServiceLifecycle[] = ['production', 'experimental'],
): DemoServiceAdoption[] {
  const { rng, spec } = ctx;
  const candidates = ctx
    .servicesOf(team.name)
    .filter((s) => inAudience(ctx.capability, s) && lifecycles.includes(s.lifecycle));
  const ready = candidates.filter((s) => created(s) <= day);
  if (ready.length === 0) return [];
  // A team tries something new on a service in production first, when it has one.
  const inProduction = ready.filter((s) => s.lifecycle === 'production');
  const first = rng.pick(inProduction.length > 0 ? inProduction : ready);
  const [lo, hi] = spec.follow.share;
  const share = lo + rng.next() * (hi - lo);
  const adopted = [adoptService(ctx, first, day)];
  for (const s of candidates) {
    if (s === first || !rng.chance(share)) continue;
    const at = Math.max(day + rng.int(3, Math.max(3, spec.follow.days)), created(s) + rng.int(7, 30));
    if (at < ctx.end) adopted.push(adoptService(ctx, s, at));
  }
  return adopted;
}

function platformAuthor(ctx: StoryContext): string {
  const owner = ctx.catalog.teams.find((t) => t.name === ctx.capability.owner);
  return owner?.members[0]?.email ?? `${ctx.capability.owner}@acme.example`;
}

/** Teams whose use shows only in what they declare; some of them stop again. */
function declare(ctx: StoryContext, taken: Set<string>) {
  const { rng, spec } = ctx;
  if (!spec.declared) return;
  const pool = ctx.eligible.filter((t) => !taken.has(t.name));
  rng.sample(pool, spec.declared.using).forEach((team, i) => {
    const by = rng.pick(team.members).email;
    const using = rng.int(ctx.opens, Math.max(ctx.opens, ctx.end - 91));
    ctx.out.declarations.push({
      capability: ctx.capability.name,
      team: team.name,
      status: 'using',
      on: isoDay(using),
      by,
      note: spec.declared?.note ?? '',
    });
    if (i < (spec.declared?.stopped ?? 0)) {
      const stopped = Math.min(using + rng.int(35, 80), ctx.end - 1);
      ctx.out.declarations.push({
        capability: ctx.capability.name,
        team: team.name,
        status: 'stopped',
        on: isoDay(stopped),
        by,
        note: spec.declared?.stoppedNote ?? '',
      });
    }
  });
}

/** Voluntary: a share of the teams, each on a day drawn from an S-curve. */
export function pulled(ctx: StoryContext, teams = ctx.eligible) {
  const { rng, spec } = ctx;
  const curve = spec.curve ?? { reach: 0, mid: 0.5, width: 0.2 };
  const chosen = rng.sample(teams, Math.round(curve.reach * teams.length));
  for (const team of chosen) adoptTeam(ctx, team, sCurveDay(rng, ctx.opens, ctx.end, curve.mid, curve.width));
  declare(ctx, new Set(chosen.map((t) => t.name)));
}

/** A few early teams, then a mandate for all, most teams before its deadline and a few stragglers after. */
export function pushed(ctx: StoryContext) {
  const { rng, spec } = ctx;
  const push = spec.push;
  if (!push) throw new Error(`${ctx.capability.name}: a pushed story needs push settings`);
  const effective = firstOfMonthFrom(ctx.opens + Math.round(push.at * (ctx.end - ctx.opens)));
  const deadline = addMonths(effective, push.deadlineMonths);
  ctx.out.mandates.push({
    capability: ctx.capability.name,
    scope: 'all',
    effectiveOn: isoDay(effective),
    deadlineOn: isoDay(deadline),
    note: push.note,
    by: platformAuthor(ctx),
  });
  const teams = rng.shuffle(ctx.eligible);
  teams.forEach((team, i) => {
    const day =
      i < push.early
        ? rng.int(ctx.opens + 14, effective - 14)
        : rng.chance(0.92)
          ? effective + Math.floor(Math.pow(rng.next(), 1.4) * (deadline - effective) * 1.15)
          : ctx.end;
    if (day < ctx.end) adoptTeam(ctx, team, day, ['production']);
  });
}

/** Pulled by some teams; mandated for a few teams of one department, one of which was already there. */
export function mandatedTeams(ctx: StoryContext) {
  const { rng, spec } = ctx;
  const m = spec.teamMandate;
  if (!m) throw new Error(`${ctx.capability.name}: a mandated-teams story needs teamMandate settings`);
  const scoped = rng.sample(
    ctx.eligible.filter((t) => t.department === m.department),
    m.teams,
  );
  const effective = firstOfMonthFrom(ctx.opens + Math.round(m.at * (ctx.end - ctx.opens)));
  const deadline = addMonths(effective, m.deadlineMonths);
  ctx.out.mandates.push({
    capability: ctx.capability.name,
    scope: scoped.map((t) => t.name).sort(),
    effectiveOn: isoDay(effective),
    deadlineOn: isoDay(deadline),
    note: m.note,
    by: platformAuthor(ctx),
  });
  const names = new Set(scoped.map((t) => t.name));
  pulled(
    ctx,
    ctx.eligible.filter((t) => !names.has(t.name)),
  );
  scoped.forEach((team, i) => {
    const day = i === 0 ? rng.int(ctx.opens + 10, effective - 10) : effective + rng.int(7, deadline - effective + 20);
    if (day < ctx.end) adoptTeam(ctx, team, day);
  });
}

/**
 * Teams that were on the capability at the start of the window, most of them late movers to its
 * replacement: a service drops it (the detection goes unmatched) a few days after adopting the replacement.
 */
export function churning(ctx: StoryContext) {
  const { rng, spec } = ctx;
  const churn = spec.churn;
  if (!churn) throw new Error(`${ctx.capability.name}: a churning story needs churn settings`);
  const replaced = new Map<string, Day>();
  const teamReplaced = new Map<string, Day>();
  for (const a of ctx.out.services.filter((s) => s.capability === churn.replacedBy)) {
    const day = parseDay(a.adoptedOn);
    replaced.set(a.service, day);
    teamReplaced.set(a.team, Math.min(day, teamReplaced.get(a.team) ?? Infinity));
  }
  const late = ctx.eligible.filter((t) => (teamReplaced.get(t.name) ?? Infinity) >= ctx.opens + 150);
  for (const team of rng.sample(late, churn.teams)) {
    const day = ctx.opens + rng.int(0, 45);
    const services = ctx.servicesOf(team.name).filter((s) => created(s) <= day);
    const [lo, hi] = spec.follow.share;
    const share = lo + rng.next() * (hi - lo);
    services.forEach((s, i) => {
      if (i > 0 && !rng.chance(share)) return;
      const adoption = adoptService(ctx, s, i === 0 ? day : day + rng.int(1, spec.follow.days));
      const next = replaced.get(s.name);
      if (next !== undefined && next > parseDay(adoption.adoptedOn) + 14)
        adoption.churnedOn = isoDay(Math.min(next + rng.int(0, 3), ctx.today - 1));
    });
  }
}

/** Beta or experimental: a few teams since the beta opened, and whoever declares it. */
export function earlyAdopters(ctx: StoryContext) {
  const { rng, spec } = ctx;
  const chosen = rng.sample(ctx.eligible, spec.beta?.teams ?? 0);
  for (const team of chosen) adoptTeam(ctx, team, rng.int(ctx.opens, ctx.end - 1));
  declare(ctx, new Set(chosen.map((t) => t.name)));
}
