import { expect } from 'vitest';
import type { TestApp } from './app.js';

/**
 * The organisation the survey tests ask: customer teams team-x (ann, bob, cat, dan, eve), team-y (eve, fay, gus)
 * and team-z (hal, ivy), each owning a service; the platform team platform-a (pat) owns cap-a and cap-b. Eve is in
 * two teams and is invited once.
 */
export const PEOPLE: Record<string, string[]> = {
  ann: ['team-x'],
  bob: ['team-x'],
  cat: ['team-x'],
  dan: ['team-x'],
  eve: ['team-x', 'team-y'],
  fay: ['team-y'],
  gus: ['team-y'],
  hal: ['team-z'],
  ivy: ['team-z'],
  pat: ['platform-a'],
};

const user = (name: string, teams: string[], title?: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ${name}\n${title ? `  title: ${JSON.stringify(title)}\n` : ''}spec:\n  profile: { email: ${name}@example.com }\n  memberOf: [${teams.join(', ')}]\n`;

export async function seedSurveyOrg(t: TestApp, titles: Record<string, string> = {}): Promise<void> {
  for (const name of ['team-x', 'team-y', 'team-z', 'platform-a'])
    expect((await t.call('POST', '/api/v1/teams', { body: { name, type: 'team' } })).status).toBe(201);
  for (const team of ['team-x', 'team-y', 'team-z']) {
    const service = { name: `svc-${team}`, type: 'service', lifecycle: 'production', owner: team };
    expect((await t.call('POST', '/api/v1/services', { body: service })).status).toBe(201);
  }
  for (const [name, title] of [
    ['cap-a', 'Golden CI'],
    ['cap-b', 'Paved Road Deploys'],
  ]) {
    const capability = { name, title, owner: 'platform-a', lifecycle: 'ga' };
    expect((await t.call('POST', '/api/v1/capabilities', { body: capability })).status).toBe(201);
  }
  const content = Object.entries(PEOPLE)
    .map(([name, teams]) => user(name, teams, titles[name]))
    .join('---\n');
  const imported = await t.call('POST', '/api/v1/imports/backstage', {
    body: { source: 'people', files: [{ path: 'people.yaml', content }] },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
}

/** A wave's tokens by person name, read from its links. */
export async function tokensOf(t: TestApp, waveId: number): Promise<Record<string, string>> {
  const res = await t.call('GET', `/api/v1/surveys/${waveId}/invitations`);
  expect(res.status).toBe(200);
  const items = res.body.items as { person: string; link: string }[];
  return Object.fromEntries(
    items.map((i) => [i.person.replace('user:default/', ''), i.link.slice(i.link.lastIndexOf('/') + 1)]),
  );
}

/** Answers through a personal link, without signing in. */
export const answer = (t: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.call('POST', '/api/v1/surveys/answer', { role: null, headers, body });
