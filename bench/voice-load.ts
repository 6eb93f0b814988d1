/**
 * Loads the voice benchmark's data into a fresh database: problems and the rest through Kysely, feedback items and
 * votes through COPY (the fastest way each backend has to take rows, timed: the physical limit the load is quoted
 * against). Planner statistics are refreshed after, as a server's autovacuum would (PGlite has none: ANALYZE only).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../src/db/schema/index.js';
import { createRandom } from '../src/shared/random.js';
import { loadParaphrasedFeedback } from '../test/fixtures/voice/paraphrased-feedback.js';
import type { BackendName, BenchDatabase } from './bench-database.js';
import { PLATFORM_TEAMS, TEAMS, type CatalogIds } from './voice-catalog.js';
import {
  FEEDBACK_COLUMNS,
  HISTORY_DAYS,
  PROBLEMS,
  SUPPORT_CATEGORIES,
  VOTE_COLUMNS,
  generateItems,
  generateVotes,
} from './voice-data.js';

const DAY = 86_400_000;
const CONVERSATIONS = 3_000;

export interface Loaded {
  items: number;
  openUnplaced: number;
  requests: number;
  votes: number;
  /** COPY of the items and of the votes, alone. */
  copyItemsMs: number;
  copyVotesMs: number;
  /** Everything: generating, writing the files, COPY, the rest, statistics. */
  totalMs: number;
}

async function timedCopy(database: BenchDatabase, table: string, columns: readonly string[], path: string) {
  const started = performance.now();
  await database.copyFrom(table, columns, path);
  return performance.now() - started;
}

async function insertProblems(db: Db): Promise<number[]> {
  const random = createRandom(42, 'voice-bench-problems');
  const descriptions = Object.values(loadParaphrasedFeedback().problems).map((p) => p.description);
  const rows = Array.from({ length: PROBLEMS }, (_, i) => {
    const rice = random.chance(0.4);
    return {
      title: `${descriptions[i % descriptions.length] as string}${i >= descriptions.length ? ` (${i})` : ''}`,
      impact: rice ? random.pick([0.5, 1, 2, 3]) : null,
      confidence: rice ? random.pick([50, 80, 100]) : null,
      effort: rice ? random.pick([1, 2, 4, 8, 13]) : null,
      created_by: 'bench',
    };
  });
  const inserted = await db.insertInto('problems').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

/** Conversations over the history, SLA policies for every capability, support categories half made self-service. */
async function insertTheRest(db: Db, ids: CatalogIds, end: number): Promise<void> {
  const random = createRandom(42, 'voice-bench-rest');
  const conversations = Array.from({ length: CONVERSATIONS }, () => ({
    team_id: ids.teams[random.int(1, TEAMS)] as number,
    platform_team_id: ids.platformTeams[random.int(1, PLATFORM_TEAMS)] as number,
    occurred_on: new Date(end - random.next() * HISTORY_DAYS * DAY).toISOString().slice(0, 10),
    people: JSON.stringify(['bench person']),
    channel: 'call',
    notes: 'Talked through their pains.',
    created_by: 'bench',
  }));
  for (let i = 0; i < conversations.length; i += 1000)
    await db
      .insertInto('conversations')
      .values(conversations.slice(i, i + 1000))
      .execute();
  const policies = ids.capabilities.slice(1).flatMap((c) =>
    [1, 2, 3, 4].map((severity) => ({
      capability_id: c.id,
      severity,
      acknowledge_hours: [4, 8, 24, 72][severity - 1] as number,
      fix_hours: [24, 72, 168, 720][severity - 1] as number,
    })),
  );
  await db.insertInto('sla_policies').values(policies).execute();
  await db
    .insertInto('support_categories')
    .values(
      SUPPORT_CATEGORIES.map((category, i) => ({
        category,
        capability_id: i % 2 === 0 ? (ids.capabilities[i + 1] as { id: number }).id : null,
      })),
    )
    .execute();
}

/** A few dismissed suggestions, as triage leaves behind: pairs of open items in no problem. */
async function insertDismissed(db: Db): Promise<void> {
  const open = await db
    .selectFrom('feedback')
    .select('id')
    .where('problem_id', 'is', null)
    .where('closed_at', 'is', null)
    .orderBy('id')
    .limit(40)
    .execute();
  const rows = [];
  for (let i = 0; i + 1 < open.length; i += 2)
    rows.push({ item_ids: JSON.stringify([open[i]?.id, open[i + 1]?.id]), dismissed_by: 'bench' });
  if (rows.length > 0) await db.insertInto('dismissed_suggestions').values(rows).execute();
}

/** Loads `items` feedback items and `votes` votes (history ending at `end`) into a migrated database with the catalog. */
export async function loadVoice(
  database: BenchDatabase,
  backend: BackendName,
  ids: CatalogIds,
  scale: { items: number; votes: number },
  dir: string,
  end: number,
): Promise<Loaded> {
  const started = performance.now();
  const { db } = database.handle;
  const problems = await insertProblems(db);
  const items = generateItems(scale.items, ids, problems, end);
  const itemsPath = join(dir, 'feedback.csv');
  await writeFile(itemsPath, `${items.lines.join('\n')}\n`);
  const copyItemsMs = await timedCopy(database, 'feedback', FEEDBACK_COLUMNS, itemsPath);

  const requests = await db
    .selectFrom('feedback')
    .select(['id', 'opened_at'])
    .where('kind', '=', 'request')
    .orderBy('id')
    .execute();
  const opened = new Map(requests.map((r) => [r.id, new Date(r.opened_at).getTime()]));
  const votesPath = join(dir, 'votes.csv');
  const votes = generateVotes(scale.votes, [...opened.keys()], opened, end);
  await writeFile(votesPath, `${votes.join('\n')}\n`);
  const copyVotesMs = await timedCopy(database, 'request_votes', VOTE_COLUMNS, votesPath);

  await insertTheRest(db, ids, end);
  await insertDismissed(db);
  // What a server's autovacuum does after such a load; PGlite has none, so it gets statistics only.
  if (backend === 'postgres') await sql`vacuum analyze`.execute(db);
  else await sql`analyze`.execute(db);
  return {
    items: scale.items,
    openUnplaced: items.openUnplaced,
    requests: requests.length,
    votes: votes.length,
    copyItemsMs,
    copyVotesMs,
    totalMs: performance.now() - started,
  };
}
