import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.js';
import { documents, groupDoc } from '../../../../../test/descriptors.js';
import { createToken } from '../../../auth/service.js';
import { runImport } from '../../../imports/run-import.js';
import { readFeedbackCsv } from './read-feedback-csv.js';

let t: TestApp;
let memberToken: string;

const HEADER = [
  'kind',
  'team',
  'capability',
  'title',
  'body',
  'category',
  'severity',
  'hoursLostPerWeek',
  'reportedAt',
  'acknowledgedAt',
  'fixedAt',
  'openedAt',
  'firstResponseAt',
  'resolvedAt',
  'createdAt',
];
/** One line of cells in the header's order, each as written in the file (quotes included). */
const line = (cells: Record<string, string>) => HEADER.map((h) => cells[h] ?? '').join(',');
const csvOf = (lines: Record<string, string>[], eol = '\n') => [HEADER.join(','), ...lines.map(line)].join(eol) + eol;

const pain = (team: string, title: string, severity = '3') => ({
  kind: 'pain',
  team,
  title,
  severity,
  hoursLostPerWeek: '2',
});

const upload = (csv: string, token = t.tokens.admin) =>
  t.call('POST', '/api/v1/imports/feedback', {
    role: null,
    body: csv,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
  });
const asMember = (csv: string) => upload(csv, memberToken);

const stored = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('feedback')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  const capability = `apiVersion: paved.dev/v1alpha1\nkind: Capability\nmetadata: { name: golden-ci }\nspec: { owner: group:default/platform, lifecycle: ga }\n`;
  const imported = await runImport(t.database.db, {
    files: [
      {
        path: 'c.yaml',
        content: documents(groupDoc('platform'), groupDoc('payments'), groupDoc('growth'), capability),
      },
    ],
    source: 't',
    skipInvalid: false,
    actor: 't',
  });
  expect(imported.status).toBe('succeeded');
  memberToken = (
    await createToken(t.database.db, { name: 'pay-dev', role: 'member', teamRef: 'group:default/payments' })
  ).token;
});
afterAll(() => t.close());

describe('reading a CSV file', () => {
  it('reads quoted commas, doubled quotes, a line break inside quotes, CRLF and a byte order mark', async () => {
    const text =
      '\uFEFFkind,team,title,body,severity,hoursLostPerWeek\r\npain,payments,"Slow, slow builds","line one\r\nline ""two""",2,1.5\r\n';
    const { items, problems } = await readFeedbackCsv(text);
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        line: 2,
        item: {
          kind: 'pain',
          input: {
            team: 'payments',
            title: 'Slow, slow builds',
            body: 'line one\nline "two"',
            severity: 2,
            hoursLostPerWeek: 1.5,
          },
        },
      },
    ]);
  });

  it('names an unknown column on the header line, and a quote never closed', async () => {
    expect((await readFeedbackCsv('kind,team,colour\n')).problems).toEqual([
      expect.objectContaining({ line: 1, field: 'colour' }),
    ]);
    expect((await readFeedbackCsv('kind,team,title\npain,payments,"open\n')).problems).toEqual([
      { line: 2, field: '(line)', reason: 'a quoted cell is never closed' },
    ]);
  });
});

describe('POST /imports/feedback', () => {
  it('imports a good file with the values as written, one audit entry for the whole file', async () => {
    const csv = csvOf(
      [
        {
          ...pain('payments', '"Builds take forever, every day"', '2'),
          capability: 'golden-ci',
          body: '"Each build waits 20 minutes\r\nfor a runner"',
          category: 'ci',
          hoursLostPerWeek: '6.5',
          createdAt: '2024-01-10',
        },
        { kind: 'request', team: 'payments', title: 'Preview environments', createdAt: '2024-02-01T09:00:00Z' },
        {
          kind: 'bug',
          team: 'payments',
          capability: 'golden-ci',
          title: '"Cache key ignores ""lockfile"""',
          severity: '1',
          reportedAt: '2024-03-01T10:00:00Z',
          acknowledgedAt: '2024-03-01T12:00:00Z',
          fixedAt: '2024-03-02T10:00:00Z',
        },
        {
          kind: 'support',
          team: 'payments',
          capability: 'golden-ci',
          title: 'How do I add a secret?',
          category: 'secrets',
          openedAt: '2024-03-05T09:00:00Z',
          firstResponseAt: '2024-03-05T10:30:00Z',
        },
      ],
      '\r\n',
    );
    const res = await upload(`\uFEFF${csv}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 4, byKind: { pain: 1, request: 1, bug: 1, support: 1 } });

    const rows = await t.database.db
      .selectFrom('feedback as f')
      .leftJoin('entities as team', 'team.id', 'f.team_id')
      .leftJoin('entities as cap', 'cap.id', 'f.capability_id')
      .leftJoin('entities as p', 'p.id', 'f.platform_team_id')
      .select(['f.kind', 'f.title', 'f.body', 'f.category', 'f.severity', 'f.hours_lost_per_week', 'f.status'])
      .select(['f.opened_at', 'f.responded_at', 'f.closed_at', 'f.source', 'team.ref as team', 'cap.ref as cap'])
      .select('p.ref as platform')
      .orderBy('f.id')
      .execute();
    const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
    expect(
      rows.map((r) => ({
        ...r,
        opened_at: iso(r.opened_at),
        responded_at: iso(r.responded_at),
        closed_at: iso(r.closed_at),
      })),
    ).toEqual([
      {
        kind: 'pain',
        title: 'Builds take forever, every day',
        body: 'Each build waits 20 minutes\nfor a runner',
        category: 'ci',
        severity: 2,
        hours_lost_per_week: 6.5,
        status: 'open',
        opened_at: '2024-01-10T00:00:00.000Z',
        responded_at: null,
        closed_at: null,
        source: 'csv',
        team: 'group:default/payments',
        cap: 'capability:default/golden-ci',
        platform: null,
      },
      {
        kind: 'request',
        title: 'Preview environments',
        body: null,
        category: null,
        severity: null,
        hours_lost_per_week: null,
        status: 'open',
        opened_at: '2024-02-01T09:00:00.000Z',
        responded_at: null,
        closed_at: null,
        source: 'csv',
        team: 'group:default/payments',
        cap: null,
        platform: null,
      },
      {
        kind: 'bug',
        title: 'Cache key ignores "lockfile"',
        body: null,
        category: null,
        severity: 1,
        hours_lost_per_week: null,
        status: 'fixed',
        opened_at: '2024-03-01T10:00:00.000Z',
        responded_at: '2024-03-01T12:00:00.000Z',
        closed_at: '2024-03-02T10:00:00.000Z',
        source: 'csv',
        team: 'group:default/payments',
        cap: 'capability:default/golden-ci',
        platform: null,
      },
      {
        kind: 'support',
        title: 'How do I add a secret?',
        body: null,
        category: 'secrets',
        severity: null,
        hours_lost_per_week: null,
        status: 'responded',
        opened_at: '2024-03-05T09:00:00.000Z',
        responded_at: '2024-03-05T10:30:00.000Z',
        closed_at: null,
        source: 'csv',
        team: 'group:default/payments',
        cap: 'capability:default/golden-ci',
        platform: 'group:default/platform', // the capability's owner
      },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_kind', 'summary'])
      .where('action', '=', 'import')
      .where('entity_kind', '=', 'feedback')
      .execute();
    expect(audit).toEqual([
      {
        action: 'import',
        entity_kind: 'feedback',
        summary: 'Imported feedback from an upload: 1 pain · 1 request · 1 bug · 1 support request',
      },
    ]);
  });

  it('refuses a file with bad lines, naming each line and field, and stores nothing', async () => {
    const before = await stored();
    const lines = [2, 3, 4, 5, 6].map((n) => pain('payments', `Pain on line ${n}`));
    // Line 7: severity 9; line 8: a kind that does not exist.
    const csv = csvOf([...lines, pain('payments', 'Too severe', '9'), { kind: 'wish', title: 'A pony' }]);
    const res = await upload(csv);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { line: 7, field: 'severity', reason: 'must be from 1 (the worst) to 4' },
      { line: 8, field: 'kind', reason: 'must be one of pain, request, bug, support' },
    ]);
    expect(res.body.error.message).toMatch(/^nothing was imported: 2 problems \(line 7: severity: /);
    expect(await stored()).toBe(before);
  });

  it('lets a member import for their own team, and refuses a file naming another team with 403, storing nothing', async () => {
    const before = await stored();
    const own = await asMember(csvOf([pain('payments', 'Flaky tests')]));
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(await stored()).toBe(before + 1);

    const mixed = await asMember(csvOf([pain('payments', 'Ours'), pain('growth', 'Theirs')]));
    expect(mixed.status).toBe(403);
    expect(mixed.body.error.code).toBe('FORBIDDEN');
    expect(mixed.body.error.details).toEqual([
      expect.objectContaining({ line: 3, field: 'team', reason: expect.stringContaining('group:default/growth') }),
    ]);
    expect(await stored()).toBe(before + 1);
  });

  it('takes the file as a multipart upload too, named after the file in the audit trail', async () => {
    const form = new FormData();
    form.append('file', new File([csvOf([pain('growth', 'Slow reviews')])], 'growth-pains.csv', { type: 'text/csv' }));
    const res = await t.app.request('/api/v1/imports/feedback', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.admin}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.summary).toBe('Imported feedback from growth-pains.csv: 1 pain');
  });
});
