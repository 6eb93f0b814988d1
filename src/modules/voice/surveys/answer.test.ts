import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { answer, seedSurveyOrg, tokensOf } from '../../../../test/survey-org.js';

let t: TestApp;
let waveId: number;
let tokens: Record<string, string>;

/** Everything an answer writes, to show a refusal wrote none of it. */
async function stored() {
  const db = t.database.db;
  return {
    answers: await db.selectFrom('survey_answers').selectAll().orderBy('invitation_id').execute(),
    scores: await db
      .selectFrom('survey_csat_scores')
      .selectAll()
      .orderBy('invitation_id')
      .orderBy('capability_id')
      .execute(),
    audit: (await db.selectFrom('audit_log').select('id').execute()).length,
  };
}

beforeAll(async () => {
  t = await createTestApp({ secretKey: randomBytes(32) });
  await seedSurveyOrg(t);
  const made = await t.call('POST', '/api/v1/surveys', {
    body: { title: 'Pulse', teams: ['team-x'], capabilities: ['cap-a', 'cap-b'] },
  });
  waveId = made.body.id;
  tokens = await tokensOf(t, waveId);
});
afterAll(() => t.close());

describe('answering through a personal link', () => {
  it('shows the questions without signing in', async () => {
    const res = await t.call('GET', `/api/v1/surveys/answer?token=${tokens.ann}`, { role: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      title: 'Pulse',
      closesAt: null,
      nps: { question: 'How likely are you to recommend the platform to a colleague?' },
      csat: [
        { capability: 'cap-a', title: 'Golden CI', question: 'How satisfied are you with Golden CI?' },
        {
          capability: 'cap-b',
          title: 'Paved Road Deploys',
          question: 'How satisfied are you with Paved Road Deploys?',
        },
      ],
      answered: false,
      answer: null,
    });
  });

  it('stores an answer, and a second one replaces it with its scores', async () => {
    const first = await answer(t, { token: tokens.ann, nps: 3, csat: { 'cap-a': 2, 'cap-b': 5 }, comment: 'meh' });
    expect(first).toEqual({ status: 200, body: { answered: true } });
    const second = await answer(t, { token: tokens.ann, nps: 9, csat: { 'cap-a': 4 } });
    expect(second.status).toBe(200);
    const now = await stored();
    expect(now.answers.map((a) => [a.nps, a.comment])).toEqual([[9, null]]);
    expect(now.scores.map((s) => s.score)).toEqual([4]);
    const view = await t.call('GET', `/api/v1/surveys/answer?token=${tokens.ann}`, { role: null });
    expect(view.body).toMatchObject({ answered: true, answer: { nps: 9, csat: { 'cap-a': 4 }, comment: null } });
  });

  it('records who answered as "an invited person", never a name nor the answer, with the channel', async () => {
    await answer(t, { token: tokens.bob, nps: 7 }, { 'sec-fetch-site': 'same-origin' });
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['actor', 'person', 'channel', 'entity_kind', 'entity_id', 'summary', 'changes'])
      .where('action', '=', 'answer')
      .orderBy('id')
      .execute();
    expect(entries.at(-1)).toEqual({
      actor: 'survey link',
      person: null,
      channel: 'ui',
      entity_kind: 'survey',
      entity_id: String(waveId),
      summary: 'An invited person answered the survey "Pulse"',
      changes: null,
    });
    expect(entries[0]?.channel).toBe('api');
  });
});

describe('bad input changes nothing', () => {
  const refused: [string, Record<string, unknown>, number, string, string | null][] = [
    ['nps 11', { nps: 11 }, 400, 'VALIDATION_FAILED', 'nps'],
    ['nps -1', { nps: -1 }, 400, 'VALIDATION_FAILED', 'nps'],
    ['nps 7.5', { nps: 7.5 }, 400, 'VALIDATION_FAILED', 'nps'],
    ['csat 0', { nps: 5, csat: { 'cap-a': 0 } }, 400, 'VALIDATION_FAILED', 'csat.cap-a'],
    ['csat 6', { nps: 5, csat: { 'cap-b': 6 } }, 400, 'VALIDATION_FAILED', 'csat.cap-b'],
    ['a capability not asked', { nps: 5, csat: { 'cap-zz': 3 } }, 400, 'VALIDATION_FAILED', 'csat.cap-zz'],
    ['a capability twice', { nps: 5, csat: { 'cap-a': 3, 'CAP-A': 4 } }, 400, 'VALIDATION_FAILED', 'csat.CAP-A'],
  ];
  for (const [what, body, status, code, field] of refused) {
    it(`refuses ${what} naming the field`, async () => {
      const before = await stored();
      const res = await answer(t, { token: tokens.cat, ...body });
      expect([res.status, res.body.error.code, res.body.error.details?.[0]?.field ?? null]).toEqual([
        status,
        code,
        field,
      ]);
      expect(res.body.error.message).toMatch(new RegExp(`^${field?.replace('.', '\\.')}: `));
      expect(await stored()).toEqual(before);
    });
  }

  it('answers 404 for an unknown token, 401 without one', async () => {
    const before = await stored();
    const unknown = await answer(t, { token: 'not-a-token', nps: 5 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({
      code: 'NOT_FOUND',
      message: 'this survey link is not known: check that it was copied whole, or ask for a new one',
    });
    expect((await t.call('GET', '/api/v1/surveys/answer?token=nope', { role: null })).status).toBe(404);
    const none = await answer(t, { nps: 5 });
    expect([none.status, none.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await t.call('GET', '/api/v1/surveys/answer', { role: null })).status).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it('answers 410 for a wave past its closing time, and for a closed wave, keeping the earlier answer', async () => {
    const db = t.database.db;
    await db
      .updateTable('survey_waves')
      .set({ opens_at: '2020-01-01T00:00:00Z', closes_at: '2020-02-01T00:00:00Z' })
      .where('id', '=', waveId)
      .execute();
    const before = await stored();
    const expired = await answer(t, { token: tokens.ann, nps: 1 });
    expect(expired.status).toBe(410);
    expect(expired.body.error).toEqual({
      code: 'GONE',
      message: 'the survey "Pulse" closed on 2020-02-01; answers are no longer taken',
      details: { reason: 'expired' },
    });
    await db.updateTable('survey_waves').set({ closes_at: null }).where('id', '=', waveId).execute();
    expect((await t.call('PATCH', `/api/v1/surveys/${waveId}`, { body: { status: 'closed' } })).status).toBe(200);
    const afterClose = await stored();
    const closed = await answer(t, { token: tokens.ann, nps: 1 });
    expect(closed.status).toBe(410);
    expect(closed.body.error).toMatchObject({ code: 'GONE', details: { reason: 'closed' } });
    const view = await t.call('GET', `/api/v1/surveys/answer?token=${tokens.ann}`, { role: null });
    expect(view.status).toBe(410);
    expect(await stored()).toEqual(afterClose);
    expect(afterClose.answers).toEqual(before.answers);
    expect(afterClose.answers.find((a) => a.nps === 9)).toBeDefined();
  });
});
