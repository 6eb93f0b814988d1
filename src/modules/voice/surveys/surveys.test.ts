import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { DEFAULT_AUTH_SETTINGS } from '../../../http/auth-settings.js';
import { silentLogger } from '../../../http/logger.js';
import { buildApp, type App } from '../../../server/app.js';
import { createToken } from '../../auth/service.js';
import { seedSurveyOrg, tokensOf } from '../../../../test/survey-org.js';

let t: TestApp;
const secretKey = randomBytes(32);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  t = await createTestApp({ secretKey });
  // A title a spreadsheet would run as a formula, and one with a comma and quotes.
  await seedSurveyOrg(t, { fay: '=HYPERLINK("http://evil.example","x")', gus: 'Gus "G", Jr.' });
});
afterAll(() => t.close());

/** The same database behind an app built with other settings (a second test database per file is not needed). */
async function requestOf(app: App, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const waveCount = async () =>
  (
    await t.database.db
      .selectFrom('survey_waves')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
  )?.n;

describe('creating a survey wave', () => {
  it('invites every person of the named teams once, with their teams at that time', async () => {
    const res = await t.call('POST', '/api/v1/surveys', {
      body: { title: 'Team Y pulse', teams: ['team-y'], capabilities: ['cap-a'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Team Y pulse',
      teams: ['team-y'],
      allTeams: false,
      capabilities: [{ name: 'cap-a', title: 'Golden CI' }],
      status: 'open',
      invited: 3,
      answered: 0,
    });
    const rows = await t.database.db
      .selectFrom('survey_invitations')
      .select(['person_ref', 'teams'])
      .where('wave_id', '=', res.body.id)
      .orderBy('person_ref')
      .execute();
    expect(rows).toEqual([
      { person_ref: 'user:default/eve', teams: ['group:default/team-x', 'group:default/team-y'] },
      { person_ref: 'user:default/fay', teams: ['group:default/team-y'] },
      { person_ref: 'user:default/gus', teams: ['group:default/team-y'] },
    ]);
  });

  it('targets every customer team when none are named, and never the platform team', async () => {
    const res = await t.call('POST', '/api/v1/surveys', { body: { title: 'All', capabilities: ['cap-a', 'cap-b'] } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ teams: ['team-x', 'team-y', 'team-z'], allTeams: true, invited: 9 });
    const list = await t.call('GET', '/api/v1/surveys', { role: 'viewer' });
    expect(list.body.items.map((w: { title: string }) => w.title)).toEqual(['All', 'Team Y pulse']);
  });

  it('refuses unknown teams, unknown capabilities and a closing time in the past, storing nothing', async () => {
    const before = await waveCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x', teams: ['team-x', 'nope'], capabilities: ['cap-a'] }, 'teams[1]'],
      [{ title: 'x', capabilities: ['cap-zz'] }, 'capabilities[0]'],
      [{ title: 'x', capabilities: ['cap-a'], closesAt: '2020-01-01T00:00:00Z' }, 'closesAt'],
      [{ title: '', capabilities: ['cap-a'] }, 'title'],
      [{ title: 'x', capabilities: [] }, 'capabilities'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('POST', '/api/v1/surveys', { body });
      expect([res.status, res.body.error.code, res.body.error.details[0].field]).toEqual([
        400,
        'VALIDATION_FAILED',
        field,
      ]);
    }
    expect(await waveCount()).toBe(before);
  });

  it('lets a platform team member start a wave, not a customer team member', async () => {
    const db = t.database.db;
    const platform = (await createToken(db, { name: 'pa', role: 'admin', teamRef: 'group:default/platform-a' })).token;
    const member = (await createToken(db, { name: 'mx', role: 'member', teamRef: 'group:default/team-x' })).token;
    const body = { title: 'By platform', teams: ['team-z'], capabilities: ['cap-b'] };
    const refused = await t.call('POST', '/api/v1/surveys', {
      role: null,
      headers: { authorization: `Bearer ${member}` },
      body,
    });
    expect(refused.status).toBe(403);
    const made = await t.call('POST', '/api/v1/surveys', {
      role: null,
      headers: { authorization: `Bearer ${platform}` },
      body,
    });
    expect(made.status).toBe(201);
    expect(made.body.createdBy).toBe('pa');
    const audit = await db
      .selectFrom('audit_log')
      .select(['summary', 'entity_kind'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit).toEqual({ entity_kind: 'survey', summary: 'Created survey "By platform" for 2 people in 1 teams' });
  });

  it('answers 409 naming PAVED_SECRET_KEY when no key is set, and stores nothing', async () => {
    const before = await waveCount();
    const res = await requestOf(buildApp({ db: t.database.db, logger: silentLogger }), 'POST', '/api/v1/surveys', {
      title: 'x',
      capabilities: ['cap-a'],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain('PAVED_SECRET_KEY');
    expect(await waveCount()).toBe(before);
  });
});

describe('personal links', () => {
  it('stores only a nonce and the sha256 of each token: the database alone gives no link', async () => {
    const made = await t.call('POST', '/api/v1/surveys', {
      body: { title: 'Links', teams: ['team-z'], capabilities: ['cap-a'] },
    });
    const res = await t.call('GET', `/api/v1/surveys/${made.body.id}/invitations`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        person: 'user:default/hal',
        name: 'hal',
        email: 'hal@example.com',
        teams: ['team-z'],
        answered: false,
      }),
      expect.objectContaining({ person: 'user:default/ivy', teams: ['team-z'] }),
    ]);
    const rows = await t.database.db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('wave_id', '=', made.body.id)
      .orderBy('person_ref')
      .execute();
    for (const [i, item] of (res.body.items as { link: string }[]).entries()) {
      expect(item.link).toMatch(/^http:\/\/localhost\/survey\/[A-Za-z0-9_-]{43}$/);
      const token = item.link.slice(item.link.lastIndexOf('/') + 1);
      expect(rows[i]?.token_hash).toBe(sha256(token));
      expect(JSON.stringify(rows[i])).not.toContain(token);
    }
    // The same links again: they are made from the nonce, not stored.
    expect((await t.call('GET', `/api/v1/surveys/${made.body.id}/invitations`)).body).toEqual(res.body);
  });

  it('exports the links as CSV with a header row, every value quoted and formulas defused', async () => {
    const made = await t.call('POST', '/api/v1/surveys', {
      body: { title: 'CSV', teams: ['team-y'], capabilities: ['cap-a'] },
    });
    const res = await t.app.request(`/api/v1/surveys/${made.body.id}/invitations?format=csv`, {
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = (await res.text()).split('\r\n');
    const tokens = await tokensOf(t, made.body.id);
    const link = (who: string) => `http://localhost/survey/${tokens[who]}`;
    expect(lines).toEqual([
      '"person","name","email","teams","link","answered"',
      `"user:default/eve","eve","eve@example.com","team-x; team-y","${link('eve')}","no"`,
      `"user:default/fay","'=HYPERLINK(""http://evil.example"",""x"")","fay@example.com","team-y","${link('fay')}","no"`,
      `"user:default/gus","Gus ""G"", Jr.","gus@example.com","team-y","${link('gus')}","no"`,
      '',
    ]);
  });

  it('builds links on PAVED_PUBLIC_URL when it is set', async () => {
    const made = await t.call('POST', '/api/v1/surveys', {
      body: { title: 'x', teams: ['team-z'], capabilities: ['cap-a'] },
    });
    const behindProxy = buildApp({
      db: t.database.db,
      logger: silentLogger,
      secretKey,
      auth: { ...DEFAULT_AUTH_SETTINGS, publicUrl: 'https://paved.example.com' },
    });
    const res = await requestOf(behindProxy, 'GET', `/api/v1/surveys/${made.body.id}/invitations`);
    expect(res.body.items[0].link).toMatch(/^https:\/\/paved\.example\.com\/survey\/[A-Za-z0-9_-]{43}$/);
  });

  it('lets only platform team members read the links', async () => {
    const member = await t.call('GET', '/api/v1/surveys/1/invitations', { role: 'member' });
    expect(member.status).toBe(403);
    expect((await t.call('GET', '/api/v1/surveys/999999/invitations')).status).toBe(404);
  });
});

describe('closing a wave', () => {
  it('closes it and records who did', async () => {
    const made = await t.call('POST', '/api/v1/surveys', {
      body: { title: 'Short', teams: ['team-z'], capabilities: ['cap-a'] },
    });
    const res = await t.call('PATCH', `/api/v1/surveys/${made.body.id}`, {
      body: { status: 'closed', title: 'Short one' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', title: 'Short one' });
    const bad = await t.call('PATCH', `/api/v1/surveys/${made.body.id}`, { body: { status: 'open' } });
    expect([bad.status, bad.body.error.details[0].field]).toEqual([400, 'status']);
  });
});
