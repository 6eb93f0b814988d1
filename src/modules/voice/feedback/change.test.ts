import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { feedbackCatalog } from '../../../../test/feedback-catalog.js';

// Changing items and commenting on them: the team changes its voice, the answerable platform team what only it
// knows; a refused change leaves the item as it was.
let t: TestApp;
let as: Awaited<ReturnType<typeof feedbackCatalog>>;
const stored = (id: number) =>
  t.database.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const lastAudit = () =>
  t.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  as = await feedbackCatalog(t);
});
afterAll(() => t.close());

async function newBug() {
  const res = await as('x-dev', 'POST', '/api/v1/bugs', {
    capability: 'cap-a',
    title: 'Cache misses',
    severity: 2,
    reportedAt: '2025-03-02T10:00:00Z',
  });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

describe('changing a bug', () => {
  it('lets only the capability’s platform team acknowledge it; the status follows, and the audit shows before → after', async () => {
    const id = await newBug();
    const ack = { acknowledgedAt: '2025-03-02T12:00:00Z' };
    for (const who of ['x-dev', 'b-admin']) {
      const refused = await as(who, 'PATCH', `/api/v1/bugs/${id}`, ack);
      expect([who, refused.status, refused.body.error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    expect((await stored(id)).responded_at).toBeNull();

    const res = await as('a-admin', 'PATCH', `/api/v1/bugs/${id}`, ack);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: '2025-03-02T12:00:00.000Z',
      fixedAt: null,
    });
    const row = await stored(id);
    expect([row.status, new Date(row.responded_at!).toISOString()]).toEqual([
      'acknowledged',
      '2025-03-02T12:00:00.000Z',
    ]);
    const audit = await lastAudit();
    expect([audit.action, audit.actor, audit.entity_kind, audit.entity_id]).toEqual([
      'update',
      'a-admin',
      'bug',
      String(id),
    ]);
    expect(audit.changes).toEqual({
      acknowledgedAt: { before: null, after: '2025-03-02T12:00:00.000Z' },
      status: { before: 'open', after: 'acknowledged' },
    });

    const fixed = await as('a-admin', 'PATCH', `/api/v1/bugs/${id}`, { fixedAt: '2025-03-03T09:00:00Z' });
    expect(fixed.body).toMatchObject({ status: 'fixed', fixedAt: '2025-03-03T09:00:00.000Z' });
    // Reopened: the fix time emptied, the status back to acknowledged.
    const reopened = await as('a-admin', 'PATCH', `/api/v1/bugs/${id}`, { fixedAt: null });
    expect(reopened.body).toMatchObject({ status: 'acknowledged', fixedAt: null });
  });

  it('lets the team change its words but not the platform team, and refuses times out of order naming the field', async () => {
    const id = await newBug();
    const refused = await as('a-admin', 'PATCH', `/api/v1/bugs/${id}`, { title: 'Renamed by the platform' });
    expect(refused.status).toBe(403);
    const res = await as('x-dev', 'PATCH', `/api/v1/bugs/${id}`, { title: 'Cache misses on main', severity: 1 });
    expect(res.body).toMatchObject({ title: 'Cache misses on main', severity: 1 });

    const early = await as('a-admin', 'PATCH', `/api/v1/bugs/${id}`, { fixedAt: '2025-03-01T00:00:00Z' });
    expect(early.status).toBe(400);
    expect(early.body.error.details).toEqual([{ field: 'fixedAt', reason: 'must not be before reportedAt' }]);
    for (const [patch, field] of [
      [{ severity: 0 }, 'severity'],
      [{ reportedAt: null }, 'reportedAt'],
      [{ votes: 3 }, 'votes'],
    ] as const) {
      const bad = await as('x-dev', 'PATCH', `/api/v1/bugs/${id}`, patch);
      expect([bad.status, bad.body.error.details[0].field]).toEqual([400, field]);
    }
    const row = await stored(id);
    expect([row.title, row.severity, row.closed_at]).toEqual(['Cache misses on main', 1, null]);
  });

  it('answers 404 for an item that is not there, or of another kind', async () => {
    const id = await newBug();
    expect((await t.call('PATCH', '/api/v1/bugs/999999', { body: { title: 'x' } })).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/pains/${id}`, { body: { title: 'x' } })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/pains/${id}`)).status).toBe(404);
  });
});

describe('changing a request, a pain, a support request', () => {
  it('keeps a request’s status and closing time consistent; only its platform team decides them', async () => {
    const created = await as('x-dev', 'POST', '/api/v1/requests', {
      team: 'team-x',
      capability: 'cap-a',
      title: 'Preview envs',
      createdAt: '2025-05-01',
    });
    const path = `/api/v1/requests/${created.body.id}`;
    expect((await as('x-dev', 'PATCH', path, { status: 'planned' })).status).toBe(403);
    const planned = await as('a-admin', 'PATCH', path, { status: 'planned', impact: 2, confidence: 80, effort: 3 });
    expect(planned.body).toMatchObject({ status: 'planned', closedAt: null, impact: 2, confidence: 80, effort: 3 });
    const done = await as('a-admin', 'PATCH', path, { status: 'done', closedAt: '2025-06-01' });
    expect(done.body).toMatchObject({ status: 'done', closedAt: '2025-06-01T00:00:00.000Z' });
    const contradictory = await as('a-admin', 'PATCH', path, { status: 'open', closedAt: '2025-06-02' });
    expect([contradictory.status, contradictory.body.error.details[0].field]).toEqual([400, 'closedAt']);
    const reopened = await as('a-admin', 'PATCH', path, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
    const impact = await as('a-admin', 'PATCH', path, { impact: 1.5 });
    expect([impact.status, impact.body.error.details[0].field]).toEqual([400, 'impact']);
  });

  it('lets a team resolve its own pain, and move it only to another of its teams', async () => {
    const created = await as('x-dev', 'POST', '/api/v1/pains', {
      team: 'team-x',
      title: 'Flaky tests',
      severity: 3,
      hoursLostPerWeek: 2,
    });
    const path = `/api/v1/pains/${created.body.id}`;
    const resolved = await as('x-dev', 'PATCH', path, { resolvedAt: new Date().toISOString() });
    expect(resolved.body.status).toBe('resolved');
    const moved = await as('x-dev', 'PATCH', path, { team: 'team-y' });
    expect(moved.status).toBe(403);
    expect((await as('x-dev', 'PATCH', path, { team: 'nobody' })).body.error.details[0].field).toBe('team');
    expect((await stored(created.body.id)).status).toBe('resolved');
  });

  it('moves a support request with its capability to that capability’s owner', async () => {
    const created = await as('x-dev', 'POST', '/api/v1/support-requests', {
      team: 'team-x',
      capability: 'cap-a',
      category: 'access',
      title: 'Registry access',
    });
    const res = await as('x-dev', 'PATCH', `/api/v1/support-requests/${created.body.id}`, { capability: 'cap-b' });
    expect(res.body).toMatchObject({ capability: 'cap-b', platformTeam: 'platform-b' });
    // Now platform-b answers it, not platform-a.
    const respond = { firstResponseAt: new Date().toISOString() };
    expect((await as('a-admin', 'PATCH', `/api/v1/support-requests/${created.body.id}`, respond)).status).toBe(403);
    expect((await as('b-admin', 'PATCH', `/api/v1/support-requests/${created.body.id}`, respond)).body.status).toBe(
      'responded',
    );
  });
});

describe('comments', () => {
  it('lets the team and the answerable platform team comment; the platform team’s first comment is the first response', async () => {
    const created = await as('x-dev', 'POST', '/api/v1/support-requests', {
      team: 'team-x',
      capability: 'cap-a',
      category: 'access',
      title: 'Token expired',
    });
    const path = `/api/v1/support-requests/${created.body.id}/comments`;
    const mine = await as('x-dev', 'POST', path, { body: 'It expired <b>again</b>' });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ author: 'x-dev', body: 'It expired <b>again</b>', source: 'paved' });
    expect((await stored(created.body.id)).responded_at).toBeNull();

    for (const who of ['y-dev', 'b-admin'])
      expect((await as(who, 'POST', path, { body: 'not mine' })).status).toBe(403);
    const answer = await as('a-admin', 'POST', path, { body: 'Renewed it' });
    expect(answer.status).toBe(201);
    const item = await t.call('GET', `/api/v1/support-requests/${created.body.id}`);
    expect(item.body).toMatchObject({ status: 'responded', firstResponseAt: answer.body.createdAt });

    const list = await t.call('GET', `${path}?limit=1`, { role: 'viewer' });
    expect(list.body.items.map((c: { body: string }) => c.body)).toEqual(['It expired <b>again</b>']);
    const next = await t.call('GET', `${path}?limit=1&cursor=${list.body.nextCursor}`, { role: 'viewer' });
    expect([next.body.items.map((c: { body: string }) => c.body), next.body.nextCursor]).toEqual([
      ['Renewed it'],
      null,
    ]);
  });
});
