import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutated, nastyJson, nastyString, PROPERTY_RUNS } from '../../../test/arbitraries.js';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { componentDoc, documents, groupDoc } from '../../../test/descriptors.js';

// POST /events end to end: whatever the body, the answer is 200 with exactly `accepted` new rows, or a clear
// refusal (400, 413) that stores nothing. Never a 500.

let t: TestApp;

const CAPABILITY =
  'apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: golden-ci }\nspec: { owner: team-a, lifecycle: ga }\n';

beforeAll(async () => {
  t = await createTestApp();
  const content = documents(groupDoc('team-a'), componentDoc('api', 'team-a'), CAPABILITY);
  expect(
    (await t.call('POST', '/api/v1/imports/backstage', { body: { files: [{ path: 'a.yaml', content }] } })).status,
  ).toBe(200);
});
afterAll(() => t.close());

const EVENT = { capability: 'golden-ci', service: 'api', timestamp: '2025-03-01T12:00:00Z', count: 2, actor: 'jane' };

const storedEvents = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('usage_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /events, with generated batches', () => {
  it('stores exactly the accepted events, or refuses clearly and stores nothing', async () => {
    const body = fc.oneof(
      fc.array(fc.oneof(mutated(EVENT), nastyJson), { maxLength: 4 }).map((b) => JSON.stringify(b)),
      nastyString,
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const before = await storedEvents();
        const res = await t.call('POST', '/api/v1/events', {
          body: text,
          headers: { 'content-type': 'application/json' },
        });
        expect([200, 400, 413]).toContain(res.status);
        const after = await storedEvents();
        if (res.status === 200) expect(after - before).toBe(res.body.accepted);
        else expect(after).toBe(before);
      }),
      { ...PROPERTY_RUNS, numRuns: 30 },
    );
  });
});
