import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.js';
import { feedbackCatalog } from '../../../../../test/feedback-catalog.js';
import { reachTeams } from '../../reach/repo.js';

// Votes on a feature request and its reach (DOMAIN.md): one vote per person, withdrawable; reach = distinct
// customer teams among the request's author team and its voters' teams as they were when they voted.
let t: TestApp;
let as: Awaited<ReturnType<typeof feedbackCatalog>>;
const secrets: Record<string, string> = {};
let request: number;

const user = (name: string, teams: string[]) =>
  `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { profile: { email: ${name}@example.com }, memberOf: [${teams.join(', ')}] }\n`;
async function people(memberships: Record<string, string[]>) {
  const content = Object.entries(memberships)
    .map(([name, teams]) => user(name, teams))
    .join('---\n');
  const res = await t.call('POST', '/api/v1/imports/backstage', {
    body: { source: 'people', files: [{ path: 'people.yaml', content }] },
  });
  expect(res.status).toBe(200);
}
const vote = (who: string, method: 'POST' | 'DELETE', id = request) =>
  as(secrets[who] ?? who, method, `/api/v1/requests/${id}/votes`);
const votesOf = (id: number) =>
  t.database.db.selectFrom('request_votes').selectAll().where('request_id', '=', id).execute();

beforeAll(async () => {
  t = await createTestApp();
  as = await feedbackCatalog(t);
  // ann is in the author's team, bob in another customer team, cat in the platform team that owns cap-a.
  await people({ ann: ['team-x'], bob: ['team-y'], cat: ['platform-a'] });
  for (const name of ['ann', 'bob', 'cat']) {
    const res = await t.call('POST', '/api/v1/tokens', { body: { name: `${name}-laptop`, user: name } });
    expect(res.status).toBe(201);
    secrets[name] = res.body.token;
  }
  const created = await as('x-dev', 'POST', '/api/v1/requests', {
    team: 'team-x',
    capability: 'cap-a',
    title: 'Preview environments',
  });
  expect(created.status).toBe(201);
  request = created.body.id;
});
afterAll(() => t.close());

it('counts each person’s vote, and reach as the distinct customer teams of the author and the voters', async () => {
  for (const who of ['ann', 'bob', 'cat']) expect((await vote(who, 'POST')).status).toBe(201);
  // Teams: team-x (the author's), team-x (ann), team-y (bob), platform-a (cat). platform-a owns a capability, so it
  // is no customer team: the distinct customer teams are team-x and team-y, reach = 2; votes = 3.
  const seen = await as(secrets.bob!, 'GET', `/api/v1/requests/${request}`);
  expect(seen.body).toMatchObject({ votes: 3, reach: 2, voted: true });
  expect((await as('x-dev', 'GET', `/api/v1/requests/${request}`)).body.voted).toBe(false);
  expect((await reachTeams(t.database.db, { requests: [request] })).map((r) => r.ref)).toEqual([
    'group:default/team-x',
    'group:default/team-y',
  ]);
  const listed = await t.call('GET', '/api/v1/requests?team=team-x');
  expect(listed.body.items).toMatchObject([{ id: request, votes: 3, reach: 2 }]);
});

it('counts a second vote once: 200, the same counts, no second row, and an audit entry that changed nothing', async () => {
  const again = await vote('bob', 'POST');
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ votes: 3, reach: 2, voted: true });
  expect((await votesOf(request)).filter((v) => v.person_ref === 'user:default/bob')).toHaveLength(1);
  const entry = await t.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  expect([entry.action, entry.actor, entry.changes]).toEqual(['vote', 'bob', {}]);
});

it('withdraws a vote, and withdrawing again changes nothing', async () => {
  const withdrawn = await vote('bob', 'DELETE');
  // Left: team-x (author, ann) and platform-a (cat, no customer team): reach 1; votes 2.
  expect([withdrawn.status, withdrawn.body.votes, withdrawn.body.reach, withdrawn.body.voted]).toEqual([
    200,
    2,
    1,
    false,
  ]);
  expect((await vote('bob', 'DELETE')).body).toMatchObject({ votes: 2, reach: 1 });
  expect((await vote('bob', 'POST')).body).toMatchObject({ votes: 3, reach: 2, voted: true });
});

it('keeps the team a voter had when voting after they move to another team', async () => {
  await people({ ann: ['team-x'], bob: ['team-z'], cat: ['platform-a'] });
  const me = await as(secrets.bob!, 'GET', '/api/v1/me');
  expect(me.body.teams).toEqual(['group:default/team-z']);
  // Still team-x and team-y: bob's vote counts team-y, his team when he voted, not team-z.
  expect((await t.call('GET', `/api/v1/requests/${request}`)).body).toMatchObject({ votes: 3, reach: 2 });
  const bob = (await votesOf(request)).find((v) => v.person_ref === 'user:default/bob');
  expect(bob?.teams).toEqual(['group:default/team-y']);
  // A vote cast now counts team-z: with the author's team-y, reach 2 from 1 vote.
  const other = await as('y-dev', 'POST', '/api/v1/requests', { team: 'team-y', title: 'Faster pipelines' });
  expect((await vote('bob', 'POST', other.body.id)).body).toMatchObject({ votes: 1, reach: 2 });
});

it('refuses a token that acts for no person, a viewer, a missing request and a closed one; nothing is stored', async () => {
  const before = (await votesOf(request)).length;
  const service = await vote('x-dev', 'POST');
  expect([service.status, service.body.error.code]).toEqual([403, 'FORBIDDEN']);
  expect(service.body.error.message).toContain('person');
  expect((await t.call('POST', `/api/v1/requests/${request}/votes`, { role: 'viewer' })).status).toBe(403);
  expect((await vote('ann', 'POST', 999999)).status).toBe(404);
  const declined = await t.call('POST', '/api/v1/requests', {
    body: { team: 'team-x', title: 'Mainframe', status: 'declined' },
  });
  const refused = await vote('ann', 'POST', declined.body.id);
  expect([refused.status, refused.body.error.code]).toEqual([409, 'CONFLICT']);
  expect((await votesOf(request)).length).toBe(before);
  expect(await votesOf(declined.body.id)).toEqual([]);
});
