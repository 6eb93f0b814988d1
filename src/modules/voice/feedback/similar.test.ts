import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { feedbackCatalog } from '../../../../test/feedback-catalog.js';

// "Vote for this instead": open items whose titles look like the one being typed, most similar first.
let t: TestApp;
const ids: Record<string, number> = {};
const similar = async (query: string) => {
  const res = await t.call('GET', `/api/v1/feedback/similar?${query}`, { role: 'viewer' });
  expect(res.status).toBe(200);
  return res.body.items as { kind: string; id: number; title: string; votes: number | null; similarity: number }[];
};

beforeAll(async () => {
  t = await createTestApp();
  await feedbackCatalog(t);
  const create = async (key: string, path: string, body: Record<string, unknown>) => {
    const res = await t.call('POST', `/api/v1/${path}`, { body });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  };
  await create('request', 'requests', { team: 'team-x', title: 'Slow builds' });
  await create('pain', 'pains', { team: 'team-x', title: 'Slow build', severity: 2, hoursLostPerWeek: 4 });
  await create('fixed', 'bugs', {
    team: 'team-x',
    capability: 'cap-a',
    title: 'Slow build',
    severity: 2,
    reportedAt: '2025-01-01',
    fixedAt: '2025-01-02',
  });
  await create('docs', 'pains', { team: 'team-x', title: 'Docs are outdated', severity: 4, hoursLostPerWeek: 1 });
  for (let i = 1; i <= 7; i++)
    await create(`flaky${i}`, 'pains', { team: 'team-z', title: `Flaky tests ${i}`, severity: 3, hoursLostPerWeek: 1 });
  await t.database.db
    .insertInto('request_votes')
    .values(['ann', 'bob'].map((p) => ({ request_id: ids.request!, person_ref: `user:default/${p}`, teams: '[]' })))
    .execute();
});
afterAll(() => t.close());

it('finds open items with similar titles, the closest first, with a request’s votes', async () => {
  // Trigrams of "slow build": {"  s"," sl",slo,low,"ow ","  b"," bu",bui,uil,ild,"ld "}, 11. "slow builds" has 12:
  // the same but "ld " becomes lds and "ds ", so they share 10. similarity = 10 / (11 + 12 − 10) = 10/13 = 0.769;
  // word_similarity (the typed title within the stored one) = 10/11 = 0.909; the greater counts.
  expect(await similar('title=slow%20build')).toEqual([
    {
      kind: 'pain',
      id: ids.pain,
      title: 'Slow build',
      team: 'team-x',
      teamRef: 'group:default/team-x',
      votes: null,
      similarity: 1,
    },
    {
      kind: 'request',
      id: ids.request,
      title: 'Slow builds',
      team: 'team-x',
      teamRef: 'group:default/team-x',
      votes: 2,
      similarity: 0.909,
    },
  ]);
  // The fixed bug titled "Slow build" is closed, so it is not offered; nothing like "docs" came up either.
});

it('narrows to a kind or a team, and answers at most 5', async () => {
  expect((await similar('title=Slow%20build&kind=request')).map((i) => i.id)).toEqual([ids.request]);
  expect(await similar('title=Slow%20build&team=team-y')).toEqual([]);
  const flaky = await similar('title=flaky%20tests&team=team-z');
  // All seven contain "flaky tests" whole (word similarity 1): the newest five, by id.
  expect(flaky.map((i) => i.title)).toEqual([
    'Flaky tests 7',
    'Flaky tests 6',
    'Flaky tests 5',
    'Flaky tests 4',
    'Flaky tests 3',
  ]);
  expect(await similar('title=zzzz')).toEqual([]);
});

it('refuses a missing title or an unknown kind, naming the field', async () => {
  for (const [query, field] of [
    ['kind=pain', 'title'],
    ['title=x&kind=idea', 'kind'],
  ]) {
    const res = await t.call('GET', `/api/v1/feedback/similar?${query}`);
    expect([res.status, res.body.error.details[0].field]).toEqual([400, field]);
  }
});
