import { isoDay } from '../adoption-dates.js';
import type { DemoAdoptionPlan } from '../adoption-plan.js';
import type { DemoCatalog } from '../demo-catalog.js';
import { planBugs, planSlaPolicies } from './generate-bugs.js';
import { planContacts } from './generate-contacts.js';
import { planPains, whoFeels } from './generate-pains.js';
import { planProblems, planRoadmap } from './generate-problems.js';
import { planRequests } from './generate-requests.js';
import { planSupport } from './generate-support.js';
import { planWaves } from './generate-surveys.js';
import { SUPPORT_CATEGORIES } from './themes.js';
import { voiceContext } from './voice-context.js';
import type { DemoVoicePlan } from './voice-plan.js';

export type * from './voice-plan.js';

/**
 * The demo organisation's voice of the customer over the 24 months before `today` (its UTC day): pains that
 * cluster into the common problems of THEMES and stop as teams adopt what was built for them, requests with votes,
 * bugs against SLAs that are met more and more, a support queue that shrinks as capabilities make it self-service,
 * conversations with most teams, two buddy engagements, four survey waves, accepted problems and a roadmap. Same
 * catalog, adoption plan, seed and day, same plan; nothing here reads the clock or Math.random.
 */
export function generateDemoVoice(
  catalog: DemoCatalog,
  adoption: DemoAdoptionPlan,
  seed = 42,
  today: Date,
): DemoVoicePlan {
  const ctx = voiceContext(catalog, adoption, seed, today);
  const problems = planProblems(ctx);
  const byKey = new Map(problems.map((p) => [p.key, p]));
  const feels = whoFeels(ctx);
  const slaPolicies = planSlaPolicies();
  const requests = planRequests(ctx, feels);
  const items = [
    ...planPains(ctx, feels, byKey),
    ...requests.items,
    ...planBugs(ctx, slaPolicies),
    ...planSupport(ctx, byKey),
  ].sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.key.localeCompare(b.key));
  const { conversations, engagements } = planContacts(ctx, items);
  return {
    seed,
    today: isoDay(ctx.today),
    windowStart: isoDay(ctx.windowStart),
    slaPolicies,
    supportCategories: SUPPORT_CATEGORIES.map((c) => ({ category: c.category, capability: c.capability })),
    problems,
    items,
    votes: requests.votes.sort((a, b) => a.at.localeCompare(b.at) || a.person.localeCompare(b.person)),
    conversations,
    engagements,
    roadmap: planRoadmap(ctx, problems, items),
    waves: planWaves(ctx),
  };
}
