import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addItem, tokenFor, voiceCatalog } from '../../../../test/voice-fixture.js';

let t: TestApp;
let platA: Record<string, string>;
let platB: Record<string, string>;
let painT1: number;
let painT2: number;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const count = async (table: 'conversations' | 'engagements') =>
  (await t.database.db.selectFrom(table).select('id').execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  await voiceCatalog(t);
  platA = await tokenFor(t, 'admin', 'plat-a');
  platB = await tokenFor(t, 'admin', 'plat-b');
  const pain = (team: string, title: string, createdAt: string, resolvedAt: string | null = null) =>
    addItem(t, 'pain', { team, title, severity: 2, hoursLostPerWeek: 3, createdAt, resolvedAt });
  painT1 = await pain('t1', 'deploys are slow', '2023-11-01');
  painT2 = await pain('t2', 'no staging', '2024-01-01');
});
afterAll(() => t.close());

describe('POST /conversations', () => {
  it('records a platform member’s conversation, credited to their platform team, with the team’s pains', async () => {
    const res = await t.call('POST', '/api/v1/conversations', {
      role: null,
      headers: platA,
      body: { team: 't1', date: '2025-03-15', people: ['Ana', 'user:default/bo'], channel: 'call', pains: [painT1] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      team: 't1',
      platformTeam: 'plat-a',
      date: '2025-03-15',
      people: ['Ana', 'user:default/bo'],
      channel: 'call',
      notes: null,
      pains: [{ id: painT1, title: 'deploys are slow', status: 'open' }],
      createdBy: 'admin-plat-a',
    });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_kind', '=', 'conversation')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_id: String(res.body.id), entity_ref: 'group:default/t1', action: 'create' });
  });

  it('refuses bad input, naming the field, and stores nothing', async () => {
    const before = await count('conversations');
    const cases: [unknown, string][] = [
      [{ team: 'nobody', date: '2025-03-01', people: ['Ana'] }, 'team'],
      [{ team: 't1', date: '2025-03-01', people: ['Ana'], pains: [painT1, painT2] }, 'pains[1]'],
      [{ team: 't1', date: '2025-03-01', people: ['Ana'], pains: [999999] }, 'pains[0]'],
      [{ team: 't1', date: '2025-03-01', people: [] }, 'people'],
      [{ team: 't1', date: '2025-02-30', people: ['Ana'] }, 'date'],
      [{ team: 't1', date: daysAgo(-3), people: ['Ana'] }, 'date'],
      [{ team: 't1', date: '2025-03-01', people: ['Ana'], platformTeam: 't2' }, 'platformTeam'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('POST', '/api/v1/conversations', { role: null, headers: platA, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details[0].field).toBe(field);
    }
    expect(await count('conversations')).toBe(before);
  });

  it('refuses a member of a customer team and a member of another platform team', async () => {
    const before = await count('conversations');
    const body = { team: 't1', date: '2025-03-01', people: ['Ana'], platformTeam: 'plat-a' };
    const member = await t.call('POST', '/api/v1/conversations', {
      role: null,
      headers: await tokenFor(t, 'member', 't1'),
      body,
    });
    expect(member.status).toBe(403);
    const other = await t.call('POST', '/api/v1/conversations', { role: null, headers: platB, body });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    expect(await count('conversations')).toBe(before);
  });

  it('lists conversations newest first, by team, page by page', async () => {
    for (const date of ['2025-01-10', '2025-02-10'])
      await t.call('POST', '/api/v1/conversations', {
        role: null,
        headers: platB,
        body: { team: 't2', date, people: ['Cy'] },
      });
    const first = await t.call('GET', '/api/v1/conversations?limit=2', { role: 'viewer' });
    expect(first.body.items.map((c: { date: string }) => c.date)).toEqual(['2025-03-15', '2025-02-10']);
    const second = await t.call('GET', `/api/v1/conversations?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ date: '2025-01-10', platformTeam: 'plat-b' }], nextCursor: null });
    const t2 = await t.call('GET', '/api/v1/conversations?team=t2');
    expect(t2.body.items.map((c: { team: string }) => c.team)).toEqual(['t2', 't2']);
    const unknown = await t.call('GET', '/api/v1/conversations?team=nobody');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toBe('team');
  });
});

describe('contact coverage', () => {
  it('counts customer teams talked with in the last 90 days and says whom to talk to next', async () => {
    // Today's view: t1 10 days ago, t2 89 days ago (counted), t4 91 days ago (not); t3, t5 never.
    for (const [team, days] of [
      ['t1', 10],
      ['t2', 89],
      ['t4', 91],
    ] as const)
      expect(
        (
          await t.call('POST', '/api/v1/conversations', {
            body: { team, date: daysAgo(days), people: ['Ana'], platformTeam: 'plat-a' },
          })
        ).status,
      ).toBe(201);
    // At stake: t5 has 2 open pains, t3 and t4 one each; t4 uses a capability, t3 none.
    for (const [team, title] of [
      ['t5', 'a'],
      ['t5', 'b'],
      ['t3', 'c'],
      ['t4', 'd'],
    ])
      await addItem(t, 'pain', { team, title, severity: 3, hoursLostPerWeek: 1 });
    const declared = await t.call('POST', '/api/v1/capabilities/ci/declarations', {
      body: { team: 't4', status: 'using', date: daysAgo(30) },
    });
    expect(declared.status).toBe(201);
    const res = await t.call('GET', '/api/v1/contact-coverage', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ value: 0.4, contacted: 2, teams: 5, since: daysAgo(89) }); // t1, t2 of 5
    expect(res.body.byPlatformTeam).toEqual([
      { platformTeam: 'plat-a', value: 0.4, contacted: 2, conversations: 2 },
      { platformTeam: 'plat-b', value: 0, contacted: 0, conversations: 0 },
    ]);
    expect(res.body.talkToNext).toEqual([
      { team: 't5', title: null, lastContact: null, openPains: 2, capabilitiesAdopted: 0, people: 0 },
      { team: 't3', title: null, lastContact: null, openPains: 1, capabilitiesAdopted: 0, people: 0 },
      { team: 't4', title: null, lastContact: daysAgo(91), openPains: 1, capabilitiesAdopted: 1, people: 0 },
    ]);
  });
});

describe('engagements and the team page', () => {
  it('records a buddy engagement and shows what changed for the team during and after it', async () => {
    // t2 from 1 Jan to 31 Mar 2024: it adopts ci on 15 Feb and db on 1 May; its pain of 1 Jan 2024 is resolved
    // on 1 Mar, a new one opens on 10 May.
    await t.call('POST', '/api/v1/capabilities/ci/declarations', {
      body: { team: 't2', status: 'using', date: '2024-02-15' },
    });
    await t.call('POST', '/api/v1/capabilities/db/declarations', {
      body: { team: 't2', status: 'using', date: '2024-05-01' },
    });
    await addItem(t, 'pain', {
      team: 't2',
      title: 'flaky tests',
      severity: 2,
      hoursLostPerWeek: 2,
      createdAt: '2023-12-01',
      resolvedAt: '2024-03-01',
    });
    await addItem(t, 'pain', {
      team: 't2',
      title: 'slow builds',
      severity: 2,
      hoursLostPerWeek: 2,
      createdAt: '2024-05-10',
    });
    const res = await t.call('POST', '/api/v1/engagements', {
      role: null,
      headers: platA,
      body: { team: 't2', engineer: 'Dee', startsOn: '2024-01-01', endsOn: '2024-03-31', goals: 'CI adoption' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ team: 't2', platformTeam: 'plat-a', engineer: 'Dee', status: 'past' });
    const ongoing = await t.call('POST', '/api/v1/engagements', {
      body: { team: 't2', engineer: 'Eve', startsOn: daysAgo(5), platformTeam: 'plat-b' },
    });
    expect(ongoing.body).toMatchObject({ status: 'current', endsOn: null, platformTeam: 'plat-b' });

    const voice = await t.call('GET', '/api/v1/teams/t2/voice', { role: 'viewer' });
    expect(voice.status).toBe(200);
    expect(voice.body.lastContact).toBe(daysAgo(89));
    expect(voice.body.conversations.map((c: { date: string }) => c.date)).toEqual([
      daysAgo(89),
      '2025-02-10',
      '2025-01-10',
    ]);
    const past = voice.body.engagements.find((e: { engineer: string }) => e.engineer === 'Dee');
    // Open pains: at 1 Jan 2024 "no staging" (1 Jan) and "flaky tests" = 2; at the end of 31 Mar "no staging" = 1;
    // 90 days later (29 Jun) "no staging" and "slow builds" = 2. Capabilities: 0, then ci, then ci and db.
    expect(past.change).toEqual({
      atStart: { at: '2024-01-01', capabilitiesAdopted: 0, openPains: 2 },
      atEnd: { at: '2024-03-31', capabilitiesAdopted: 1, openPains: 1 },
      after90Days: { at: '2024-06-29', capabilitiesAdopted: 2, openPains: 2 },
    });
    const current = voice.body.engagements.find((e: { engineer: string }) => e.engineer === 'Eve');
    expect(current.change.after90Days).toBeNull();
    expect(current.change.atEnd.at).toBe(daysAgo(0));
    expect(
      (await t.call('GET', '/api/v1/engagements?team=t2')).body.items.map((e: { engineer: string }) => e.engineer),
    ).toEqual(['Eve', 'Dee']);
  });

  it('refuses an end before the start, and a customer team member', async () => {
    const before = await count('engagements');
    const backwards = await t.call('POST', '/api/v1/engagements', {
      body: { team: 't2', engineer: 'Dee', startsOn: '2024-03-01', endsOn: '2024-02-01' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].field).toBe('endsOn');
    const member = await t.call('POST', '/api/v1/engagements', {
      role: null,
      headers: await tokenFor(t, 'member', 't2'),
      body: { team: 't2', engineer: 'Dee', startsOn: '2024-03-01' },
    });
    expect(member.status).toBe(403);
    expect(await count('engagements')).toBe(before);
  });
});
