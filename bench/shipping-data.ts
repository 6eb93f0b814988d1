/**
 * The shipping benchmark's data, generated from a fixed seed and loaded with COPY (the fastest way each backend
 * takes rows; the releases' COPY is timed as the load's physical limit): a repository per service; adoption
 * signals so that each team uses 2 to 8 capabilities (detections at their latest scan, and usage events in the
 * last 30 days for a fifth of the pairs), requests and votes so that teams also ask for capabilities they do not
 * use; RELEASES releases over two years (mixed types, Markdown notes), some closing requests, their notes viewed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createRandom, type Random } from '../src/shared/random.js';
import type { BackendName, BenchDatabase } from './bench-database.js';
import {
  CAPABILITIES,
  capabilityName,
  PEOPLE_PER_TEAM,
  personRef,
  SERVICES_PER_TEAM,
  serviceName,
  TEAMS,
  teamName,
  teamOfPerson,
  type ShippingIds,
} from './shipping-catalog.js';
import { releaseNotes, releaseTitle } from './shipping-notes.js';
import { csvLine } from './voice-data.js';

export const RELEASES = 5_000;
export const REQUESTS = 4_000;
export const VOTES = 20_000;
export const VIEWS = 30_000;
export const HISTORY_DAYS = 730;
const DAY = 86_400_000;
const TYPES = ['feature', 'fix', 'security', 'breaking', 'deprecation'] as const;
const TYPE_WEIGHTS = [45, 35, 8, 6, 6];

export interface LoadedShipping {
  rows: Record<string, number>;
  /** COPY of the releases alone, and everything (generating, files, COPY, statistics). */
  copyReleasesMs: number;
  totalMs: number;
  /** Capability number → the teams that use it (for the report: how many teams one release concerns). */
  usedPairs: number;
  askedPairs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Capability popularity: a few are used by most teams, most by a few (weights 1/c^0.9). */
const popularity = Array.from({ length: CAPABILITIES }, (_, i) => 1 / (i + 1) ** 0.9);
const pickCapability = (r: Random) => r.weightedIndex(popularity) + 1;

async function copy(database: BenchDatabase, dir: string, table: string, columns: string[], lines: string[]) {
  const path = join(dir, `${table}.csv`);
  await writeFile(path, `${lines.join('\n')}\n`);
  const started = performance.now();
  await database.copyFrom(table, columns, path);
  return performance.now() - started;
}

/** Each team's capabilities in use: 2 to 8 distinct, drawn by popularity. */
function usage(r: Random): Set<number>[] {
  const used: Set<number>[] = [new Set()];
  for (let t = 1; t <= TEAMS; t++) {
    const set = new Set<number>();
    const want = r.int(2, 8);
    while (set.size < want) set.add(pickCapability(r));
    used.push(set);
  }
  return used;
}

/** Releases: times spread over the history, capabilities by popularity, versions rising with each one's type. */
function releaseLines(r: Random, ids: ShippingIds, end: number) {
  const times = Array.from({ length: RELEASES }, () => end - r.next() * HISTORY_DAYS * DAY).sort((a, b) => a - b);
  const versions = Array.from({ length: CAPABILITIES + 1 }, () => [1, 0, 0]);
  const lines: string[] = [];
  const capabilityOf: number[] = [];
  for (const at of times) {
    const c = r.chance(0.3) ? r.int(1, CAPABILITIES) : pickCapability(r);
    const type = TYPES[r.weightedIndex(TYPE_WEIGHTS)] as (typeof TYPES)[number];
    const v = versions[c] as number[];
    if (type === 'breaking') v.splice(0, 3, (v[0] as number) + 1, 0, 0);
    else if (type === 'feature' || type === 'deprecation') v.splice(1, 2, (v[1] as number) + 1, 0);
    else v[2] = (v[2] as number) + 1;
    const deadline = type === 'breaking' || type === 'deprecation' ? iso(at + r.int(60, 180) * DAY).slice(0, 10) : null;
    const title = r.chance(0.9) ? releaseTitle(r) : null;
    const notes = releaseNotes(r, type, capabilityName(c));
    lines.push(
      csvLine([
        ids.capabilities[c] as number,
        v.join('.'),
        type,
        title,
        notes,
        iso(at),
        deadline,
        'bench',
        iso(at),
        iso(at),
      ]),
    );
    capabilityOf.push(c);
  }
  return { lines, capabilityOf };
}

export async function loadShipping(
  database: BenchDatabase,
  backend: BackendName,
  ids: ShippingIds,
  dir: string,
  end: number,
): Promise<LoadedShipping> {
  const started = performance.now();
  const { db } = database.handle;
  const r = createRandom(42, 'shipping-bench');
  const rows: Record<string, number> = {};
  const load = async (table: string, columns: string[], lines: string[]) => {
    rows[table] = lines.length;
    return copy(database, dir, table, columns, lines);
  };

  // A repository per service, scanned: its detections are the capabilities it matches now.
  const repoLines = ids.services.map((id, i) => {
    const t = Math.floor(i / SERVICES_PER_TEAM) + 1;
    const name = serviceName(t, (i % SERVICES_PER_TEAM) + 1);
    return csvLine([`/bench/repos/${name}`, name, id]);
  });
  await load('repositories', ['path', 'name', 'service_id'], repoLines);
  const repos = await db.selectFrom('repositories').select(['id', 'service_id']).execute();
  const repoOf = new Map(repos.map((x) => [x.service_id, x.id]));

  const used = usage(r);
  const detections: string[] = [];
  const events: string[] = [];
  let usedPairs = 0;
  for (let t = 1; t <= TEAMS; t++) {
    const services = [0, 1].map((s) => repoOf.get(ids.services[(t - 1) * SERVICES_PER_TEAM + s] as number));
    for (const c of used[t] as Set<number>) {
      usedPairs++;
      const capability = ids.capabilities[c] as number;
      const adopted = end - r.int(1, HISTORY_DAYS) * DAY;
      if (r.chance(0.8)) {
        for (const repo of r.chance(0.5) ? services : [r.pick(services)])
          detections.push(csvLine([repo as number, capability, 'true', 'abc123', iso(end - DAY), iso(adopted)]));
      } else {
        for (let k = r.int(1, 6); k > 0; k--)
          events.push(
            csvLine([capability, ids.teams[t] as number, 'deploy', iso(end - r.next() * 29 * DAY), r.int(1, 20)]),
          );
      }
    }
    // A churned capability: matched once, no longer (not a use).
    if (r.chance(0.3)) {
      const c = pickCapability(r);
      if (!(used[t] as Set<number>).has(c))
        detections.push(
          csvLine([
            services[0] as number,
            ids.capabilities[c] as number,
            'false',
            'abc123',
            iso(end - DAY),
            iso(end - 400 * DAY),
          ]),
        );
    }
    // Old events (before the 30 days) that no longer make a use.
    if (r.chance(0.5))
      events.push(
        csvLine([
          ids.capabilities[pickCapability(r)] as number,
          ids.teams[t] as number,
          'deploy',
          iso(end - r.int(40, 300) * DAY),
          1,
        ]),
      );
  }
  await load(
    'detections',
    ['repository_id', 'capability_id', 'matched', 'commit', 'commit_date', 'adopted_at'],
    detections,
  );
  await load('usage_events', ['capability_id', 'team_id', 'action', 'occurred_at', 'count'], events);

  // Requests from teams, most on a capability they do not use yet; votes from people of every team.
  const requestLines: string[] = [];
  const askedPairs = new Set<string>();
  for (let i = 0; i < REQUESTS; i++) {
    const t = r.int(1, TEAMS);
    const c = pickCapability(r);
    askedPairs.add(`${t} ${c}`);
    const person = (t - 1) * PEOPLE_PER_TEAM + r.int(1, PEOPLE_PER_TEAM);
    const status = r.pick(['open', 'open', 'planned', 'done', 'declined']);
    const title = `Please: ${releaseTitle(r).toLowerCase()}`;
    requestLines.push(
      csvLine([
        'request',
        ids.teams[t] as number,
        ids.capabilities[c] as number,
        personRef(person),
        title,
        'We need this.',
        status,
        iso(end - r.next() * HISTORY_DAYS * DAY),
      ]),
    );
  }
  await load(
    'feedback',
    ['kind', 'team_id', 'capability_id', 'author_ref', 'title', 'body', 'status', 'opened_at'],
    requestLines,
  );
  const requests = await db
    .selectFrom('feedback')
    .select(['id', 'capability_id'])
    .where('kind', '=', 'request')
    .orderBy('id')
    .execute();
  const voteLines: string[] = [];
  const voted = new Set<string>();
  while (voteLines.length < VOTES) {
    const request = requests[Math.floor(requests.length * r.next() ** 2)] as (typeof requests)[number];
    const person = r.int(1, TEAMS * PEOPLE_PER_TEAM);
    if (voted.has(`${request.id} ${person}`)) continue;
    voted.add(`${request.id} ${person}`);
    const team = teamOfPerson(person);
    const c = ids.capabilities.indexOf(request.capability_id as number);
    askedPairs.add(`${team} ${c}`);
    voteLines.push(
      csvLine([
        request.id,
        personRef(person),
        JSON.stringify([`group:default/${teamName(team)}`]),
        iso(end - r.next() * 300 * DAY),
      ]),
    );
  }
  await load('request_votes', ['request_id', 'person_ref', 'teams', 'voted_at'], voteLines);

  const releases = releaseLines(r, ids, end);
  const columns = [
    'capability_id',
    'version',
    'type',
    'title',
    'notes',
    'released_at',
    'deadline',
    'created_by',
    'created_at',
    'updated_at',
  ];
  const copyReleasesMs = await load('releases', columns, releases.lines);
  const releaseIds = (await db.selectFrom('releases').select('id').orderBy('id').execute()).map((x) => x.id);

  // A sixth of the releases close one or two requests on their capability; their notes are read by teams.
  const requestsOf = new Map<number, number[]>();
  for (const q of requests)
    requestsOf.set(q.capability_id as number, [...(requestsOf.get(q.capability_id as number) ?? []), q.id]);
  const closes = new Set<string>();
  releaseIds.forEach((id, i) => {
    const open = requestsOf.get(ids.capabilities[releases.capabilityOf[i] as number] as number) ?? [];
    if (open.length > 0 && r.chance(1 / 6))
      for (let k = r.int(1, 2); k > 0; k--) closes.add(csvLine([id, 'request', r.pick(open)]));
  });
  await load('release_closes', ['release_id', 'kind', 'target_id'], [...closes]);
  const views = Array.from({ length: VIEWS }, () => {
    const i = Math.floor(releaseIds.length * (1 - r.next() ** 3)); // recent releases are read more
    const c = ids.capabilities[releases.capabilityOf[i] as number] as number;
    const t = r.int(1, TEAMS);
    return csvLine([
      c,
      `group:default/${teamName(t)}`,
      personRef((t - 1) * PEOPLE_PER_TEAM + 1),
      'release-notes',
      iso(end - r.next() * 30 * DAY),
      releaseIds[i] as number,
    ]);
  });
  await load('capability_views', ['capability_id', 'team_ref', 'subject', 'kind', 'viewed_at', 'release_id'], views);

  // What a server's autovacuum does after such a load; PGlite has none, so it gets statistics only.
  if (backend === 'postgres') await sql`vacuum analyze`.execute(db);
  else await sql`analyze`.execute(db);
  return { rows, copyReleasesMs, totalMs: performance.now() - started, usedPairs, askedPairs: askedPairs.size };
}
