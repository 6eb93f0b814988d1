import { expect } from 'vitest';
import type { ReleaseType } from '../src/db/schema/shipping.js';
import type { TestApp } from './app.js';
import { addItem, seedVote } from './voice-org.js';

const DAY = 86_400_000;
/** A time `days` days before now (negative: after), for signals and releases relative to the test's run. */
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/**
 * A hand-made organisation for the shipping tests. Platform team platform-a owns cap-a and cap-b; each customer team
 * has one service (svc-<team>) and comes to cap-a in one way:
 * - det: its service's repository matches cap-a at its latest scan (a matched detection);
 * - evt: its service sent a usage event of cap-a 10 days ago;
 * - old: its service sent one 40 days ago only (older than 30 days: does not count);
 * - decl: declared "using" cap-a;
 * - quit: declared "using", then "stopped" (its latest declaration: does not count);
 * - req: wrote a request on cap-a;
 * - vote: one of its people voted for req's request;
 * - gone: its repository matched once but no longer does (matched = false: does not count).
 * cap-b: det uses it through an event sent by team (no service), so det is interested in both.
 */
export async function shippingOrg(t: TestApp): Promise<Record<string, number>> {
  const ok = async (path: string, body: unknown) => {
    const res = await t.call('POST', path, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const teams = ['det', 'evt', 'old', 'decl', 'quit', 'req', 'vote', 'gone'];
  for (const name of ['platform-a', ...teams]) await ok('/api/v1/teams', { name, type: 'team' });
  const ids: Record<string, number> = {};
  for (const cap of ['cap-a', 'cap-b'])
    ids[cap] = (await ok('/api/v1/capabilities', { name: cap, owner: 'platform-a', lifecycle: 'ga' })).id;
  for (const team of teams)
    ids[team] = (
      await ok('/api/v1/services', { name: `svc-${team}`, type: 'service', lifecycle: 'production', owner: team })
    ).id;
  const db = t.database.db;
  const entity = async (ref: string) =>
    (await db.selectFrom('entities').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()).id;
  const capA = await entity('capability:default/cap-a');
  const capB = await entity('capability:default/cap-b');
  ids.capA = capA;
  ids.capB = capB;
  const svc = (team: string) => entity(`component:default/svc-${team}`);
  for (const [team, matched] of [
    ['det', true],
    ['gone', false],
  ] as const) {
    const repo = await db
      .insertInto('repositories')
      .values({ path: `/src/${team}`, name: team, service_id: await svc(team) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('detections')
      .values({
        repository_id: repo.id,
        capability_id: capA,
        matched,
        evidence: '[]',
        commit: 'a'.repeat(40),
        commit_date: daysAgo(5),
        adopted_at: daysAgo(100),
        unmatched_since: matched ? null : daysAgo(5),
      })
      .execute();
  }
  await db
    .insertInto('usage_events')
    .values([
      { capability_id: capA, service_id: await svc('evt'), occurred_at: daysAgo(10) },
      { capability_id: capA, service_id: await svc('old'), occurred_at: daysAgo(40) },
      { capability_id: capB, team_id: await entity('group:default/det'), occurred_at: daysAgo(1) },
    ])
    .execute();
  const declare = (team: string, status: string, date: string) =>
    ok('/api/v1/capabilities/cap-a/declarations', { team, status, date });
  await declare('decl', 'using', '2026-01-01');
  await declare('quit', 'using', '2026-01-01');
  await declare('quit', 'stopped', '2026-02-01');
  ids.request = await addItem(t, { kind: 'request', input: { team: 'req', capability: 'cap-a', title: 'Faster' } });
  await seedVote(t, ids.request, 'vic', ['vote']);
  return ids;
}

/** A release written straight into the table (the releases API is another module's). */
export async function addRelease(
  t: TestApp,
  r: {
    capabilityId: number | null;
    version: string;
    type: ReleaseType;
    title?: string | null;
    notes?: string;
    at: Date;
    deadline?: string | null;
  },
): Promise<number> {
  const row = await t.database.db
    .insertInto('releases')
    .values({
      capability_id: r.capabilityId,
      version: r.version,
      type: r.type,
      title: r.title ?? null,
      notes: r.notes ?? '',
      released_at: r.at,
      deadline: r.deadline ?? null,
      created_at: r.at,
      updated_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
