import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { feedbackCatalog } from '../../../../test/feedback-catalog.js';

// Items of the four kinds through the API: what is stored, what is refused (and leaves nothing), who may write.
let t: TestApp;
let as: Awaited<ReturnType<typeof feedbackCatalog>>;
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('feedback')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditOf = (kind: string, id: number) =>
  t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_kind', '=', kind)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  as = await feedbackCatalog(t);
});
afterAll(() => t.close());

describe('creating items', () => {
  it('stores a pain for the member’s own team, answers its view and records who wrote it', async () => {
    const res = await as('x-dev', 'POST', '/api/v1/pains', {
      team: 'team-x',
      capability: 'cap-a',
      title: 'Builds take forever',
      body: 'Every merge waits 40 minutes',
      category: 'ci',
      severity: 2,
      hoursLostPerWeek: 6.5,
      createdAt: '2025-03-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      kind: 'pain',
      title: 'Builds take forever',
      body: 'Every merge waits 40 minutes',
      team: 'team-x',
      teamRef: 'group:default/team-x',
      capability: 'cap-a',
      capabilityRef: 'capability:default/cap-a',
      status: 'open',
      author: 'x-dev',
      source: 'paved',
      externalUrl: null,
      problem: null,
      category: 'ci',
      severity: 2,
      hoursLostPerWeek: 6.5,
      createdAt: '2025-03-01T00:00:00.000Z',
      resolvedAt: null,
    });
    const row = await t.database.db
      .selectFrom('feedback')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect([
      row.kind,
      row.severity,
      row.hours_lost_per_week,
      row.author_name,
      new Date(row.opened_at).toISOString(),
    ]).toEqual(['pain', 2, 6.5, 'x-dev', '2025-03-01T00:00:00.000Z']);
    const audit = await auditOf('pain', res.body.id);
    expect(audit.map((a) => [a.action, a.actor, a.entity_ref])).toEqual([
      ['create', 'x-dev', 'capability:default/cap-a'],
    ]);
    expect(audit[0]?.changes?.hoursLostPerWeek).toEqual({ before: null, after: 6.5 });
  });

  it('stores a request, a bug (the reporter’s team when none is named) and a support request (to the capability’s owner)', async () => {
    const request = await as('x-dev', 'POST', '/api/v1/requests', { team: 'team-x', title: 'Preview environments' });
    expect(request.status).toBe(201);
    // Reach: team-x, the author's team, is a customer team (it owns svc-x and no capability): 1, with no votes yet.
    expect(request.body).toMatchObject({
      kind: 'request',
      status: 'open',
      votes: 0,
      reach: 1,
      voted: false,
      closedAt: null,
    });
    expect(request.body).toMatchObject({ impact: null, confidence: null, effort: null });

    const bug = await as('x-dev', 'POST', '/api/v1/bugs', {
      capability: 'cap-a',
      title: 'Cache misses on every run',
      severity: 1,
      reportedAt: '2025-03-02T10:00:00Z',
    });
    expect(bug.status).toBe(201);
    expect(bug.body).toMatchObject({
      kind: 'bug',
      team: 'team-x',
      capability: 'cap-a',
      severity: 1,
      status: 'open',
      reportedAt: '2025-03-02T10:00:00.000Z',
      acknowledgedAt: null,
      fixedAt: null,
    });

    const support = await as('x-dev', 'POST', '/api/v1/support-requests', {
      team: 'team-x',
      capability: 'cap-a',
      category: 'access',
      title: 'Need access to the registry',
    });
    expect(support.status).toBe(201);
    expect(support.body).toMatchObject({
      kind: 'support',
      platformTeam: 'platform-a',
      platformTeamRef: 'group:default/platform-a',
      category: 'access',
      status: 'open',
      firstResponseAt: null,
      resolvedAt: null,
    });
    // Omitted, the opening time is now.
    expect(Date.now() - Date.parse(support.body.openedAt)).toBeLessThan(60_000);
    for (const [kind, id] of [
      ['feature-request', request.body.id],
      ['bug', bug.body.id],
      ['support-request', support.body.id],
    ])
      expect((await auditOf(kind, id)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a member writing for another team with 403, and stores nothing', async () => {
    const before = await count();
    const res = await as('y-dev', 'POST', '/api/v1/pains', {
      team: 'team-x',
      title: 'Not mine to say',
      severity: 3,
      hoursLostPerWeek: 1,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(res.body.error.message).toContain('group:default/team-x');
    // A member may not set what only the platform team knows, even for their own team.
    const acked = await as('x-dev', 'POST', '/api/v1/bugs', {
      capability: 'cap-a',
      title: 'Already acknowledged?',
      severity: 2,
      acknowledgedAt: '2025-03-03T00:00:00Z',
    });
    expect(acked.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it.each([
    ['severity 5', '/api/v1/pains', { team: 'team-x', title: 'T', severity: 5, hoursLostPerWeek: 1 }, 'severity'],
    [
      'negative hours',
      '/api/v1/pains',
      { team: 'team-x', title: 'T', severity: 1, hoursLostPerWeek: -1 },
      'hoursLostPerWeek',
    ],
    ['an unknown team', '/api/v1/requests', { team: 'nobody', title: 'T' }, 'team'],
    [
      'an unknown capability',
      '/api/v1/bugs',
      { team: 'team-x', capability: 'nothing', title: 'T', severity: 1 },
      'capability',
    ],
    [
      'fixed before reported',
      '/api/v1/bugs',
      { capability: 'cap-a', title: 'T', severity: 1, reportedAt: '2025-03-02', fixedAt: '2025-03-01' },
      'fixedAt',
    ],
    ['an unknown field', '/api/v1/requests', { team: 'team-x', title: 'T', votes: 10 }, 'votes'],
    ['an empty title', '/api/v1/requests', { team: 'team-x', title: '' }, 'title'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_case, path, body, field) => {
    const before = await count();
    const res = await t.call('POST', path, { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].field).toBe(field);
    expect(await count()).toBe(before);
  });

  it('keeps HTML in a title as plain text, unchanged', async () => {
    const title = '<script>alert("x")</script> & <b>bold</b>';
    const res = await as('x-dev', 'POST', '/api/v1/requests', { team: 'team-x', title });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe(title);
    const row = await t.database.db
      .selectFrom('feedback')
      .select('title')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe(title);
    expect((await t.call('GET', `/api/v1/requests/${res.body.id}`)).body.title).toBe(title);
  });
});
