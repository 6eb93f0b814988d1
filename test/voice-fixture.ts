import { expect } from 'vitest';
import { actor } from '../src/modules/audit/actor.js';
import { createToken } from '../src/modules/auth/service.js';
import { INPUTS, type NewFeedback } from '../src/modules/voice/feedback/contract.js';
import { createItem } from '../src/modules/voice/feedback/create-item.js';
import { resolveRefs } from '../src/modules/voice/feedback/resolve-refs.js';
import type { TestApp } from './app.js';

/**
 * A small organisation for the voice tests: platform teams plat-a (owns ci, self-access) and plat-b (owns db), and
 * customer teams t1..t5, each owning one service.
 */
export async function voiceCatalog(t: TestApp, gaDate = '2024-07-01'): Promise<void> {
  for (const name of ['plat-a', 'plat-b', 't1', 't2', 't3', 't4', 't5'])
    expect((await t.call('POST', '/api/v1/teams', { body: { name, type: 'team' } })).status).toBe(201);
  for (const [name, owner, extra] of [
    ['ci', 'plat-a', {}],
    ['db', 'plat-b', {}],
    ['self-access', 'plat-a', { gaDate }],
  ] as const)
    expect(
      (await t.call('POST', '/api/v1/capabilities', { body: { name, owner, lifecycle: 'ga', ...extra } })).status,
    ).toBe(201);
  for (const team of ['t1', 't2', 't3', 't4', 't5'])
    expect(
      (
        await t.call('POST', '/api/v1/services', {
          body: { name: `${team}-api`, type: 'service', lifecycle: 'production', owner: team },
        })
      ).status,
    ).toBe(201);
}

/** A bearer token header for a token of the given role issued for one team. */
export async function tokenFor(t: TestApp, role: 'admin' | 'member', team: string): Promise<Record<string, string>> {
  const issued = await createToken(t.database.db, {
    name: `${role}-${team}`,
    role,
    teamRef: `group:default/${team}`,
  });
  return { authorization: `Bearer ${issued.token}` };
}

/** Writes a feedback item through the feedback module's create path (past times allowed); returns its id. */
export async function addItem<K extends NewFeedback['kind']>(
  t: TestApp,
  kind: K,
  input: Record<string, unknown>,
): Promise<number> {
  const item = { kind, input: INPUTS[kind].parse(input) } as NewFeedback;
  const resolved = await resolveRefs(t.database.db, item);
  if (!resolved.ok) throw new Error(`${resolved.field}: ${resolved.reason}`);
  const row = await createItem(t.database.db, actor('voice-test', 'job'), item, resolved.refs);
  return row.id;
}
