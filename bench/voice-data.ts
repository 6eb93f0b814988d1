/**
 * The voice benchmark's feedback, generated (seeded: every run writes the same rows) and written as CSV for COPY:
 * ITEMS items over two years with the evaluation set's paraphrased text (bench/voice-suggest-data.ts), each kind with
 * the times, severities and statuses the product records, a few percent placed in problems; VOTES votes on the
 * requests, popular requests drawing most; conversations, SLA policies and support categories for the summary.
 */
import { createRandom, type Random } from '../src/shared/random.js';
import type { SuggestItem } from '../src/modules/voice/problems/suggest/types.js';
import { PEOPLE_PER_TEAM, TEAMS, personRef, teamName, type CatalogIds } from './voice-catalog.js';
import { generateFeedback } from './voice-suggest-data.js';

export const HISTORY_DAYS = 730;
export const PROBLEMS = 300;
const DAY = 86_400_000;
const HOUR = 3_600_000;
export const SUPPORT_CATEGORIES = [
  'access',
  'ci',
  'deploy',
  'dns',
  'certificates',
  'databases',
  'observability',
  'secrets',
  'quota',
  'onboarding',
];
const PAIN_CATEGORIES = ['ci', 'deploy', 'observability', 'docs', 'testing', 'security', 'cost'];

export const FEEDBACK_COLUMNS = [
  'kind',
  'team_id',
  'capability_id',
  'platform_team_id',
  'author_ref',
  'author_name',
  'title',
  'body',
  'category',
  'severity',
  'hours_lost_per_week',
  'status',
  'opened_at',
  'responded_at',
  'closed_at',
  'problem_id',
  'impact',
  'confidence',
  'effort',
  'source',
  'external_id',
  'created_at',
  'updated_at',
] as const;
export const VOTE_COLUMNS = ['request_id', 'person_ref', 'teams', 'voted_at'] as const;

type Cell = string | number | null;

/** A CSV line as COPY reads it: null is an empty unquoted field, every text quoted. */
export function csvLine(cells: readonly Cell[]): string {
  return cells
    .map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : `"${c.replace(/"/g, '""')}"`))
    .join(',');
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Hours drawn from a log-normal around `median` (spread 1: a tenth to ten times the median, mostly). */
const hoursAround = (random: Random, median: number) =>
  median * Math.exp(Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next()));

/** The person who wrote an item for team t (1-based): one of its PEOPLE_PER_TEAM people. */
const authorOf = (random: Random, t: number) => (t - 1) * PEOPLE_PER_TEAM + random.int(1, PEOPLE_PER_TEAM);

interface Times {
  opened: number;
  responded: number | null;
  closed: number | null;
  status: string;
}

/** Each kind's times and status, as the product would have recorded them by `end`. */
function timesOf(kind: SuggestItem['kind'], random: Random, opened: number, end: number): Times {
  const before = (t: number | null) => (t !== null && t < end ? t : null);
  switch (kind) {
    case 'pain': {
      const closed = random.chance(0.15) ? before(opened + random.int(7, 200) * DAY) : null;
      return { opened, responded: null, closed, status: closed ? 'resolved' : 'open' };
    }
    case 'request': {
      const r = random.next();
      const closed = r < 0.06 ? before(opened + random.int(14, 300) * DAY) : null;
      const status = closed ? (r < 0.04 ? 'done' : 'declined') : r < 0.09 ? 'planned' : 'open';
      return { opened, responded: null, closed, status };
    }
    case 'bug': {
      const responded = random.chance(0.9) ? before(opened + hoursAround(random, 12) * HOUR) : null;
      const closed = responded && random.chance(0.6) ? before(responded + hoursAround(random, 90) * HOUR) : null;
      return { opened, responded, closed, status: closed ? 'fixed' : responded ? 'acknowledged' : 'open' };
    }
    case 'support': {
      const responded = random.chance(0.95) ? before(opened + hoursAround(random, 3) * HOUR) : null;
      const closed = responded && random.chance(0.7) ? before(responded + hoursAround(random, 24) * HOUR) : null;
      return { opened, responded, closed, status: closed ? 'resolved' : responded ? 'responded' : 'open' };
    }
  }
}

const IMPACTS = [0.25, 0.5, 1, 2, 3];
const riceOf = (random: Random): [number, number, number] | [null, null, null] =>
  random.chance(0.05)
    ? [random.pick(IMPACTS), random.pick([50, 80, 100]), random.pick([0.5, 1, 2, 4, 8])]
    : [null, null, null];

export interface GeneratedFeedback {
  /** CSV lines in opened order (the database numbers them in that order). */
  lines: string[];
  /** Per line: whether the item is a request (votes go to requests), and when it was opened. */
  requests: { line: number; opened: number }[];
  openUnplaced: number;
}

/**
 * `count` items with their text from the evaluation set, opened over the HISTORY_DAYS before `end`; about 3 % in
 * one of the problems (ids `problems`), 5 % of requests with RICE inputs set.
 */
export function generateItems(count: number, ids: CatalogIds, problems: number[], end: number): GeneratedFeedback {
  const random = createRandom(42, 'voice-bench-items');
  const texts = generateFeedback(count, TEAMS, 42);
  const opened = Array.from({ length: count }, () => end - random.next() * HISTORY_DAYS * DAY).sort((a, b) => a - b);
  const lines: string[] = [];
  const requests: { line: number; opened: number }[] = [];
  let openUnplaced = 0;
  texts.forEach((item, i) => {
    const at = opened[i] as number;
    const t = item.team === null ? null : Number(item.team.slice('team-'.length));
    const c = random.int(1, ids.capabilities.length - 1);
    const capability = ids.capabilities[c] as { id: number; owner: number };
    const withCapability = item.kind === 'bug' || random.chance(item.kind === 'pain' ? 0.5 : 0.65);
    const times = timesOf(item.kind, random, at, end);
    const problem = random.chance(0.03) ? random.pick(problems) : null;
    if (problem === null && times.closed === null) openUnplaced++;
    const [impact, confidence, effort] = item.kind === 'request' ? riceOf(random) : [null, null, null];
    const author = t === null ? null : authorOf(random, t);
    const external = random.chance(0.05) ? `bench/issue-${i}` : null;
    if (item.kind === 'request') requests.push({ line: i, opened: at });
    lines.push(
      csvLine([
        item.kind,
        t === null ? null : (ids.teams[t] as number),
        withCapability ? capability.id : null,
        item.kind === 'support' ? capability.owner : null,
        author === null ? null : personRef(author),
        author === null ? 'unknown author' : `Person ${author}`,
        item.title.slice(0, 200),
        item.body ?? null,
        item.kind === 'support'
          ? random.pick(SUPPORT_CATEGORIES)
          : item.kind === 'pain'
            ? random.pick(PAIN_CATEGORIES)
            : null,
        item.kind === 'pain' || item.kind === 'bug' ? random.pick([1, 2, 2, 3, 3, 3, 4, 4]) : null,
        item.kind === 'pain' ? random.pick([0.5, 1, 2, 3, 4, 6, 8, 12, 20]) : null,
        times.status,
        iso(times.opened),
        times.responded === null ? null : iso(times.responded),
        times.closed === null ? null : iso(times.closed),
        problem,
        impact,
        confidence,
        effort,
        external ? 'github' : 'paved',
        external,
        iso(times.opened),
        iso(times.closed ?? times.responded ?? times.opened),
      ]),
    );
  });
  return { lines, requests, openUnplaced };
}

/** The teams a person is in: their own, and the next one for one person in twenty. */
export function teamsOfPerson(p: number): string[] {
  const t = Math.floor((p - 1) / PEOPLE_PER_TEAM) + 1;
  const own = `group:default/${teamName(t)}`;
  return p % 20 === 0 ? [own, `group:default/${teamName((t % TEAMS) + 1)}`] : [own];
}

/**
 * `count` votes, one per person and request: a request is drawn with weight falling with its rank (a few draw
 * hundreds of votes, most a handful), a voter uniformly among the people, the vote after the request was written.
 */
export function generateVotes(
  count: number,
  requestIds: number[],
  openedById: Map<number, number>,
  end: number,
): string[] {
  const random = createRandom(42, 'voice-bench-votes');
  const people = TEAMS * PEOPLE_PER_TEAM;
  const order = random.shuffle(requestIds);
  const seen = new Set<number>();
  const lines: string[] = [];
  while (lines.length < count) {
    const request = order[Math.floor(order.length * random.next() ** 2.5)] as number;
    const person = random.int(1, people);
    const key = request * (people + 1) + person;
    if (seen.has(key)) continue;
    seen.add(key);
    const opened = openedById.get(request) as number;
    const at = opened + random.next() * (end - opened);
    lines.push(csvLine([request, personRef(person), JSON.stringify(teamsOfPerson(person)), iso(at)]));
  }
  return lines;
}
