import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;

// Names and titles that sort differently: the list shows titles, so it is in title order.
const team = (name: string, title?: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${name}${title ? `\n  title: ${title}` : ''}
spec: { type: team, children: [] }
`;
const TEAMS = [
  team('billing', 'Billing'),
  team('cx', 'Customer Experience'),
  team('zz-ops', 'Ads operations'),
  team('delta'),
  team('ab', 'Zebra'),
].join('---\n');

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.call('POST', '/api/v1/imports/backstage', {
    body: { files: [{ path: 'teams.yaml', content: TEAMS }], source: 'seed' },
  });
  if (res.status !== 200) throw new Error(`seed import failed: ${JSON.stringify(res.body)}`);
});
afterAll(() => t.close());

it('lists teams by title (name when untitled, any case), page by page without gaps', async () => {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const res = await t.call('GET', `/api/v1/teams?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    pages.push((res.body.items as { name: string }[]).map((i) => i.name));
    cursor = res.body.nextCursor;
  } while (cursor !== null && pages.length < 10);
  // Ads operations, Billing, Customer Experience, delta, Zebra
  expect(pages).toEqual([['zz-ops', 'billing'], ['cx', 'delta'], ['ab']]);
});
