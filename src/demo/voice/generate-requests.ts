import type { Day } from '../adoption-dates.js';
import type { DemoTeam } from '../demo-catalog.js';
import { uniform } from '../../shared/distributions.js';
import { createRandom, type Random } from '../../shared/random.js';
import { blankItem } from './generate-pains.js';
import { EVENT_STREAMING_REQUESTS, OTHER_REQUESTS } from './other-texts.js';
import { THEME_TEXTS, type Text } from './theme-texts.js';
import { THEMES, type Theme } from './themes.js';
import { DAY_MS, iso, memberOf, workingTime, type VoiceContext } from './voice-context.js';
import type { DemoFeedbackItem, DemoRice, DemoVote } from './voice-plan.js';
import { wording } from './wording.js';

const IMPACTS = [0.5, 1, 2] as const;
const CONFIDENCES = [50, 80, 100] as const;

function rice(rng: Random): DemoRice {
  return { impact: rng.pick(IMPACTS), confidence: rng.pick(CONFIDENCES), effort: rng.int(2, 12) };
}

interface Draft {
  rng: Random;
  text: Text;
  team: DemoTeam;
  opened: Day;
  /** Teams whose people vote for it, and how keen they are. */
  voters: DemoTeam[];
  keenness: number;
}

/**
 * Feature requests with their votes. A theme's requests were opened by teams that feel it, and voted for by people
 * of those teams until their team adopted the capability built for it; a request answered by a GA capability was
 * asked before the GA and is done since (history older than the window when the capability is). A request of a
 * theme whose capability is in beta is planned; those of accepted themes belong to their problem; the rest wait in
 * the backlog, most with RICE set.
 */
export function planRequests(
  ctx: VoiceContext,
  feels: Map<string, DemoTeam[]>,
): { items: DemoFeedbackItem[]; votes: DemoVote[] } {
  const items: DemoFeedbackItem[] = [];
  const votes: DemoVote[] = [];
  const add = (draft: Draft, item: Partial<DemoFeedbackItem>, until: (team: DemoTeam) => Day) => {
    const { title, body } = wording(draft.rng, draft.text, null, false);
    const opened = workingTime(draft.rng, draft.opened);
    const request: DemoFeedbackItem = {
      ...blankItem(ctx.nextKey('request'), 'request'),
      team: draft.team.name,
      author: memberOf(draft.rng, draft.team).name,
      title,
      body,
      openedAt: iso(opened),
      requestStatus: 'open',
      ...item,
    };
    items.push(request);
    votes.push(...votesFor(draft, request, opened, until));
    return request;
  };

  for (const theme of THEMES) {
    const rng = createRandom(ctx.seed, `voice:requests:${theme.key}`);
    const teams = feels.get(theme.key) ?? [];
    for (const text of THEME_TEXTS[theme.key]?.requests ?? []) {
      const draft = { rng, text, team: rng.pick(teams), voters: teams, keenness: uniform(rng, 0.12, 0.4), opened: 0 };
      const ga = ctx.gaOf(theme.relief);
      const relief = (team: DemoTeam) => ctx.adoptedOn(team.name, theme.relief) ?? ctx.today;
      if (ga !== null) {
        const done = ga + rng.int(0, 14);
        draft.opened = rng.int(ga - 270, ga - 21);
        add(
          draft,
          {
            ...themed(theme),
            requestStatus: done < ctx.today ? 'done' : 'planned',
            closedAt: done < ctx.today ? iso(workingTime(rng, done)) : null,
          },
          (team) => Math.min(done, relief(team)),
        );
      } else {
        draft.opened = rng.int(ctx.windowStart + 30, ctx.today - 45);
        const planned = theme.relief !== null;
        add(
          draft,
          { ...themed(theme), requestStatus: planned ? 'planned' : 'open', rice: theme.problem ? null : rice(rng) },
          relief,
        );
      }
    }
  }

  const rng = createRandom(ctx.seed, 'voice:requests:other');
  const everyone = ctx.customers;
  OTHER_REQUESTS.forEach((text, i) => {
    const draft = {
      rng,
      text,
      team: rng.pick(everyone),
      voters: everyone,
      keenness: uniform(rng, 0.02, 0.1),
      opened: 0,
    };
    draft.opened = rng.int(ctx.windowStart + 30, ctx.today - 30);
    // One was declined a month after it was asked: the platform will not run a GraphQL gateway.
    const declined = i === 0;
    add(
      draft,
      declined
        ? { requestStatus: 'declined', closedAt: iso(workingTime(rng, draft.opened + 30)) }
        : { rice: rng.chance(0.5) ? rice(rng) : null },
      () => (declined ? draft.opened + 30 : ctx.today),
    );
  });
  const adopters = ctx.customers.filter((t) => ctx.adoptedOn(t.name, 'event-streaming') !== null);
  EVENT_STREAMING_REQUESTS.forEach((text, n) => {
    const team = rng.pick(adopters.length > 0 ? adopters : everyone);
    const draft = { rng, text, team, voters: everyone, keenness: uniform(rng, 0.03, 0.12), opened: 0 };
    draft.opened = rng.int(ctx.today - 270, ctx.today - 40);
    const request = add(draft, { capability: 'event-streaming', requestStatus: 'planned' }, () => ctx.today);
    // Asked on the capability's repository: the author is the team member's GitHub login.
    request.github = {
      repository: 'acme/event-streaming',
      url: `https://github.com/acme/event-streaming/issues/${40 + n * 7}`,
      login: (request.author ?? 'someone').replace('.', '-'),
    };
  });
  return { items, votes };
}

function themed(theme: Theme): Partial<DemoFeedbackItem> {
  return { theme: theme.key, capability: theme.relief, problem: theme.problem?.key ?? null };
}

/** Each person of the voting teams votes with the request's keenness, while it is open and their pain lasts. */
function votesFor(draft: Draft, request: DemoFeedbackItem, openedMs: number, until: (team: DemoTeam) => Day) {
  const votes: DemoVote[] = [];
  for (const team of draft.voters) {
    const last = until(team) - 1;
    for (const person of team.members) {
      if (person.name === request.author || !draft.rng.chance(draft.keenness)) continue;
      if (last <= draft.opened) continue;
      const at = Math.max(workingTime(draft.rng, draft.rng.int(draft.opened, last)), openedMs + 3_600_000);
      if (at >= (last + 1) * DAY_MS) continue;
      votes.push({ request: request.key, person: person.name, team: team.name, at: iso(at) });
    }
  }
  return votes;
}
