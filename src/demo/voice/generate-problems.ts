import { addMonths, parseDay, type Day } from '../adoption-dates.js';
import { createRandom } from '../../shared/random.js';
import { THEMES, type Theme } from './themes.js';
import { DAY_MS, iso, memberOf, quarterOf, workingTime, type VoiceContext } from './voice-context.js';
import type { DemoFeedbackItem, DemoProblem, DemoRoadmapItem } from './voice-plan.js';

/** Months after the window opened that the platform team accepted each problem with no GA capability behind it. */
const ACCEPTED_AFTER_MONTHS: Record<string, number> = { 'local-dev': 9, alerts: 7, preview: 13 };

/** What the roadmap plans for each open problem: a solution's name, not the problem's. */
const PLANNED: Record<string, readonly [title: string, description: string]> = {
  'local-dev': [
    'Cloud development environments for every team',
    'Ready-to-code environments with the service and its dependencies running; out of experimental.',
  ],
  alerts: [
    'SLOs as code to GA: burn-rate alerts replace the default alerts',
    'Teams page on what their users feel, not on CPU thresholds.',
  ],
  preview: [
    'Preview environments per pull request',
    'A short-lived environment for every branch, so staging stops being a queue.',
  ],
};

/** Days before its capability's GA that a problem was accepted: the evidence came first. */
const ACCEPTED_BEFORE_GA = 120;

/**
 * The accepted problems, one per problem key of THEMES: solved when the capability built for it is GA, open
 * otherwise. Accepted before the GA date, or some months into the window for what has no GA yet.
 */
export function planProblems(ctx: VoiceContext): DemoProblem[] {
  const rng = createRandom(ctx.seed, 'voice:problems');
  const problems = new Map<string, DemoProblem>();
  for (const theme of THEMES) {
    const p = theme.problem;
    if (!p || problems.has(p.key)) continue;
    const ga = ctx.gaOf(theme.relief);
    const accepted =
      ga !== null
        ? ga - ACCEPTED_BEFORE_GA
        : Math.min(addMonths(ctx.windowStart, ACCEPTED_AFTER_MONTHS[p.key] ?? 6), ctx.today - 30);
    const by = memberOf(rng, theme.relief ? ctx.ownerOf(theme.relief) : ctx.platformTeam('platform-devex'));
    problems.set(p.key, {
      key: p.key,
      title: p.title,
      description: p.description,
      capability: theme.relief,
      status: ga !== null && ga <= ctx.today ? 'solved' : 'open',
      impact: p.impact,
      confidence: p.confidence,
      effort: p.effort,
      createdAt: iso(workingTime(rng, accepted)),
      by: by.email,
    });
  }
  return [...problems.values()];
}

/** Whether an item of the theme opened at `openedMs` was placed in the theme's problem. */
export function placedIn(
  rng: { chance(p: number): boolean },
  theme: Theme,
  problems: Map<string, DemoProblem>,
  openedMs: number,
): string | null {
  const problem = theme.problem ? problems.get(theme.problem.key) : undefined;
  if (!problem) return null;
  // What was there when the problem was accepted went into it; later items only when someone triaged them.
  if (openedMs < Date.parse(problem.createdAt) + 30 * DAY_MS) return problem.key;
  return rng.chance(0.55) ? problem.key : null;
}

interface Planned {
  title: string;
  description: string;
  capability: string | null;
  status: DemoRoadmapItem['status'];
  problem: string | null;
  themes: string[];
  quarter: Day | null;
  rice: { impact: number; confidence: number; effort: number };
}

/**
 * The roadmap: a done item per capability shipped for a problem, the open problems now, next and later, and two
 * items that answer requests only.
 */
export function planRoadmap(ctx: VoiceContext, problems: DemoProblem[], items: DemoFeedbackItem[]): DemoRoadmapItem[] {
  const rng = createRandom(ctx.seed, 'voice:roadmap');
  const capability = (name: string | null) => ctx.catalog.capabilities.find((c) => c.name === name);
  const planned: Planned[] = problems.map((p) => {
    const themes = THEMES.filter((t) => t.problem?.key === p.key).map((t) => t.key);
    const ga = ctx.gaOf(p.capability);
    const c = capability(p.capability);
    const next = p.key === 'alerts';
    const status = p.status === 'solved' ? 'done' : p.capability === null ? 'later' : next ? 'next' : 'now';
    const [title, description] =
      status === 'done' && c ? [c.title, c.description] : (PLANNED[p.key] ?? [p.title, p.description]);
    return {
      title,
      description,
      capability: p.capability,
      status,
      problem: p.key,
      themes,
      quarter: ga ?? (status === 'now' ? ctx.today : status === 'next' ? addMonths(ctx.today, 3) : null),
      rice: { impact: p.impact, confidence: p.confidence, effort: p.effort },
    };
  });
  planned.push(
    {
      title: 'Cloud cost per team and service',
      description: 'Show each team what its services cost, with budget alerts.',
      capability: null,
      status: 'later',
      problem: null,
      themes: ['cost-visibility'],
      quarter: addMonths(ctx.today, 6),
      rice: { impact: 1, confidence: 50, effort: 12 },
    },
    {
      title: 'Event streaming to GA: topics from the API and consumer groups',
      description: 'What the early adopters asked for before event streaming leaves beta.',
      capability: 'event-streaming',
      status: 'next',
      problem: null,
      themes: [],
      quarter: addMonths(ctx.today, 3),
      rice: { impact: 1, confidence: 80, effort: 6 },
    },
  );
  const problemOf = new Map(problems.map((p) => [p.key, p]));
  return planned.map((r) => {
    const problem = r.problem ? problemOf.get(r.problem) : undefined;
    // An item answers its themes' requests; one with no theme (event streaming) its capability's themeless ones.
    const requests = items.filter(
      (i) =>
        i.kind === 'request' &&
        (i.theme === null
          ? r.problem === null && r.capability !== null && i.capability === r.capability
          : r.themes.includes(i.theme)),
    );
    const created = problem ? Date.parse(problem.createdAt) + 14 * DAY_MS : workingTime(rng, ctx.today - 60);
    const by =
      problem?.by ?? memberOf(rng, r.capability ? ctx.ownerOf(r.capability) : ctx.platformTeam('platform-devex')).email;
    return {
      title: r.title,
      description: r.description,
      capability: r.capability,
      status: r.status,
      targetQuarter: r.quarter === null ? null : quarterOf(r.quarter),
      ...r.rice,
      problems: problem ? [problem.key] : [],
      requests: requests.map((i) => i.key),
      createdAt: iso(Math.min(created, workingTime(rng, ctx.today - 1))),
      by,
    };
  });
}

export const dayOfIso = (time: string): Day => parseDay(time.slice(0, 10));
