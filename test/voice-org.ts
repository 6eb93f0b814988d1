import { expect } from 'vitest';
import { inTransaction } from '../src/db/transaction.js';
import { actor } from '../src/modules/audit/actor.js';
import type { NewFeedback } from '../src/modules/voice/feedback/contract.js';
import { createItem } from '../src/modules/voice/feedback/create-item.js';
import { resolveRefs, type ResolvedRefs } from '../src/modules/voice/feedback/resolve-refs.js';
import type { FeedbackSource } from '../src/db/schema/voice.js';
import type { TestApp } from './app.js';

/**
 * A small organisation for the voice tests: customer teams alpha, beta, gamma and delta (each owns a service),
 * the platform team platform-a (owns the capability cap-a, and a service: still a platform team), and idle (a group
 * that owns nothing, so not a customer team).
 */
export async function voiceOrg(t: TestApp): Promise<void> {
  const ok = async (path: string, body: unknown) => expect((await t.call('POST', path, { body })).status).toBe(201);
  for (const name of ['alpha', 'beta', 'gamma', 'delta', 'platform-a', 'platform-b', 'idle'])
    await ok('/api/v1/teams', { name, type: 'team' });
  await ok('/api/v1/capabilities', { name: 'cap-a', owner: 'platform-a', lifecycle: 'ga' });
  await ok('/api/v1/capabilities', { name: 'cap-b', owner: 'platform-b', lifecycle: 'ga' });
  for (const team of ['alpha', 'beta', 'gamma', 'delta', 'platform-a'])
    await ok('/api/v1/services', { name: `svc-${team}`, type: 'service', lifecycle: 'production', owner: team });
}

/** Writes one feedback item through the feedback module's create path; returns its id. */
export async function addItem(
  t: TestApp,
  item: NewFeedback,
  options: { refs?: ResolvedRefs; source?: FeedbackSource } = {},
): Promise<number> {
  const db = t.database.db;
  return inTransaction(db, async (tx) => {
    let refs = options.refs;
    if (!refs) {
      const resolved = await resolveRefs(tx, item);
      if (!resolved.ok) throw new Error(`${resolved.field}: ${resolved.reason}`);
      refs = resolved.refs;
    }
    return (await createItem(tx, actor('voice-test', 'job'), item, refs, options.source)).id;
  });
}

/** A pain; with `resolvedAt`, written on 2026-01-01 and resolved then. */
export function pain(team: string, title: string, severity: number, hoursLostPerWeek: number, resolvedAt?: string) {
  const resolved = resolvedAt ? { createdAt: new Date('2026-01-01T00:00:00Z'), resolvedAt: new Date(resolvedAt) } : {};
  return { kind: 'pain', input: { team, title, severity, hoursLostPerWeek, ...resolved } } satisfies NewFeedback;
}

export const request = (team: string, title: string) =>
  ({ kind: 'request', input: { team, title } }) satisfies NewFeedback;

/**
 * Votes are cast through the votes route, which the feedback module owns; these tests seed them straight into
 * request_votes (test setup only), with the voter's teams at the vote as the route would store them, and touch the
 * request as the route does (the backlog's cache sees changed requests by their updated_at).
 */
export async function seedVote(t: TestApp, requestId: number, person: string, teams: string[]): Promise<void> {
  await t.database.db
    .insertInto('request_votes')
    .values({
      request_id: requestId,
      person_ref: `user:default/${person}`,
      teams: JSON.stringify(teams.map((team) => `group:default/${team}`)),
    })
    .execute();
  await t.database.db.updateTable('feedback').set({ updated_at: new Date() }).where('id', '=', requestId).execute();
}
