import { addMonths, parseDay, type Day } from '../adoption-dates.js';
import type { DemoTeam, DemoUser } from '../demo-catalog.js';
import { createRandom, type Random } from '../../shared/random.js';
import { COMPLAINTS, PRAISE } from './other-texts.js';
import { iso, memberOf, quarterOf, workingTime, type VoiceContext } from './voice-context.js';
import type { DemoSurveyAnswer, DemoWave } from './voice-plan.js';

/** Four waves, six months apart, the first three months into the window; each open three weeks. */
const WAVE_MONTHS = [3, 9, 15, 21] as const;
const OPEN_DAYS = 21;
/** Share of the invited who answered, by wave: people answer more once they see answers change things. */
const RESPONSE_RATES = [0.42, 0.5, 0.55, 0.61] as const;
/** Shares of promoters (9-10) and detractors (0-6) by wave: NPS about -12, +2, +17, +30. */
const NPS_SHARES = [
  [0.24, 0.36],
  [0.3, 0.28],
  [0.37, 0.2],
  [0.44, 0.14],
] as const;
const DETRACTOR_SCORES = [2, 3, 4, 5, 5, 6, 6, 6];

/**
 * Four survey waves to every person of the customer teams, asking about the capabilities GA by then. NPS rises
 * wave after wave (each wave's promoters and detractors are drawn to its shares exactly, so the trend is the
 * story's and not the draw's); CSAT comes mostly from teams that use the capability and rises with it.
 */
export function planWaves(ctx: VoiceContext): DemoWave[] {
  const people = ctx.customers.flatMap((team) => team.members.map((person) => ({ person, team })));
  const by = memberOf(createRandom(ctx.seed, 'voice:surveys'), ctx.platformTeam('platform-devex')).email;
  return WAVE_MONTHS.map((months, wave) => {
    const rng = createRandom(ctx.seed, `voice:survey:${wave}`);
    const opens = addMonths(ctx.windowStart, months);
    const capabilities = ctx.catalog.capabilities
      .filter((c) => c.gaDate !== null && parseDay(c.gaDate) <= opens && c.lifecycle !== 'deprecated')
      .map((c) => c.name);
    const rate = RESPONSE_RATES[wave] ?? 0.5;
    const [promoters = 0.3, detractors = 0.3] = NPS_SHARES[wave] ?? [];
    const respondents = rng.sample(people, Math.round(people.length * rate));
    const cut = [Math.round(respondents.length * promoters), Math.round(respondents.length * (promoters + detractors))];
    const answers = respondents.map(({ person, team }, i) => {
      const band = i < (cut[0] ?? 0) ? 'promoter' : i < (cut[1] ?? 0) ? 'detractor' : 'passive';
      return answer(ctx, rng, { person, team, band, wave, opens, capabilities });
    });
    return {
      title: `Platform survey ${quarterOf(opens)}`,
      opensAt: iso(workingTime(rng, opens)),
      closesAt: iso(workingTime(rng, opens + OPEN_DAYS)),
      capabilities,
      invited: people.map((p) => ({ person: p.person.name, team: p.team.name })),
      answers: answers.sort((a, b) => a.person.localeCompare(b.person)),
      by,
    };
  });
}

interface Respondent {
  person: DemoUser;
  team: DemoTeam;
  band: 'promoter' | 'passive' | 'detractor';
  wave: number;
  opens: Day;
  capabilities: string[];
}

function answer(ctx: VoiceContext, rng: Random, r: Respondent): DemoSurveyAnswer {
  const nps =
    r.band === 'promoter' ? rng.int(9, 10) : r.band === 'passive' ? rng.int(7, 8) : rng.pick(DETRACTOR_SCORES);
  const csat = r.capabilities.flatMap((capability) => {
    const adopted = ctx.adoptedOn(r.team.name, capability);
    const uses = adopted !== null && adopted <= r.opens;
    // People whose team does not use a capability mostly skip its question.
    if (!uses && !rng.chance(0.2)) return [];
    const satisfied = rng.chance(Math.min(0.92, 0.55 + 0.1 * r.wave + (uses ? 0.05 : -0.15)));
    return [{ capability, score: satisfied ? (rng.chance(0.45) ? 5 : 4) : rng.pick([1, 2, 3, 3, 3]) }];
  });
  let comment: string | null = null;
  if (rng.chance(0.25)) {
    const praise = PRAISE.filter(([c]) => c === null || r.capabilities.includes(c)).map(([, text]) => text);
    comment = r.band === 'promoter' && praise.length > 0 ? rng.pick(praise) : rng.pick(COMPLAINTS);
  }
  return {
    person: r.person.name,
    nps,
    comment,
    answeredAt: iso(workingTime(rng, r.opens + rng.int(1, OPEN_DAYS - 1))),
    csat,
  };
}
