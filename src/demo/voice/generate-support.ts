import { addMonths, type Day } from '../adoption-dates.js';
import { logNormal, poisson } from '../../shared/distributions.js';
import { createRandom } from '../../shared/random.js';
import { placedIn } from './generate-problems.js';
import { blankItem } from './generate-pains.js';
import { OTHER_SUPPORT } from './other-texts.js';
import { THEME_TEXTS, type Text } from './theme-texts.js';
import { SUPPORT_CATEGORIES, THEMES, type SupportCategory } from './themes.js';
import { DAY_MS, hoursLater, iso, memberOf, workingTime, type VoiceContext } from './voice-context.js';
import type { DemoFeedbackItem, DemoProblem } from './voice-plan.js';
import { wording } from './wording.js';

/** Requests of a category once its capability is GA, against before: the docs and the golden path answer most. */
const AFTER_GA = 0.45;
/** And once the asking team uses the capability itself. */
const AFTER_ADOPTION = 0.4;
/** The deflection window (DOMAIN.md): 6 months each side of GA. */
const DEFLECTION_MONTHS = 6;

/** Where a category's history starts: the window, or 6 months before its capability's GA when that is older. */
export function supportStart(ctx: VoiceContext, category: SupportCategory): Day {
  const ga = ctx.gaOf(category.capability);
  return ga === null ? ctx.windowStart : Math.min(ctx.windowStart, addMonths(ga, -DEFLECTION_MONTHS));
}

/**
 * Support requests per category from each customer team, a Poisson number a month: fewer once the category's
 * capability is GA, fewer still once the team adopted it, so the queue shrinks and deflection shows. A category
 * linked to a capability keeps its history from 6 months before the GA date (so the "before" of deflection is
 * whole). First responses and resolutions get faster over the two years; what would be answered after today is
 * still open.
 */
export function planSupport(ctx: VoiceContext, problems: Map<string, DemoProblem>): DemoFeedbackItem[] {
  const items: DemoFeedbackItem[] = [];
  const todayMs = ctx.today * DAY_MS;
  for (const category of SUPPORT_CATEGORIES) {
    const rng = createRandom(ctx.seed, `voice:support:${category.category}`);
    const texts: { theme: string | null; text: Text }[] = category.themes.flatMap((theme) =>
      (THEME_TEXTS[theme]?.support ?? []).map((text) => ({ theme, text })),
    );
    if (category.category === 'docs') texts.push(...OTHER_SUPPORT.map((text) => ({ theme: null, text })));
    const ga = ctx.gaOf(category.capability);
    const platformTeam = ctx.platformTeam(category.platformTeam);
    for (const team of ctx.customers) {
      const adopted = ctx.adoptedOn(team.name, category.capability);
      for (let month = supportStart(ctx, category); month < ctx.today; month = addMonths(month, 1)) {
        const monthEnd = Math.min(addMonths(month, 1), ctx.today);
        const mean =
          ((category.perTeamMonth * (monthEnd - month)) / 30) *
          (ga !== null && month >= ga ? AFTER_GA : 1) *
          (adopted !== null && month >= adopted ? AFTER_ADOPTION : 1);
        for (let n = poisson(rng, mean); n > 0; n--) {
          const day = rng.int(month, monthEnd - 1);
          const opened = workingTime(rng, day);
          const progress = Math.min(1, Math.max(0, (day - ctx.windowStart) / (ctx.today - ctx.windowStart)));
          const responded = hoursLater(opened, logNormal(rng, 9 - 6 * progress, 0.9));
          const resolved = Math.max(responded, hoursLater(opened, logNormal(rng, 36 - 22 * progress, 0.9)));
          const { theme, text } = rng.pick(texts);
          const { title, body } = wording(rng, text, null);
          const themeSpec = THEMES.find((t) => t.key === theme);
          items.push({
            ...blankItem(ctx.nextKey('support'), 'support'),
            theme,
            team: team.name,
            capability: category.capability,
            platformTeam: platformTeam.name,
            author: memberOf(rng, team).name,
            title,
            body,
            category: category.category,
            openedAt: iso(opened),
            respondedAt: responded < todayMs ? iso(responded) : null,
            closedAt: resolved < todayMs ? iso(resolved) : null,
            // Support requests mostly stay out of problems; those around the time a problem was accepted went in.
            problem: themeSpec && rng.chance(0.3) ? placedIn(rng, themeSpec, problems, opened) : null,
          });
        }
      }
    }
  }
  return items;
}
