import { isoDay, type Day } from '../adoption-dates.js';
import type { DemoTeam } from '../demo-catalog.js';
import { createRandom, type Random } from '../../shared/random.js';
import { dayOfIso } from './generate-problems.js';
import { CHANNELS, CONVERSATION_NOTES, THEME_WORDS } from './other-texts.js';
import { SUPPORT_CATEGORIES, THEMES } from './themes.js';
import { memberOf, type VoiceContext } from './voice-context.js';
import type { DemoConversation, DemoEngagement, DemoFeedbackItem } from './voice-plan.js';

/** Share of customer teams nobody talked to in the last 90 days: "talk to next" is never empty. */
const NEGLECTED = 0.2;
const ENGAGEMENT_DAYS = 56;

/** The platform team that talks about a theme: the owner of what relieves it, or of its support category. */
function platformTeamFor(ctx: VoiceContext, theme: string | null): DemoTeam {
  const spec = THEMES.find((t) => t.key === theme);
  if (spec?.relief) return ctx.ownerOf(spec.relief);
  const category = SUPPORT_CATEGORIES.find((c) => theme !== null && c.themes.includes(theme));
  return ctx.platformTeam(category?.platformTeam ?? 'platform-devex');
}

/**
 * Conversations: every customer team is talked to every one to four months, and most of them in the last 90 days;
 * a fifth have not been since. Each one is about what the team raised most recently, with its pains of the weeks
 * before linked. Two buddy engagements: one finished, with the team that complained most, and one under way.
 */
export function planContacts(
  ctx: VoiceContext,
  items: DemoFeedbackItem[],
): { conversations: DemoConversation[]; engagements: DemoEngagement[] } {
  const rng = createRandom(ctx.seed, 'voice:conversations');
  const neglected = new Set(rng.sample(ctx.customers, Math.round(ctx.customers.length * NEGLECTED)).map((t) => t.name));
  const pains = new Map<string, DemoFeedbackItem[]>();
  for (const item of items)
    if (item.kind === 'pain' && item.team) pains.set(item.team, [...(pains.get(item.team) ?? []), item]);

  const conversations: DemoConversation[] = [];
  for (const team of ctx.customers) {
    const theirs = pains.get(team.name) ?? [];
    let day = ctx.today - (neglected.has(team.name) ? rng.int(95, 200) : rng.int(2, 80));
    for (; day >= ctx.windowStart; day -= rng.int(35, 110))
      conversations.push(conversation(ctx, rng, team, day, theirs));
  }
  conversations.sort((a, b) => a.on.localeCompare(b.on) || a.team.localeCompare(b.team));

  const contacted = ctx.customers.filter((t) => !neglected.has(t.name));
  const engagements: DemoEngagement[] = [];
  const finished = helpedToAdopt(ctx, contacted, pains);
  if (finished) engagements.push(engagement(ctx, rng, finished.team, finished.theme, finished.starts));
  const ongoing = [...contacted]
    .filter((t) => t !== finished?.team)
    .sort((a, b) => openPains(pains.get(b.name)) - openPains(pains.get(a.name)) || a.name.localeCompare(b.name))[0];
  if (ongoing) {
    const theme = topTheme((pains.get(ongoing.name) ?? []).filter((p) => p.closedAt === null));
    engagements.push(engagement(ctx, rng, ongoing, theme, ctx.today - rng.int(10, 30)));
  }
  return { conversations, engagements };
}

const openPains = (pains: DemoFeedbackItem[] | undefined) => (pains ?? []).filter((p) => p.closedAt === null).length;

/** The theme most of these pains are about. */
function topTheme(pains: DemoFeedbackItem[]): string {
  const tally = new Map<string, number>();
  for (const p of pains) if (p.theme) tally.set(p.theme, (tally.get(p.theme) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'slow-ci';
}

/**
 * The finished engagement: with the team that complained most about a theme before adopting, between 100 and 330
 * days ago, the capability built for it; the buddy arrived five weeks before the adoption.
 */
function helpedToAdopt(ctx: VoiceContext, teams: DemoTeam[], pains: Map<string, DemoFeedbackItem[]>) {
  let best: { team: DemoTeam; theme: string; starts: Day; pains: number } | null = null;
  for (const team of teams)
    for (const theme of THEMES) {
      const adopted = ctx.adoptedOn(team.name, theme.relief);
      if (adopted === null || adopted < ctx.today - 330 || adopted > ctx.today - 100) continue;
      const before = (pains.get(team.name) ?? []).filter((p) => p.theme === theme.key).length;
      if (!best || before > best.pains) best = { team, theme: theme.key, starts: adopted - 35, pains: before };
    }
  return best;
}

function conversation(
  ctx: VoiceContext,
  rng: Random,
  team: DemoTeam,
  day: Day,
  pains: DemoFeedbackItem[],
): DemoConversation {
  const raised = pains.filter((p) => {
    const opened = dayOfIso(p.openedAt);
    return opened <= day && opened > day - 45;
  });
  const themes = pains.map((p) => p.theme);
  const theme = raised.at(-1)?.theme ?? (themes.length > 0 ? rng.pick(themes) : 'slow-ci');
  const platformTeam = platformTeamFor(ctx, theme);
  const host = memberOf(rng, platformTeam);
  const guests = rng.sample(team.members, rng.int(1, 2)).map((u) => u.displayName);
  return {
    team: team.name,
    platformTeam: platformTeam.name,
    on: isoDay(day),
    people: [...guests, host.displayName],
    channel: rng.pick(CHANNELS),
    notes: rng.pick(CONVERSATION_NOTES).replace('{theme}', THEME_WORDS[theme ?? ''] ?? 'their delivery'),
    pains: raised.slice(-3).map((p) => p.key),
    by: host.email,
  };
}

function engagement(ctx: VoiceContext, rng: Random, team: DemoTeam, theme: string, starts: Day): DemoEngagement {
  const platformTeam = platformTeamFor(ctx, theme);
  const engineer = memberOf(rng, platformTeam);
  const relief = THEMES.find((t) => t.key === theme)?.relief ?? null;
  const title = ctx.catalog.capabilities.find((c) => c.name === relief)?.title;
  const ga = ctx.gaOf(relief);
  const aim =
    title && ga !== null && ga <= starts
      ? `: move its services to ${title} and leave the team able to run it on its own.`
      : title
        ? `: try ${title} early and tell the platform what it still lacks.`
        : ': find what the platform should build for it.';
  return {
    team: team.name,
    platformTeam: platformTeam.name,
    engineer: engineer.displayName,
    startsOn: isoDay(starts),
    endsOn: isoDay(starts + ENGAGEMENT_DAYS),
    goals: `Work inside the team for ${ENGAGEMENT_DAYS / 7} weeks on ${THEME_WORDS[theme] ?? theme}${aim}`,
    by: engineer.email,
  };
}
