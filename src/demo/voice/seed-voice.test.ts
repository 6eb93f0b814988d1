import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { runImport } from '../../modules/imports/run-import.js';
import { generateDemoAdoption } from '../generate-adoption.js';
import { generateDemoCatalog } from '../generate-catalog.js';
import { DEMO_SOURCE } from '../seed-demo.js';
import { generateDemoVoice } from './generate-voice.js';
import { seedDemoVoice, type SeedVoiceResult } from './seed-voice.js';
import type { DemoVoicePlan } from './voice-plan.js';

// The demo's voice, written and then read back through Paved's own API: the figures a visitor sees tell the story.

const TODAY = new Date('2026-11-25T09:30:00Z');
const LATER = new Date('2026-12-10T08:00:00Z');
const TABLES = [
  'feedback',
  'request_votes',
  'problems',
  'roadmap_items',
  'roadmap_links',
  'conversations',
  'conversation_pains',
  'engagements',
  'survey_waves',
  'survey_invitations',
  'survey_answers',
  'survey_csat_scores',
  'sla_policies',
  'support_categories',
] as const;

const catalog = generateDemoCatalog(42);
const plan = generateDemoVoice(catalog, generateDemoAdoption(catalog, 42, TODAY), 42, TODAY);
let t: TestApp;
let first: SeedVoiceResult;

/** The rows a plan puts in each table, counted from the plan alone. */
function plannedRows(p: DemoVoicePlan): Record<(typeof TABLES)[number], number> {
  const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((n, x) => n + f(x), 0);
  return {
    feedback: p.items.length,
    request_votes: p.votes.length,
    problems: p.problems.length,
    roadmap_items: p.roadmap.length,
    roadmap_links: sum(p.roadmap, (r) => r.problems.length + r.requests.length),
    conversations: p.conversations.length,
    conversation_pains: sum(p.conversations, (c) => c.pains.length),
    engagements: p.engagements.length,
    survey_waves: p.waves.length,
    survey_invitations: sum(p.waves, (w) => w.invited.length),
    survey_answers: sum(p.waves, (w) => w.answers.length),
    survey_csat_scores: sum(p.waves, (w) => sum(w.answers, (a) => a.csat.length)),
    sla_policies: sum(p.slaPolicies, (s) => s.severities.length),
    support_categories: p.supportCategories.length,
  };
}

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      t.database.db,
    );
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

const summary = async (from: string, to: string) => {
  const res = await t.call('GET', `/api/v1/voice/summary?from=${from}T00:00:00Z&to=${to}T00:00:00Z`);
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await createTestApp();
  await runImport(t.database.db, { files: catalog.files, source: DEMO_SOURCE, skipInvalid: false, actor: 'demo' });
  first = await seedDemoVoice(t.database.db, catalog, plan);
}, 120_000);
afterAll(() => t.close());

describe('seedDemoVoice', () => {
  it('stores every planned row, and seeding the same day again changes nothing', async () => {
    expect(first.status).toBe('seeded');
    const counts = await rowCounts();
    expect(counts).toEqual(plannedRows(plan));
    const again = await seedDemoVoice(
      t.database.db,
      catalog,
      generateDemoVoice(catalog, generateDemoAdoption(catalog, 42, new Date('2026-11-25T21:00:00Z')), 42, TODAY),
    );
    expect(again.status).toBe('unchanged');
    expect(await rowCounts()).toEqual(counts);
  });

  it('shows every self-service category deflected: fewer requests per team-month after its GA', async () => {
    const { deflection } = await summary('2026-08-25', '2026-11-25');
    expect(deflection).toHaveLength(plan.supportCategories.filter((c) => c.capability).length);
    for (const d of deflection) {
      // ratio = (requests after / (teams × months after)) / (requests before / (teams × 6)); 30 teams, 6 months each.
      expect(d.afterMonths, d.category).toBe(6);
      expect(d.ratio, d.category).toBeCloseTo(d.requestsAfter / 30 / 6 / (d.requestsBefore / 30 / 6), 10);
      expect(d.ratio, d.category).toBeLessThan(1);
    }
  });

  it('shrinks the support queue and answers faster; meets bug SLAs more often', async () => {
    const early = await summary('2024-11-25', '2025-05-25');
    const late = await summary('2026-05-25', '2026-11-25');
    expect(late.support.n).toBeLessThan(early.support.n * 0.7);
    expect(late.support.medianHoursToFirstResponse).toBeLessThan(early.support.medianHoursToFirstResponse / 1.5);
    expect(late.support.medianHoursToResolve).toBeLessThan(early.support.medianHoursToResolve);
    expect(late.bugs.n).toBeGreaterThan(early.bugs.n);
    expect(late.bugs.fixWithinSla).toBeGreaterThan(early.bugs.fixWithinSla + 0.3);
    expect(late.bugs.ackWithinSla).toBeGreaterThan(early.bugs.ackWithinSla);
  });

  it('has talked with most customer teams in the last 90 days, and names the others to talk to next', async () => {
    const { contactCoverage } = await summary('2026-08-25', '2026-11-25');
    // By hand: customer teams with a planned conversation dated 2026-08-28 (89 days before) to 2026-11-25.
    const recent = new Set(plan.conversations.filter((c) => c.on >= '2026-08-28').map((c) => c.team));
    expect(contactCoverage).toMatchObject({ contacted: recent.size, teams: 30, value: recent.size / 30 });
    expect(contactCoverage.value).toBeGreaterThanOrEqual(0.6);
    expect(contactCoverage.value).toBeLessThanOrEqual(0.95);
  });

  it('runs four closed survey waves whose NPS rises, each as computed by hand from the answers', async () => {
    const waves = await t.call('GET', '/api/v1/surveys');
    expect(waves.body.items).toHaveLength(4);
    const results: { nps: { value: number; answers: number; responseRate: number }; csat: { capability: string }[] }[] =
      [];
    for (const wave of [...waves.body.items].reverse()) {
      expect(wave.status).toBe('closed');
      results.push((await t.call('GET', `/api/v1/surveys/${wave.id}/results`)).body);
    }
    const values = results.map((r) => r.nps.value);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1] ?? 100);
    plan.waves.forEach((w, i) => {
      const scores = w.answers.map((a) => a.nps);
      const nps = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
      const r = results[i];
      expect(r?.nps.value).toBeCloseTo(nps, 1);
      expect(r?.nps.answers).toBe(w.answers.length);
      expect(r?.nps.responseRate).toBeCloseTo(w.answers.length / w.invited.length, 3);
      expect(r?.csat.map((c) => c.capability)).toEqual(w.capabilities);
    });
  });

  it('groups the big unsolved clusters into suggestions spanning many teams', async () => {
    const res = await t.call('GET', '/api/v1/problems/suggestions');
    expect(res.status).toBe(200);
    const wide = res.body.items.filter((s: { teams: string[] }) => s.teams.length >= 3);
    expect(wide.length).toBeGreaterThanOrEqual(3);
  });

  it('ranks open problems and requests in the backlog with RICE, and plans them on the roadmap', async () => {
    const backlog = (await t.call('GET', '/api/v1/backlog')).body.items;
    const problems = backlog.filter((r: { kind: string }) => r.kind === 'problem');
    expect(problems).toHaveLength(plan.problems.filter((p) => p.status === 'open').length);
    for (const row of problems)
      expect(row.rice).toBeCloseTo((row.reach * row.impact * row.confidence) / 100 / row.effort, 2);
    expect(
      backlog.filter((r: { kind: string; rice: number | null }) => r.kind === 'request' && r.rice !== null).length,
    ).toBeGreaterThan(3);
    const roadmap = (await t.call('GET', '/api/v1/roadmap')).body.items;
    expect(new Set(roadmap.map((r: { status: string }) => r.status))).toEqual(
      new Set(['now', 'next', 'later', 'done']),
    );
    for (const r of roadmap) expect(r.problems.length + r.requests.length, r.title).toBeGreaterThan(0);
  });

  it('keeps GitHub issues with their links, and the unplaced ones for triage', async () => {
    const unplaced = (await t.call('GET', '/api/v1/feedback/unplaced')).body.items;
    expect(unplaced.length).toBe(plan.items.filter((i) => i.team === null).length);
    for (const item of unplaced) {
      expect(item.source).toBe('github');
      expect(item.externalUrl).toMatch(/^https:\/\/github\.com\/acme\/[a-z-]+\/issues\/\d+$/);
    }
    const bugs = (await t.call('GET', '/api/v1/bugs?limit=200')).body.items;
    expect(bugs.some((b: { source: string; team: string | null }) => b.source === 'github' && b.team !== null)).toBe(
      true,
    );
  });
});

// Last: it replaces what the tests above read.
describe('seedDemoVoice on a later day', () => {
  it('replaces, not duplicates, the voice history', async () => {
    const later = generateDemoVoice(catalog, generateDemoAdoption(catalog, 42, LATER), 42, LATER);
    const result = await seedDemoVoice(t.database.db, catalog, later);
    expect(result.status).toBe('seeded');
    expect(plannedRows(later)).not.toEqual(plannedRows(plan));
    expect(await rowCounts()).toEqual(plannedRows(later));
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from feedback where external_id like ${`demo:42:${plan.today}:%`}`.execute(
      t.database.db,
    );
    expect(rows[0]?.n).toBe(0);
  }, 60_000);
});
