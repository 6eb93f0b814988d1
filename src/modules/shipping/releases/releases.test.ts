import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, request, voiceOrg } from '../../../../test/voice-org.js';
import { createToken } from '../../auth/service.js';

// voiceOrg: cap-a is owned by platform-a, cap-b by platform-b. A token of each platform team writes releases.
let t: TestApp;
const tokens = { a: '', b: '' };
const id = { r1: 0, r2: 0, declined: 0, bug: 0, roadmap: 0, release: 0 };

const as = (who: 'a' | 'b', method: string, path: string, body?: unknown) =>
  t.call(method, path, { role: null, headers: { authorization: `Bearer ${tokens[who]}` }, body });
const feedback = async (itemId: number) =>
  t.database.db
    .selectFrom('feedback')
    .select(['status', 'closed_at'])
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow()
    .then((r) => ({ status: r.status, closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null }));
const releaseCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('releases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const jobsFor = async (releaseId: number) =>
  (await t.database.db.selectFrom('jobs').select('payload').where('type', '=', 'release-published').execute()).filter(
    (j) => (j.payload as { releaseId: number }).releaseId === releaseId,
  ).length;

beforeAll(async () => {
  t = await createTestApp();
  await voiceOrg(t);
  tokens.a = (
    await createToken(t.database.db, { name: 'a', role: 'admin', teamRef: 'group:default/platform-a' })
  ).token;
  tokens.b = (
    await createToken(t.database.db, { name: 'b', role: 'admin', teamRef: 'group:default/platform-b' })
  ).token;
  const opened = (text: string) => new Date(text);
  id.r1 = await addItem(t, {
    kind: 'request',
    input: { team: 'alpha', title: 'Cache', createdAt: opened('2026-01-10T00:00:00Z') },
  });
  id.r2 = await addItem(t, request('beta', 'Dark mode'));
  id.declined = await addItem(t, {
    kind: 'request',
    input: {
      team: 'beta',
      title: 'Fax',
      status: 'declined',
      createdAt: opened('2026-01-02T00:00:00Z'),
      closedAt: opened('2026-01-03T00:00:00Z'),
    },
  });
  id.bug = await addItem(t, {
    kind: 'bug',
    input: {
      team: 'alpha',
      capability: 'cap-a',
      title: 'Cache misses',
      severity: 2,
      reportedAt: opened('2026-01-05T00:00:00Z'),
    },
  });
  const roadmap = await t.call('POST', '/api/v1/roadmap', {
    body: { title: 'Caching', status: 'now', capability: 'cap-a' },
  });
  id.roadmap = roadmap.body.id;
});
afterAll(() => t.close());

describe('publishing a release', () => {
  it('stores it on its capability, closes what it names as of its date, and queues its follow-ups', async () => {
    const res = await as('a', 'POST', '/api/v1/releases', {
      capability: 'cap-a',
      version: 'v1.2.0',
      type: 'feature',
      title: 'Remote cache',
      notes: '## Remote cache\nBuilds reuse **everything**.',
      date: '2026-03-01',
      closes: [
        { kind: 'request', id: id.r1 },
        { kind: 'bug', id: id.bug },
        { kind: 'roadmap', id: id.roadmap },
        { kind: 'request', id: id.declined },
      ],
    });
    expect(res.status).toBe(201);
    id.release = res.body.id;
    expect(res.body).toMatchObject({
      capability: 'cap-a',
      version: '1.2.0', // the leading "v" dropped
      type: 'feature',
      title: 'Remote cache',
      date: '2026-03-01T00:00:00.000Z',
      deadline: null,
      rules: null,
      source: 'paved',
      url: null,
      views: 0,
      createdBy: 'a',
    });
    // Listed by kind, then id; the declined request stays declined (it was closed already).
    expect(res.body.closes).toEqual([
      { kind: 'bug', id: id.bug, title: 'Cache misses', status: 'fixed' },
      { kind: 'request', id: id.r1, title: 'Cache', status: 'done' },
      { kind: 'request', id: id.declined, title: 'Fax', status: 'declined' },
      { kind: 'roadmap', id: id.roadmap, title: 'Caching', status: 'done' },
    ]);
    expect(await feedback(id.r1)).toEqual({ status: 'done', closedAt: '2026-03-01T00:00:00.000Z' });
    expect(await feedback(id.bug)).toEqual({ status: 'fixed', closedAt: '2026-03-01T00:00:00.000Z' });
    expect(await feedback(id.declined)).toEqual({ status: 'declined', closedAt: '2026-01-03T00:00:00.000Z' });
    expect(await jobsFor(id.release)).toBe(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_kind', 'entity_id'])
      .where('entity_kind', 'in', ['release', 'feature-request', 'bug', 'roadmap-item'])
      .where('action', 'in', ['create', 'close'])
      .where('actor', '=', 'a')
      .orderBy('id')
      .execute();
    // The release, then the three items it closed (not the declined request).
    expect(audit.map((a) => `${a.action} ${a.entity_kind} ${a.entity_id}`)).toEqual([
      `create release ${id.release}`,
      `close feature-request ${id.r1}`,
      `close bug ${id.bug}`,
      `close roadmap-item ${id.roadmap}`,
    ]);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const base = { capability: 'cap-a', version: '1.3.0', type: 'fix', notes: 'n' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ capability: 'nope' }, 400, 'capability'],
      [{ version: '1.3' }, 400, 'version'],
      [{ version: 'v1.2.0' }, 409, 'version'],
      [{ deadline: '2026-06-01' }, 400, 'deadline'],
      [{ rules: [{ files: 'Jenkinsfile' }] }, 400, 'rules'],
      [
        {
          closes: [
            { kind: 'request', id: id.r2 },
            { kind: 'bug', id: id.r2 },
          ],
        },
        400,
        'closes[1]',
      ],
      [{ closes: [{ kind: 'roadmap', id: 999999 }] }, 400, 'closes[0]'],
    ];
    for (const [change, status, field] of cases) {
      const res = await as('a', 'POST', '/api/v1/releases', { ...base, ...change });
      expect([field, res.status]).toEqual([field, status]);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    // Another platform team may not publish for cap-a.
    const other = await as('b', 'POST', '/api/v1/releases', base);
    expect(other.status).toBe(403);
    expect(await releaseCount()).toBe(1);
    expect(await feedback(id.r2)).toEqual({ status: 'open', closedAt: null });
  });
});

describe('the list', () => {
  beforeAll(async () => {
    const add = async (capability: string, version: string, type: string, date: string, notes = 'n') => {
      const res = await t.call('POST', '/api/v1/releases', { body: { capability, version, type, notes, date } });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    await add('cap-b', '0.9.0', 'fix', '2026-02-01');
    await add('cap-a', '1.2.1', 'security', '2026-03-05', 'Patches CVE-2026-1');
    await add('cap-b', '1.0.0', 'breaking', '2026-03-05');
    await add('cap-a', '1.1.0', 'feature', '2026-01-20');
    // Three views of 1.2.0's notes.
    const capA = await t.database.db
      .selectFrom('entities')
      .select('id')
      .where('name', '=', 'cap-a')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('capability_views')
      .values(
        [1, 2, 3].map((n) => ({
          capability_id: capA.id,
          subject: `u${n}`,
          kind: 'release-notes',
          release_id: id.release,
        })),
      )
      .execute();
  });
  const versions = async (query: string, path = '/api/v1/releases') => {
    const res = await t.call('GET', `${path}${query}`, { role: 'viewer' });
    expect(res.status).toBe(200);
    return res.body.items.map((r: { capability: string; version: string }) => `${r.capability}@${r.version}`);
  };

  it('is newest first by date then id, filtered by capability, type, dates and text', async () => {
    // Same date 2026-03-05: cap-b@1.0.0 was written after cap-a@1.2.1, so it comes first.
    expect(await versions('')).toEqual(['cap-b@1.0.0', 'cap-a@1.2.1', 'cap-a@1.2.0', 'cap-b@0.9.0', 'cap-a@1.1.0']);
    expect(await versions('?capability=cap-a')).toEqual(['cap-a@1.2.1', 'cap-a@1.2.0', 'cap-a@1.1.0']);
    expect(await versions('?type=fix,security')).toEqual(['cap-a@1.2.1', 'cap-b@0.9.0']);
    expect(await versions('?from=2026-02-01&to=2026-03-01')).toEqual(['cap-a@1.2.0', 'cap-b@0.9.0']);
    expect(await versions('?q=cve-2026')).toEqual(['cap-a@1.2.1']);
    expect(await versions('?q=remote')).toEqual(['cap-a@1.2.0']);
    expect(await versions('', '/api/v1/capabilities/cap-b/releases')).toEqual(['cap-b@1.0.0', 'cap-b@0.9.0']);
    const bad = await t.call('GET', '/api/v1/releases?type=feature,minor', { role: 'viewer' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('type');
    expect((await t.call('GET', '/api/v1/capabilities/nope/releases', { role: 'viewer' })).status).toBe(404);
  });

  it('pages with a cursor, and counts views of the notes', async () => {
    const first = await t.call('GET', '/api/v1/releases?limit=2', { role: 'viewer' });
    expect(first.body.items.map((r: { version: string }) => r.version)).toEqual(['1.0.0', '1.2.1']);
    const second = await t.call('GET', `/api/v1/releases?limit=2&cursor=${first.body.nextCursor}`, { role: 'viewer' });
    expect(second.body.items.map((r: { version: string }) => r.version)).toEqual(['1.2.0', '0.9.0']);
    expect(second.body.items[0].views).toBe(3);
    const third = await t.call('GET', `/api/v1/releases?limit=2&cursor=${second.body.nextCursor}`, { role: 'viewer' });
    expect(third.body).toMatchObject({ items: [{ version: '1.1.0' }], nextCursor: null });
    const wrong = await t.call('GET', '/api/v1/releases?cursor=nonsense', { role: 'viewer' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ field: 'cursor', reason: 'not a cursor this API returned' }]);
  });
});

describe('changing and deleting', () => {
  it('changes a release: a deprecation takes a deadline, a feature drops it; closes adds items', async () => {
    const dep = await as('a', 'PATCH', `/api/v1/releases/${id.release}`, {
      type: 'deprecation',
      deadline: '2026-09-30',
      rules: [{ files: 'Jenkinsfile' }],
    });
    expect(dep.status).toBe(200);
    expect(dep.body).toMatchObject({ type: 'deprecation', deadline: '2026-09-30', rules: [{ files: 'Jenkinsfile' }] });
    expect(await jobsFor(id.release)).toBe(2);
    const back = await as('a', 'PATCH', `/api/v1/releases/${id.release}`, {
      type: 'feature',
      closes: [{ kind: 'request', id: id.r2 }],
    });
    expect(back.body).toMatchObject({ type: 'feature', deadline: null, rules: null });
    expect(back.body.closes).toEqual([{ kind: 'request', id: id.r2, title: 'Dark mode', status: 'done' }]);
    // Closed as of the release's date, 2026-03-01: r2 was opened at the test's start (later), so then instead.
    const r2 = await feedback(id.r2);
    expect(r2.status).toBe('done');
    expect(new Date(r2.closedAt as string).getTime()).toBeGreaterThan(Date.parse('2026-03-01T00:00:00Z'));
  });

  it('refuses a taken version (409), a deadline on a feature, and another team', async () => {
    const taken = await as('a', 'PATCH', `/api/v1/releases/${id.release}`, { version: '1.2.1' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ field: 'version', reason: 'cap-a already has a release 1.2.1' }]);
    const deadline = await as('a', 'PATCH', `/api/v1/releases/${id.release}`, { deadline: '2026-09-30' });
    expect(deadline.status).toBe(400);
    expect(deadline.body.error.details[0].field).toBe('deadline');
    expect((await as('b', 'PATCH', `/api/v1/releases/${id.release}`, { title: 'Mine' })).status).toBe(403);
    expect((await as('b', 'DELETE', `/api/v1/releases/${id.release}`)).status).toBe(403);
    const stored = await t.call('GET', `/api/v1/releases/${id.release}`, { role: 'viewer' });
    expect(stored.body).toMatchObject({ version: '1.2.0', title: 'Remote cache', type: 'feature' });
  });

  it('deletes a release; what it closed stays closed', async () => {
    expect((await as('a', 'DELETE', `/api/v1/releases/${id.release}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/releases/${id.release}`, { role: 'viewer' })).status).toBe(404);
    expect(await feedback(id.r1)).toEqual({ status: 'done', closedAt: '2026-03-01T00:00:00.000Z' });
    expect(await releaseCount()).toBe(4);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_ref'])
      .where('entity_kind', '=', 'release')
      .where('entity_id', '=', String(id.release))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'delete', entity_ref: 'capability:default/cap-a' });
  });
});
