import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { demosCatalog, seedAdoption } from '../../../../test/demos-org.js';
import { createToken } from '../../auth/service.js';
import { runImport } from '../../imports/run-import.js';

let t: TestApp;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

const demoA = {
  capability: 'golden-ci',
  date: '2025-03-01',
  title: 'Golden CI in 20 minutes',
  presenter: 'Pia',
  recording: 'https://video.example.com/golden-ci',
  slides: 'http://slides.example.com/golden-ci',
  attendance: [
    { team: 'early', person: 'ann@example.com' },
    { team: 'ten', person: 'tim@example.com' },
    { team: 'ten', person: 'Tia T.' },
    { team: 'seventy' },
    { team: 'never', person: 'nora@example.com' },
    { team: 'platform', person: 'pia@example.com' },
  ],
};

const stored = async () => ({
  demos: (await t.database.db.selectFrom('demos').select('id').execute()).length,
  attendance: (await t.database.db.selectFrom('demo_attendance').select('demo_id').execute()).length,
});

beforeAll(async () => {
  t = await createTestApp();
  const result = await runImport(t.database.db, {
    files: [demosCatalog],
    source: 'test',
    skipInvalid: false,
    actor: 'test',
  });
  expect(result.problems).toEqual([]);
  await seedAdoption(t.database.db, async (team, date) => {
    const res = await t.call('POST', '/api/v1/capabilities/golden-ci/declarations', {
      body: { team, status: 'using', date },
    });
    expect(res.status).toBe(201);
  });
});
afterAll(() => t.close());

describe('demo conversion, computed by hand', () => {
  let id = 0;
  it('converts 1 of the 3 teams that had not adopted at the demo (DOMAIN.md)', async () => {
    const res = await t.call('POST', '/api/v1/demos', { body: demoA });
    expect(res.status).toBe(201);
    id = res.body.id;
    // Attending: early, ten (two people: counted once), seventy, never, platform.
    // early adopted 2025-02-01, before the demo: not eligible. platform is a platform team: not counted.
    // Eligible: ten, seventy, never (3). Converted: ten (2025-03-11, 10 days after); seventy adopted 2025-05-10,
    // 70 days after (the window ends 2025-04-30); never has not. 1 / 3.
    expect(res.body.conversion).toEqual({
      value: 1 / 3,
      converted: 1,
      eligible: 3,
      provisional: false,
      windowEnds: '2025-04-30',
      teams: [
        { team: 'never', title: null, adoptedAt: null, converted: false },
        { team: 'seventy', title: null, adoptedAt: '2025-05-10T00:00:00.000Z', converted: false },
        { team: 'ten', title: null, adoptedAt: '2025-03-11T00:00:00.000Z', converted: true },
      ],
      notCounted: [
        { team: 'early', reason: 'adopted before the demo', adoptedAt: '2025-02-01T00:00:00.000Z' },
        { team: 'platform', reason: 'platform team', adoptedAt: null },
      ],
    });
    // Emails of catalog users are stored as the user; other names as written; a team without names as the team.
    expect(res.body.attendance).toEqual([
      { team: 'early', title: null, people: ['user:default/ann'] },
      { team: 'never', title: null, people: ['user:default/nora'] },
      { team: 'platform', title: null, people: ['user:default/pia'] },
      { team: 'seventy', title: null, people: [] },
      { team: 'ten', title: null, people: ['Tia T.', 'user:default/tim'] },
    ]);
    expect(res.body).toMatchObject({
      date: '2025-03-01',
      presenter: 'Pia',
      slides: 'http://slides.example.com/golden-ci',
    });
    const again = await t.call('GET', `/api/v1/demos/${id}`, { role: 'viewer' });
    expect(again.status).toBe(200);
    expect(again.body.conversion.value).toBe(1 / 3);
  });

  it('pools closed demos per capability and shows a recent demo as provisional, left out of the pool', async () => {
    // Demo B, 2025-04-01: ten had adopted (2025-03-11): not eligible. seventy adopts 2025-05-10, 39 days after:
    // converted. never: not. 1 / 2.
    const b = await t.call('POST', '/api/v1/demos', {
      body: {
        capability: 'golden-ci',
        date: '2025-04-01',
        attendance: [{ team: 'ten' }, { team: 'seventy' }, { team: 'never' }],
      },
    });
    expect(b.status).toBe(201);
    expect([b.body.conversion.converted, b.body.conversion.eligible]).toEqual([1, 2]);
    // Demo C, 10 days ago: never is eligible and has not adopted: 0 of 1 so far, provisional.
    const c = await t.call('POST', '/api/v1/demos', {
      body: { capability: 'golden-ci', date: daysAgo(10), attendance: [{ team: 'never' }] },
    });
    expect(c.body.conversion).toMatchObject({ value: 0, converted: 0, eligible: 1, provisional: true });

    const res = await t.call('GET', '/api/v1/capabilities/golden-ci/demos', { role: 'viewer' });
    expect(res.status).toBe(200);
    // Pooled over A and B: (1 + 1) / (3 + 2) = 2 / 5; C is still open.
    expect(res.body.conversion).toEqual({ value: 2 / 5, converted: 2, eligible: 5, demos: 2, provisionalDemos: 1 });
    expect(res.body.demos.map((d: { date: string }) => d.date)).toEqual([daysAgo(10), '2025-04-01', '2025-03-01']);

    const listed = await t.call('GET', '/api/v1/demos?capability=golden-ci&from=2025-03-15&to=2025-12-31');
    expect(listed.body.items.map((d: { date: string }) => d.date)).toEqual(['2025-04-01']);
  });

  it('changes and deletes a demo, auditing each', async () => {
    const patched = await t.call('PATCH', `/api/v1/demos/${id}`, {
      body: { presenter: 'Pia P.', attendance: [{ team: 'ten' }, { team: 'never' }] },
    });
    expect(patched.status).toBe(200);
    // ten converted, never did not: 1 of 2.
    expect([patched.body.presenter, patched.body.conversion.converted, patched.body.conversion.eligible]).toEqual([
      'Pia P.',
      1,
      2,
    ]);
    const deleted = await t.call('DELETE', `/api/v1/demos/${id}`);
    expect(deleted.status).toBe(204);
    expect((await t.call('GET', `/api/v1/demos/${id}`)).status).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_kind', '=', 'demo')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    [{ ...demoA, capability: 'nope' }, 'capability', 'capability:default/nope is not in the catalog'],
    [{ ...demoA, recording: 'javascript:alert(1)' }, 'recording', 'must be an http(s) URL'],
    [{ ...demoA, slides: 'ftp://files.example.com/x' }, 'slides', 'must be an http(s) URL'],
    [
      { ...demoA, attendance: [{ team: 'ten' }, { team: 'ghosts' }] },
      'attendance[1].team',
      'group:default/ghosts is not in the catalog',
    ],
    [{ ...demoA, date: '2025-02-30' }, 'date', 'must be a date like 2025-03-01'],
  ])('%#: 400 naming %s', async (body, field, reason) => {
    const before = await stored();
    const res = await t.call('POST', '/api/v1/demos', { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toContainEqual({ field, reason });
    expect(await stored()).toEqual(before);
  });

  it('refuses a platform member of another team and a member, storing nothing', async () => {
    const before = await stored();
    const other = (await createToken(t.database.db, { name: 'o', role: 'admin', teamRef: 'group:default/early' }))
      .token;
    const res = await t.call('POST', '/api/v1/demos', {
      role: null,
      headers: { authorization: `Bearer ${other}` },
      body: demoA,
    });
    expect(res.status).toBe(403);
    expect((await t.call('POST', '/api/v1/demos', { role: 'member', body: demoA })).status).toBe(403);
    expect(await stored()).toEqual(before);
  });
});
