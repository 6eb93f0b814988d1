/**
 * What the voice benchmark does on one database, once the data is loaded: the physical limits (plain scans of the
 * rows each endpoint reads), problem suggestions from scratch and after new items, and p50/p95 of the backlog, the
 * summary and the inbox over HTTP against the real server.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/schema/index.js';
import { createToken } from '../src/modules/auth/service.js';
import { dismissedItemSets, openUnplacedItems } from '../src/modules/voice/problems/repo.js';
import { suggestProblems } from '../src/modules/voice/problems/suggest/suggest-problems.js';
import type { Latency } from './http-latency.js';
import { capabilityName, teamName, TEAMS } from './voice-catalog.js';
import { SUPPORT_CATEGORIES } from './voice-data.js';
import { httpClient, latencyOf, queryLatency, timed, type Client } from './voice-http.js';
import { generateFeedback } from './voice-suggest-data.js';
import { triage, type TriageResult } from './voice-triage.js';
import { startBenchServer } from './webhooks/server.js';

export interface ScenarioPlan {
  requests: number;
  warmup: number;
  rounds: number;
  fresh: number;
  log: (message: string) => void;
}

export interface ScenarioResult {
  limits: { openScan: Latency; votesScan: Latency; summaryScan: Latency; readInput: Latency };
  scratch: { ms: number; suggestions: number; items: number };
  again: number;
  rounds: { postMs: number; ms: number }[];
  same: boolean;
  latency: { label: string; path: string; latency: Latency }[];
  triage: TriageResult;
}

interface SuggestionsBody {
  items: { items: { kind: string; id: number }[]; teams: string[]; similarity: number; reasons: string[] }[];
}

const summaryOf = (body: SuggestionsBody) => ({
  suggestions: body.items.length,
  items: body.items.reduce((n, s) => n + s.items.length, 0),
});

/** The new item as the API takes it, from a generated one (teamless ones are given a team: the API needs one). */
function newItem(item: ReturnType<typeof generateFeedback>[number], n: number): [string, Record<string, unknown>] {
  const team = item.team ?? teamName(1 + (n % TEAMS));
  const text = { title: item.title.slice(0, 200), body: item.body ?? null };
  switch (item.kind) {
    case 'pain':
      return ['/api/v1/pains', { team, ...text, severity: 1 + (n % 4), hoursLostPerWeek: 2 }];
    case 'request':
      return ['/api/v1/requests', { team, ...text }];
    case 'bug':
      return ['/api/v1/bugs', { team, capability: capabilityName(1 + (n % 30)), ...text, severity: 1 + (n % 4) }];
    case 'support':
      return ['/api/v1/support-requests', { team, category: SUPPORT_CATEGORIES[n % 10], ...text }];
  }
}

/** The suggestions computed here from scratch, the way the route did before it kept an index: to check the route. */
async function scratchSuggestions(db: Db) {
  const rows = await openUnplacedItems(db);
  const names = new Map(rows.map((r) => [r.team_ref, r.team_name]));
  const items = rows.map((r) => ({ kind: r.kind, id: r.id, team: r.team_ref, title: r.title, body: r.body }));
  return suggestProblems(items, { dismissed: await dismissedItemSets(db) }).map((s) => ({
    ...s,
    teams: s.teams.map((ref) => names.get(ref) ?? ref),
  }));
}

const comparable = (items: SuggestionsBody['items']) =>
  JSON.stringify(items.map((s) => [s.items, s.teams, s.similarity, s.reasons]));

async function physicalLimits(db: Db, runs: number) {
  return {
    openScan: await queryLatency(db, runs, (d) =>
      sql`select count(*) from feedback where problem_id is null and closed_at is null`.execute(d),
    ),
    votesScan: await queryLatency(db, runs, (d) => sql`select count(*) from request_votes`.execute(d)),
    summaryScan: await queryLatency(db, runs, (d) =>
      sql`select count(*) from feedback where kind in ('bug', 'support')`.execute(d),
    ),
    readInput: await queryLatency(db, Math.min(runs, 5), (d) => openUnplacedItems(d)),
  };
}

export async function runScenario(db: Db, plan: ScenarioPlan): Promise<ScenarioResult> {
  const { log } = plan;
  log('timing the physical limits: plain scans of the same rows');
  const limits = await physicalLimits(db, plan.requests);
  const server = await startBenchServer(db);
  const { token } = await createToken(db, { name: 'bench', role: 'admin' });
  // A new connection per phase: the server closes one left idle (keep-alive timeout) while the bench computes.
  let client: Client = httpClient(server.url, token);
  const reconnect = () => {
    client.close();
    client = httpClient(server.url, token);
  };
  try {
    log('suggestions from scratch (the first request of a new server)');
    const first = await timed(() => client.get('/api/v1/problems/suggestions') as Promise<SuggestionsBody>);
    const again = await timed(() => client.get('/api/v1/problems/suggestions'));
    const rounds: ScenarioResult['rounds'] = [];
    let last = first.value;
    for (let round = 0; round < plan.rounds; round++) {
      const fresh = generateFeedback(plan.fresh, TEAMS, 1000 + round, 1);
      const post = await timed(async () => {
        for (const [i, item] of fresh.entries()) await client.post(...newItem(item, round * plan.fresh + i));
      });
      reconnect();
      const step = await timed(() => client.get('/api/v1/problems/suggestions') as Promise<SuggestionsBody>);
      last = step.value;
      rounds.push({ postMs: post.ms, ms: step.ms });
      log(`  round ${round + 1}: ${plan.fresh} items posted, suggestions in ${step.ms.toFixed(0)} ms`);
    }
    log('checking the route against suggestions computed from scratch');
    const same = comparable(last.items) === comparable(await scratchSuggestions(db));
    log(`  same: ${same ? 'yes' : 'NO'}`);
    const latency: ScenarioResult['latency'] = [];
    const paths = [
      ['GET /backlog (first 50)', '/api/v1/backlog'],
      ['GET /voice/summary (90 days)', '/api/v1/voice/summary'],
      ['GET /voice/inbox (first 50)', '/api/v1/voice/inbox'],
    ] as const;
    for (const [label, path] of paths) {
      log(`timing ${label}`);
      reconnect();
      const measured = await latencyOf(plan.requests, plan.warmup, () => client.get(path));
      log(`  p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms`);
      latency.push({ label, path, latency: measured });
    }
    log('triage: a vote, then the backlog; an item placed in a problem, then the inbox and the suggestions');
    reconnect();
    const triaged = await triage(server.url, client);
    return {
      triage: triaged,
      limits,
      scratch: { ms: first.ms, ...summaryOf(first.value) },
      again: again.ms,
      rounds,
      same,
      latency,
    };
  } finally {
    client.close();
    await server.stop();
  }
}
