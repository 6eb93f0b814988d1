import { addMonths, type Day } from '../adoption-dates.js';
import type { DemoTeam } from '../demo-catalog.js';
import { logNormal, poisson } from '../../shared/distributions.js';
import { createRandom, type Random } from '../../shared/random.js';
import { placedIn } from './generate-problems.js';
import { OTHER_PAINS } from './other-texts.js';
import { THEME_TEXTS, type Text } from './theme-texts.js';
import { THEMES, type Theme } from './themes.js';
import { DAY_MS, iso, memberOf, workingTime, type VoiceContext } from './voice-context.js';
import type { DemoFeedbackItem, DemoProblem } from './voice-plan.js';
import { wording } from './wording.js';

/** Severity 1 (the worst) to 4: most pains are a 2 or a 3. */
const SEVERITY_WEIGHTS = [6, 28, 44, 22];
/** A theme hurts less once its capability is GA, even before a team adopts it: docs, office hours, workarounds. */
const AFTER_GA = 0.5;

export function blankItem(key: string, kind: DemoFeedbackItem['kind']): DemoFeedbackItem {
  return {
    key,
    kind,
    theme: null,
    team: null,
    capability: null,
    platformTeam: null,
    author: null,
    title: '',
    body: null,
    category: null,
    severity: null,
    hoursLostPerWeek: null,
    openedAt: '',
    respondedAt: null,
    closedAt: null,
    requestStatus: null,
    problem: null,
    rice: null,
    github: null,
  };
}

/** Each team's services by name, for the bodies that name one. */
export function servicesByTeam(ctx: VoiceContext): Map<string, string[]> {
  const byTeam = new Map<string, string[]>();
  for (const s of ctx.catalog.services) byTeam.set(s.owner, [...(byTeam.get(s.owner) ?? []), s.name]);
  return byTeam;
}

function pain(
  ctx: VoiceContext,
  rng: Random,
  team: DemoTeam,
  text: Text,
  openedMs: number,
  service: string | null,
): DemoFeedbackItem {
  const { title, body } = wording(rng, text, service);
  return {
    ...blankItem(ctx.nextKey('pain'), 'pain'),
    team: team.name,
    author: memberOf(rng, team).name,
    title,
    body,
    severity: rng.weightedIndex(SEVERITY_WEIGHTS) + 1,
    openedAt: iso(openedMs),
  };
}

/** Resolved when the team adopted the capability built for it; now and then by a workaround; else still open. */
function resolution(rng: Random, ctx: VoiceContext, openedMs: number, relief: Day | null): string | null {
  const resolved =
    relief !== null
      ? workingTime(rng, relief + rng.int(1, 25))
      : rng.chance(0.12)
        ? openedMs + rng.int(14, 90) * DAY_MS
        : null;
  return resolved !== null && resolved < ctx.today * DAY_MS ? iso(resolved) : null;
}

/** The customer teams that feel each theme (at least three: a common problem is common). */
export function whoFeels(ctx: VoiceContext): Map<string, DemoTeam[]> {
  const feels = new Map<string, DemoTeam[]>();
  for (const theme of THEMES) {
    const rng = createRandom(ctx.seed, `voice:feels:${theme.key}`);
    const teams = ctx.customers.filter(() => rng.chance(theme.affects));
    feels.set(theme.key, teams.length >= 3 ? teams : rng.sample(ctx.customers, 3));
  }
  return feels;
}

/**
 * Pains per theme: each customer team that feels a theme writes about it a few times a year until it adopts the
 * capability built for it (then its pains are resolved), less often once that capability is GA. A few more pains
 * about nothing the platform plans.
 */
export function planPains(
  ctx: VoiceContext,
  feels: Map<string, DemoTeam[]>,
  problems: Map<string, DemoProblem>,
): DemoFeedbackItem[] {
  const services = servicesByTeam(ctx);
  const items: DemoFeedbackItem[] = [];
  for (const theme of THEMES) {
    const rng = createRandom(ctx.seed, `voice:pains:${theme.key}`);
    const texts = THEME_TEXTS[theme.key]?.pains ?? [];
    for (const team of feels.get(theme.key) ?? []) {
      items.push(...painsOfTeam(ctx, rng, theme, team, texts, services.get(team.name) ?? [], problems));
    }
  }
  const rng = createRandom(ctx.seed, 'voice:pains:other');
  for (const text of OTHER_PAINS) {
    for (let n = rng.int(1, 2); n > 0; n--) {
      const team = rng.pick(ctx.customers);
      const opened = workingTime(rng, rng.int(ctx.windowStart, ctx.today - 1));
      const item = pain(ctx, rng, team, text, opened, rng.pick(services.get(team.name) ?? [null]));
      items.push({
        ...item,
        category: 'other',
        hoursLostPerWeek: rng.int(1, 6),
        closedAt: resolution(rng, ctx, opened, null),
      });
    }
  }
  return items;
}

function painsOfTeam(
  ctx: VoiceContext,
  rng: Random,
  theme: Theme,
  team: DemoTeam,
  texts: readonly Text[],
  services: string[],
  problems: Map<string, DemoProblem>,
): DemoFeedbackItem[] {
  const ga = ctx.gaOf(theme.relief);
  const relief = ctx.adoptedOn(team.name, theme.relief);
  const end = Math.min(relief ?? ctx.today, ctx.today);
  const out: DemoFeedbackItem[] = [];
  for (let month = ctx.windowStart; month < end; month = addMonths(month, 1)) {
    const monthEnd = Math.min(addMonths(month, 1), end);
    const rate = (theme.painsPerYear / 365) * (monthEnd - month) * (ga !== null && month >= ga ? AFTER_GA : 1);
    for (let n = poisson(rng, rate); n > 0; n--) {
      const opened = workingTime(rng, rng.int(month, monthEnd - 1));
      const item = pain(ctx, rng, team, rng.pick(texts), opened, services.length > 0 ? rng.pick(services) : null);
      out.push({
        ...item,
        theme: theme.key,
        category: theme.category,
        hoursLostPerWeek: Math.min(40, Math.max(0.5, Math.round(logNormal(rng, theme.hours, 0.6) * 2) / 2)),
        closedAt: resolution(rng, ctx, opened, relief),
        problem: placedIn(rng, theme, problems, opened),
      });
    }
  }
  return out;
}
