import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { answer, seedSurveyOrg, tokensOf } from '../../../../test/survey-org.js';

// NPS, CSAT, response rate, the change from the previous wave and the team breakdown, each computed by hand from
// DOMAIN.md (Survey): NPS = % of 9-10 − % of 0-6; CSAT = % of 4-5; response rate = answered / invited; a team's
// breakdown only when at least 3 of its people answered.
let t: TestApp;
let previousId: number;
let waveId: number;

async function createWave(body: Record<string, unknown>): Promise<number> {
  const res = await t.call('POST', '/api/v1/surveys', { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

async function answerAll(id: number, answers: Record<string, Record<string, unknown>>) {
  const tokens = await tokensOf(t, id);
  for (const [person, body] of Object.entries(answers)) {
    const res = await answer(t, { token: tokens[person], ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

beforeAll(async () => {
  t = await createTestApp({ secretKey: randomBytes(32) });
  await seedSurveyOrg(t);
  // The previous wave: every customer team, cap-a only. 4 of 9 answered.
  previousId = await createWave({ title: 'Spring', capabilities: ['cap-a'] });
  await answerAll(previousId, {
    ann: { nps: 10, csat: { 'cap-a': 5 } },
    bob: { nps: 9, csat: { 'cap-a': 2 } },
    cat: { nps: 5, csat: { 'cap-a': 4 } },
    dan: { nps: 8 },
  });
  expect((await t.call('PATCH', `/api/v1/surveys/${previousId}`, { body: { status: 'closed' } })).status).toBe(200);

  waveId = await createWave({ title: 'Autumn', capabilities: ['cap-a', 'cap-b'] });
  await answerAll(waveId, {
    // bob first answers 2, then changes his mind: only his second answer counts.
    bob: { nps: 2, csat: { 'cap-a': 1 } },
    ann: { nps: 10, csat: { 'cap-a': 5, 'cap-b': 3 }, comment: '<script>alert(1)</script> builds are slow' },
  });
  await answerAll(waveId, {
    bob: { nps: 9, csat: { 'cap-a': 4 } },
    cat: { nps: 6, csat: { 'cap-a': 2, 'cap-b': 4 } },
    dan: { nps: 8, csat: { 'cap-a': 3, 'cap-b': 5 } },
    eve: { nps: 0, csat: { 'cap-a': 1 }, comment: 'docs are hard to find' },
    fay: { nps: 10, csat: { 'cap-a': 5 } },
    hal: { nps: 7 },
  });
});
afterAll(() => t.close());

describe('survey results', () => {
  it('computes NPS, its answers, response rate and the change from the previous wave', async () => {
    const res = await t.call('GET', `/api/v1/surveys/${waveId}/results`, { role: 'viewer' });
    expect(res.status).toBe(200);
    // This wave: 7 answers (ann 10, bob 9, cat 6, dan 8, eve 0, fay 10, hal 7) of 9 invited (pat, of the platform
    // team, is no customer). Promoters 9-10: ann, bob, fay = 3; detractors 0-6: cat, eve = 2.
    // NPS = (3 − 2) / 7 × 100 = 14.2857… → 14.3; response rate = 7 / 9 = 0.7778.
    // Previous wave: 10, 9, 5, 8: promoters 2, detractors 1 → (2 − 1) / 4 × 100 = 25; response rate 4 / 9 = 0.4444.
    // Change = 14.3 − 25 = −10.7.
    expect(res.body.nps).toEqual({
      value: 14.3,
      answers: 7,
      responseRate: 0.7778,
      previous: { waveId: previousId, value: 25, answers: 4, responseRate: 0.4444 },
      change: -10.7,
    });
  });

  it('computes CSAT per capability with its answers, against the previous wave when it asked too', async () => {
    const { body } = await t.call('GET', `/api/v1/surveys/${waveId}/results`);
    // cap-a: 5, 4, 2, 3, 1, 5 → 4-5: 3 of 6 = 50 %. Previous: 5, 2, 4 → 2 of 3 = 66.7 %. Change 50 − 66.7 = −16.7.
    // cap-b: 3, 4, 5 → 2 of 3 = 66.7 %; the previous wave did not ask about cap-b.
    expect(body.csat).toEqual([
      {
        capability: 'cap-a',
        title: 'Golden CI',
        value: 50,
        answers: 6,
        previous: { waveId: previousId, value: 66.7, answers: 3 },
        change: -16.7,
      },
      { capability: 'cap-b', title: 'Paved Road Deploys', value: 66.7, answers: 3, previous: null, change: null },
    ]);
  });

  it('shows a team breakdown only where at least 3 of its people answered, and says why otherwise', async () => {
    const { body } = await t.call('GET', `/api/v1/surveys/${waveId}/results`);
    expect(body.teams).toEqual([
      // team-x: ann 10, bob 9, cat 6, dan 8, eve 0 (5 of 5). Promoters 2, detractors 2 → 0.
      // cap-a: 5, 4, 2, 3, 1 → 2 of 5 = 40 %; cap-b: 3, 4, 5 → 2 of 3 = 66.7 %.
      {
        team: 'team-x',
        invited: 5,
        answers: 5,
        responseRate: 1,
        shown: true,
        nps: 0,
        csat: [
          { capability: 'cap-a', value: 40, answers: 5 },
          { capability: 'cap-b', value: 66.7, answers: 3 },
        ],
      },
      // team-y: eve and fay of eve, fay, gus: 2 answers, hidden. 2 / 3 = 0.6667.
      {
        team: 'team-y',
        invited: 3,
        answers: 2,
        responseRate: 0.6667,
        shown: false,
        nps: null,
        csat: [],
        reason: 'fewer than 3 people of this team answered (2)',
      },
      {
        team: 'team-z',
        invited: 2,
        answers: 1,
        responseRate: 0.5,
        shown: false,
        nps: null,
        csat: [],
        reason: 'fewer than 3 people of this team answered (1)',
      },
    ]);
  });

  it('lists comments as text, newest first, with neither name nor team', async () => {
    const { body } = await t.call('GET', `/api/v1/surveys/${waveId}/results`);
    const today = new Date().toISOString().slice(0, 10);
    expect(body.comments).toEqual([
      { text: 'docs are hard to find', answeredAt: today },
      { text: '<script>alert(1)</script> builds are slow', answeredAt: today },
    ]);
    expect(JSON.stringify(body.comments)).not.toMatch(/eve|ann|team-/);
  });

  it('counts an answer given twice once, as the second one', async () => {
    const db = t.database.db;
    const bob = await db
      .selectFrom('survey_invitations as i')
      .innerJoin('survey_answers as a', 'a.invitation_id', 'i.id')
      .select(['a.nps', 'i.id'])
      .where('i.wave_id', '=', waveId)
      .where('i.person_ref', '=', 'user:default/bob')
      .execute();
    expect(bob.map((b) => b.nps)).toEqual([9]);
    const scores = await db
      .selectFrom('survey_csat_scores')
      .select('score')
      .where('invitation_id', '=', bob[0]?.id ?? 0)
      .execute();
    expect(scores.map((s) => s.score)).toEqual([4]);
  });

  it('has no previous wave for the first one, and 404 for a wave that does not exist', async () => {
    const { body } = await t.call('GET', `/api/v1/surveys/${previousId}/results`);
    expect(body.nps.previous).toBeNull();
    expect(body.nps.change).toBeNull();
    const missing = await t.call('GET', '/api/v1/surveys/999999/results');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});
