import { addMonths } from '../adoption-dates.js';
import { logNormal, poisson } from '../../shared/distributions.js';
import { createRandom, type Random } from '../../shared/random.js';
import { blankItem, servicesByTeam } from './generate-pains.js';
import { BUG_TEXTS } from './other-texts.js';
import { BASE_SLA } from './themes.js';
import { DAY_MS, hoursLater, iso, memberOf, workingTime, type VoiceContext } from './voice-context.js';
import type { DemoFeedbackItem, DemoVoicePlan } from './voice-plan.js';
import { wording } from './wording.js';

/** A capability's SLA against BASE_SLA: what production depends on is promised faster, betas slower. */
const SLA_SCALE: Record<string, number> = {
  'progressive-delivery': 0.5,
  'secrets-injection': 0.5,
  'managed-postgres': 0.5,
  'slo-as-code': 2,
  'event-streaming': 2,
  'service-templates': 2,
  'jenkins-shared-library': 2,
};
/** Bugs a month per team using the capability. */
const BUGS_PER_TEAM_MONTH = 0.09;
const SEVERITY_WEIGHTS = [6, 24, 45, 25];
/** GitHub logins of people outside the catalog: their issues stay teamless, for triage. */
const UNKNOWN_LOGINS = ['pkumar42', 'marta-dev', 'contractor-jd', 'ext-qa-team'];

export function planSlaPolicies(): DemoVoicePlan['slaPolicies'] {
  return Object.keys(BUG_TEXTS).map((capability) => ({
    capability,
    severities: BASE_SLA.map((s) => ({
      severity: s.severity,
      acknowledgeHours: s.acknowledgeHours * (SLA_SCALE[capability] ?? 1),
      fixHours: s.fixHours * (SLA_SCALE[capability] ?? 1),
    })),
  }));
}

/**
 * Bugs reported by the teams using each capability, more as more teams use it. Early on the platform teams
 * acknowledge and fix them late (about half past their SLA); over the two years they get well within it. A bug
 * whose fix (or acknowledgement) would come after today is still open. Some came from GitHub issues, a few from
 * people Paved cannot place.
 */
export function planBugs(ctx: VoiceContext, policies: DemoVoicePlan['slaPolicies']): DemoFeedbackItem[] {
  const services = servicesByTeam(ctx);
  const items: DemoFeedbackItem[] = [];
  const todayMs = ctx.today * DAY_MS;
  for (const { capability, severities } of policies) {
    const rng = createRandom(ctx.seed, `voice:bugs:${capability}`);
    const texts = BUG_TEXTS[capability] ?? [];
    const adopters = ctx.customers.flatMap((team) => {
      const on = ctx.adoptedOn(team.name, capability);
      return on === null ? [] : [{ team, on }];
    });
    let issue = 100;
    for (let month = ctx.windowStart; month < ctx.today; month = addMonths(month, 1)) {
      const monthEnd = Math.min(addMonths(month, 1), ctx.today);
      const using = adopters.filter((a) => a.on < monthEnd);
      const rate = (BUGS_PER_TEAM_MONTH * using.length * (monthEnd - month)) / 30;
      for (let n = using.length === 0 ? 0 : poisson(rng, rate); n > 0; n--) {
        const { team, on } = rng.pick(using);
        const day = rng.int(Math.max(month, on), monthEnd - 1);
        const severity = rng.weightedIndex(SEVERITY_WEIGHTS) + 1;
        const sla = severities.find((s) => s.severity === severity) ?? severities[0];
        if (!sla) continue;
        const opened = workingTime(rng, day);
        const times = handling(rng, ctx, day, opened, sla);
        const { title, body } = wording(rng, rng.pick(texts), rng.pick(services.get(team.name) ?? [null]), false);
        const author = memberOf(rng, team).name;
        const github = rng.chance(0.15)
          ? {
              repository: `acme/${capability}`,
              url: `https://github.com/acme/${capability}/issues/${(issue += rng.int(1, 9))}`,
              login: author.replace('.', '-'),
            }
          : null;
        items.push({
          ...blankItem(ctx.nextKey('bug'), 'bug'),
          team: team.name,
          capability,
          author,
          title,
          body,
          severity,
          openedAt: iso(opened),
          respondedAt: times.ack < todayMs ? iso(times.ack) : null,
          closedAt: times.fix < todayMs ? iso(times.fix) : null,
          github,
        });
      }
    }
  }
  items.push(...unplacedBugs(ctx));
  return items;
}

/** How long acknowledging and fixing took: a multiple of the SLA whose median shrinks from 1.5 to 0.35. */
function handling(
  rng: Random,
  ctx: VoiceContext,
  day: number,
  opened: number,
  sla: { acknowledgeHours: number; fixHours: number },
) {
  const progress = Math.min(1, Math.max(0, (day - ctx.windowStart) / (ctx.today - ctx.windowStart)));
  const ack = hoursLater(opened, sla.acknowledgeHours * logNormal(rng, 1.5 - 1.15 * progress, 0.7));
  const fix = Math.max(ack, hoursLater(opened, sla.fixHours * logNormal(rng, 1.5 - 1.15 * progress, 0.6)));
  return { ack, fix };
}

/** Issues opened on GitHub by people outside the catalog in the last weeks: kept, teamless, waiting for triage. */
function unplacedBugs(ctx: VoiceContext): DemoFeedbackItem[] {
  const rng = createRandom(ctx.seed, 'voice:bugs:unplaced');
  const capabilities = ['golden-ci', 'service-telemetry', 'feature-flags', 'base-images'];
  return UNKNOWN_LOGINS.map((login, i) => {
    const capability = capabilities[i % capabilities.length] ?? 'golden-ci';
    const texts = BUG_TEXTS[capability] ?? [];
    const { title, body } = wording(rng, rng.pick(texts), null, false);
    return {
      ...blankItem(ctx.nextKey('bug'), 'bug'),
      capability,
      title,
      body,
      severity: rng.int(2, 4),
      openedAt: iso(workingTime(rng, ctx.today - rng.int(2, 45))),
      github: {
        repository: `acme/${capability}`,
        url: `https://github.com/acme/${capability}/issues/${rng.int(300, 400)}`,
        login,
      },
    };
  });
}
