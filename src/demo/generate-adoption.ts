import { addMonths, dayOf, fakeSha, isoDay, parseDay, type Day } from './adoption-dates.js';
import type {
  DemoAdoptionPlan,
  DemoAdoptionRepository,
  DemoAdoptionStory,
  DemoCapabilityView,
  DemoServiceAdoption,
  DemoTeamAdoption,
} from './adoption-plan.js';
import {
  churning,
  earlyAdopters,
  mandatedTeams,
  pulled,
  pushed,
  type StoryContext,
} from './adoption-story-builders.js';
import { STORIES, type StorySpec } from './adoption-stories.js';
import type { DemoCatalog, DemoService, DemoTeam } from './demo-catalog.js';
import { deriveTeamAdoptions } from './derive-team-adoption.js';
import { createRandom } from '../shared/random.js';

export type * from './adoption-plan.js';

/** A capability needs this many days between GA and today for its story to play out. */
const MIN_DAYS_AFTER_GA = 60;

/**
 * The demo organisation's adoption over the 24 months before `today` (truncated to its UTC day): per
 * capability a story (pulled, pushed, churning, ...), the services and teams that adopted and when, the
 * evidence a scan would have found, two mandates, a few declarations and page views. Same catalog, seed
 * and day, same plan; nothing here reads the clock or Math.random.
 */
export function generateDemoAdoption(catalog: DemoCatalog, seed = 42, today: Date): DemoAdoptionPlan {
  const day = dayOf(today);
  const windowStart = addMonths(day, -24);
  const late = catalog.capabilities.filter((c) => c.gaDate && parseDay(c.gaDate) > day - MIN_DAYS_AFTER_GA);
  if (late.length > 0) {
    throw new RangeError(
      `the demo's adoption stories need today at least ${MIN_DAYS_AFTER_GA} days after every GA date (${late.map((c) => `${c.name} ${c.gaDate}`).join(', ')})`,
    );
  }

  const customers = catalog.teams.filter((t) => t.role === 'customer');
  const byOwner = new Map<string, DemoService[]>();
  for (const s of catalog.services) byOwner.set(s.owner, [...(byOwner.get(s.owner) ?? []), s]);
  const out: StoryContext['out'] = { services: [], declarations: [], mandates: [] };
  const stories: DemoAdoptionStory[] = [];
  const contexts: StoryContext[] = [];

  // The churning story reads its replacement's adoptions, so replacements are told first.
  const specs = [...STORIES].sort((a, b) => Number(a.kind === 'churning') - Number(b.kind === 'churning'));
  for (const spec of specs) {
    const capability = catalog.capabilities.find((c) => c.name === spec.capability);
    if (!capability) continue;
    const opensOn = spec.beta
      ? addMonths(day, -spec.beta.months)
      : capability.gaDate
        ? parseDay(capability.gaDate)
        : windowStart;
    const ctx: StoryContext = {
      seed,
      rng: createRandom(seed, `adoption:${capability.name}`),
      catalog,
      capability,
      spec,
      today: day,
      windowStart,
      opens: Math.max(opensOn, windowStart),
      end: day - 1,
      eligible: customers.filter((t) =>
        (byOwner.get(t.name) ?? []).some((s) => !capability.audience || capability.audience.includes(s.type)),
      ),
      servicesOf: (team) => byOwner.get(team) ?? [],
      out,
    };
    tell(ctx);
    contexts.push(ctx);
    stories.push({ capability: capability.name, kind: spec.kind, summary: spec.summary, opensOn: isoDay(ctx.opens) });
  }

  const order = catalog.capabilities.map((c) => c.name);
  const rank = (capability: string) => order.indexOf(capability);
  stories.sort((a, b) => rank(a.capability) - rank(b.capability));
  const services = out.services.sort(
    (a, b) =>
      rank(a.capability) - rank(b.capability) ||
      a.adoptedOn.localeCompare(b.adoptedOn) ||
      a.service.localeCompare(b.service),
  );
  const teams = deriveTeamAdoptions(order, services, out.declarations, out.mandates);
  const views = contexts
    .sort((a, b) => rank(a.capability.name) - rank(b.capability.name))
    .flatMap((ctx) =>
      capabilityViews(
        ctx,
        teams.filter((t) => t.capability === ctx.capability.name),
      ),
    );
  return {
    seed,
    today: isoDay(day),
    windowStart: isoDay(windowStart),
    stories,
    repositories: repositoriesOf(seed, catalog, services, day),
    services,
    declarations: out.declarations.sort((a, b) => rank(a.capability) - rank(b.capability) || a.on.localeCompare(b.on)),
    mandates: out.mandates.sort((a, b) => rank(a.capability) - rank(b.capability)),
    views,
    teams,
  };
}

function tell(ctx: StoryContext) {
  switch (ctx.spec.kind) {
    case 'pulled':
      return pulled(ctx);
    case 'pushed':
      return pushed(ctx);
    case 'mandated-teams':
      return mandatedTeams(ctx);
    case 'churning':
      return churning(ctx);
    case 'early-adopters':
      return earlyAdopters(ctx);
    case 'not-adopted':
      return;
  }
}

/** Adopters mostly looked before adopting; some of the others looked and did not (yet). */
function capabilityViews(ctx: StoryContext, adopters: DemoTeamAdoption[]): DemoCapabilityView[] {
  const rng = createRandom(ctx.seed, `adoption-views:${ctx.capability.name}`);
  const spec: StorySpec = ctx.spec;
  const views: DemoCapabilityView[] = [];
  const view = (team: DemoTeam, on: Day, kind: DemoCapabilityView['kind'] = 'page') => {
    if (on >= ctx.windowStart && on < ctx.today)
      views.push({
        capability: ctx.capability.name,
        team: team.name,
        by: rng.pick(team.members).email,
        kind,
        on: isoDay(on),
      });
  };
  const adopted = new Map(adopters.map((t) => [t.team, parseDay(t.adoptedOn)]));
  for (const team of ctx.eligible) {
    const at = adopted.get(team.name);
    if (at !== undefined) {
      if (rng.chance(0.7)) view(team, at - rng.int(2, 45));
    } else if (rng.chance(spec.aware)) {
      for (let n = rng.int(1, 3); n > 0; n--)
        view(team, rng.int(ctx.opens, ctx.end - 1), rng.chance(0.3) ? 'release-notes' : 'page');
    }
  }
  return views.sort((a, b) => a.on.localeCompare(b.on) || a.team.localeCompare(b.team));
}

/** One repository per service with a detection, last scanned in the days before today. */
function repositoriesOf(
  seed: number,
  catalog: DemoCatalog,
  services: DemoServiceAdoption[],
  today: Day,
): DemoAdoptionRepository[] {
  const rng = createRandom(seed, 'adoption:repositories');
  const latest = new Map<string, Day>();
  for (const s of services) {
    if (!s.detection) continue;
    const last = Math.max(parseDay(s.adoptedOn), s.churnedOn ? parseDay(s.churnedOn) : 0);
    latest.set(s.service, Math.max(last, latest.get(s.service) ?? 0));
  }
  return catalog.services
    .filter((s) => latest.has(s.name))
    .map((s) => {
      const headDay = Math.max(latest.get(s.name) ?? 0, today - rng.int(1, 10));
      return {
        service: s.name,
        name: s.repository.slug,
        path: `demo://${s.repository.slug}`,
        remoteUrl: `${s.repository.url}.git`,
        head: fakeSha(seed, s.name, 'head', headDay),
        headOn: isoDay(headDay),
      };
    });
}
