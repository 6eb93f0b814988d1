import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { demosCatalog, seedAdoption } from '../../../../test/demos-org.js';
import { runImport } from '../../imports/run-import.js';

let t: TestApp;
let demo = 0;

// A Zoom participants report: the meeting summary (naming the host's "User Email"), a blank line, the participants;
// tim rejoined (two rows), a guest joined without an email, zed is nobody in the catalog, lou is in no team.
const ZOOM = [
  'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants',
  '81234567890,Golden CI demo,03/01/2025 10:00:00 AM,03/01/2025 11:00:00 AM,pia@example.com,60,6',
  '',
  'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
  'Ann Early,ann@example.com,03/01/2025 10:00:01 AM,03/01/2025 11:00:00 AM,60,No',
  '"Tim, Ten",TIM@Example.com,03/01/2025 10:00:05 AM,03/01/2025 10:20:00 AM,20,No',
  '"Tim, Ten",tim@example.com,03/01/2025 10:25:00 AM,03/01/2025 11:00:00 AM,35,No',
  'Call-in user,,03/01/2025 10:02:00 AM,03/01/2025 10:40:00 AM,38,Yes',
  'Zed,zed@elsewhere.io,03/01/2025 10:03:00 AM,03/01/2025 10:30:00 AM,27,Yes',
  'Lou,lou@example.com,03/01/2025 10:03:00 AM,03/01/2025 10:30:00 AM,27,No',
].join('\r\n');

// A Microsoft Teams attendance report: UTF-16LE with a byte order mark, tab-separated, in sections.
const TEAMS = [
  '1. Summary',
  'Meeting title\tGolden CI demo',
  'Attended participants\t2',
  '',
  '2. Participants',
  'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole',
  'Sam Seventy\t3/1/25, 10:00:01 AM\t3/1/25, 11:00:00 AM\t59m 59s\tsam@example.com\tsam@example.com\tAttendee',
  'Nora Never\t3/1/25, 10:01:00 AM\t3/1/25, 11:00:00 AM\t59m\tnora@example.com\tnora@example.com\tAttendee',
  '',
  '3. In-Meeting Activities',
  'Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole',
  'Sam Seventy\t3/1/25, 10:00:01 AM\t3/1/25, 11:00:00 AM\t59m 59s\tsam@example.com\tAttendee',
].join('\r\n');

const importAs = (body: string | Uint8Array<ArrayBuffer>, type: string) =>
  t.app.request(`/api/v1/demos/${demo}/attendance/import?source=export.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': type },
    body,
  });
const attendance = async () =>
  (await t.database.db.selectFrom('demo_attendance').select(['team_id', 'person']).execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  const result = await runImport(t.database.db, {
    files: [demosCatalog],
    source: 'test',
    skipInvalid: false,
    actor: 't',
  });
  expect(result.problems).toEqual([]);
  await seedAdoption(t.database.db, async (team, date) => {
    expect(
      (await t.call('POST', '/api/v1/capabilities/golden-ci/declarations', { body: { team, status: 'using', date } }))
        .status,
    ).toBe(201);
  });
  const res = await t.call('POST', '/api/v1/demos', { body: { capability: 'golden-ci', date: '2025-03-01' } });
  expect(res.status).toBe(201);
  demo = res.body.id;
});
afterAll(() => t.close());

describe('attendance import', () => {
  it('refuses a file without an email column, or whose emails match nobody, changing nothing', async () => {
    const noEmail = await importAs('Name,Join Time\nAnn,10:00\n', 'text/csv');
    expect(noEmail.status).toBe(400);
    const body = (await noEmail.json()) as { error: { details: unknown[] } };
    expect(body.error.details).toEqual([
      {
        line: 1,
        field: 'csv',
        reason:
          'no column holds email addresses: the header needs one named like Email, E-mail, User Email or Attendee Email',
      },
    ]);
    const nobody = await t.call('POST', `/api/v1/demos/${demo}/attendance/import`, {
      body: { csv: 'E-mail,Name\nzed@elsewhere.io,Zed\n' },
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.details).toEqual([
      { line: 2, field: 'email', reason: 'zed@elsewhere.io: no user in the catalog has this email' },
    ]);
    expect(await attendance()).toBe(0);
  });

  it('reads a Zoom report: matched people by team, unknown emails listed with their lines, the rest kept', async () => {
    const res = await importAs(ZOOM, 'text/csv');
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    // Lines: 4 header; 5 ann (early), 6 and 7 tim (ten, once), 8 no email, 9 zed (unknown), 10 lou (no team).
    expect(body).toMatchObject({
      matched: 3,
      added: 2,
      teams: ['early', 'ten'],
      unmatched: [
        { line: 9, email: 'zed@elsewhere.io', reason: 'no user in the catalog has this email' },
        { line: 10, email: 'lou@example.com', reason: 'user:default/lou is in no team' },
      ],
      withoutEmail: [{ line: 8, name: 'Call-in user' }],
    });
    expect(body.demo.attendance).toEqual([
      { team: 'early', title: null, people: ['user:default/ann'] },
      { team: 'ten', title: null, people: ['user:default/tim'] },
    ]);
    // early had adopted; ten converted: 1 of 1.
    expect([body.demo.conversion.converted, body.demo.conversion.eligible]).toEqual([1, 1]);
  });

  it('reads a Microsoft Teams report (UTF-16, tab-separated, sections); importing again adds nothing twice', async () => {
    const bytes = new Uint8Array(Buffer.from(`\uFEFF${TEAMS}`, 'utf16le'));
    const res = await importAs(bytes, 'text/csv');
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    // Participants only (section 3 is not read): sam (seventy), nora (never).
    expect(body).toMatchObject({ matched: 2, added: 2, teams: ['never', 'seventy'], unmatched: [], withoutEmail: [] });
    // Eligible: ten, seventy, never; converted: ten. 1 of 3, as in the hand-made case.
    expect([body.demo.conversion.converted, body.demo.conversion.eligible]).toEqual([1, 3]);
    const again = await importAs(bytes, 'text/csv');
    expect(((await again.json()) as any).added).toBe(0);
    expect(await attendance()).toBe(4);
  });

  it('reads a Google Meet file (First name, Last name, Email) sent as multipart', async () => {
    const form = new FormData();
    form.append('file', new Blob(['First name,Last name,Email,Duration\nTia,T,tia@example.com,55 min\n']), 'meet.csv');
    const res = await t.app.request(`/api/v1/demos/${demo}/attendance/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.admin}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).teams).toEqual(['ten']);
    expect(await attendance()).toBe(5);
  });

  it('answers 404 for a demo that does not exist, 403 for a member', async () => {
    const missing = await t.call('POST', '/api/v1/demos/999999/attendance/import', { body: { csv: ZOOM } });
    expect(missing.status).toBe(404);
    const member = await t.call('POST', `/api/v1/demos/${demo}/attendance/import`, {
      role: 'member',
      body: { csv: ZOOM },
    });
    expect(member.status).toBe(403);
    expect(await attendance()).toBe(5);
  });
});
