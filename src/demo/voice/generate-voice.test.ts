import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../modules/voice/summary/compute-coverage.js';
import { computeDeflection } from '../../modules/voice/summary/compute-deflection.js';
import { addMonths, parseDay } from '../adoption-dates.js';
import { demoRef } from '../demo-catalog.js';
import { generateDemoAdoption } from '../generate-adoption.js';
import { generateDemoCatalog } from '../generate-catalog.js';
import { generateDemoVoice, type DemoVoicePlan } from './generate-voice.js';
import { SUPPORT_CATEGORIES, THEMES } from './themes.js';

const TODAY = new Date('2026-11-25T09:30:00Z');
const DAY = 86_400_000;
const catalog = generateDemoCatalog(42);
const adoption = generateDemoAdoption(catalog, 42, TODAY);
const plan = generateDemoVoice(catalog, adoption, 42, TODAY);
const customers = catalog.teams.filter((t) => t.role === 'customer');
const day = (time: string) => parseDay(time.slice(0, 10));

/** NPS (DOMAIN.md): % of answers 9-10 minus % of answers 0-6. */
const npsOf = (scores: number[]) =>
  (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;

describe('generateDemoVoice', () => {
  it('is the same plan for the same seed and day, whatever the hour, and another on another day', () => {
    const evening = new Date('2026-11-25T22:00:00Z');
    expect(generateDemoVoice(catalog, generateDemoAdoption(catalog, 42, evening), 42, evening)).toEqual(plan);
    const later = new Date('2026-12-10T08:00:00Z');
    const other: DemoVoicePlan = generateDemoVoice(catalog, generateDemoAdoption(catalog, 42, later), 42, later);
    expect(other.today).toBe('2026-12-10');
    expect(other.items.length).not.toBe(plan.items.length);
  });

  it('holds a demo-sized history: hundreds of pains, about a thousand support requests, a thousand votes', () => {
    const kinds = (kind: string) => plan.items.filter((i) => i.kind === kind).length;
    expect(kinds('pain')).toBeGreaterThan(250);
    expect(kinds('request')).toBeGreaterThan(40);
    expect(kinds('bug')).toBeGreaterThan(100);
    expect(kinds('support')).toBeGreaterThan(800);
    expect(plan.items.length).toBeLessThan(4000);
    expect(plan.votes.length).toBeGreaterThan(500);
    expect(plan.waves).toHaveLength(4);
    expect(plan.engagements).toHaveLength(2);
    expect(new Set(plan.items.map((i) => i.key)).size).toBe(plan.items.length);
  });

  it('happens before today, and in the 24 months except the history behind capabilities shipped earlier', () => {
    const today = parseDay(plan.today);
    const start = parseDay(plan.windowStart);
    expect(plan.windowStart).toBe('2024-11-25');
    for (const i of plan.items) {
      for (const t of [i.openedAt, i.respondedAt, i.closedAt]) if (t) expect(day(t) < today, i.key).toBe(true);
      if (i.respondedAt) expect(i.respondedAt >= i.openedAt, i.key).toBe(true);
      if (i.closedAt) expect(i.closedAt >= i.openedAt, i.key).toBe(true);
      if (day(i.openedAt) >= start) continue;
      // Older: a request answered by a capability GA since, or support in the 6 months before its category's GA.
      const category = SUPPORT_CATEGORIES.find((c) => c.category === i.category);
      const ga = catalog.capabilities.find((c) => c.name === (i.capability ?? category?.capability))?.gaDate;
      expect(ga, i.key).toBeTruthy();
      if (i.kind === 'request') expect(i.requestStatus === 'done' && i.closedAt! >= ga!, i.key).toBe(true);
      else expect(i.kind === 'support' && day(i.openedAt) >= addMonths(parseDay(ga!), -6), i.key).toBe(true);
    }
    for (const v of plan.votes) expect(day(v.at) < today).toBe(true);
    for (const c of plan.conversations) expect(c.on >= plan.windowStart && c.on < plan.today).toBe(true);
    for (const w of plan.waves) expect(w.opensAt >= plan.windowStart && w.closesAt < plan.today).toBe(true);
  });

  it("stops a team's pains about a theme when the team adopts the capability built for it, and resolves them", () => {
    const adopted = new Map(adoption.teams.map((t) => [`${t.team} ${t.capability}`, t.adoptedOn]));
    let checked = 0;
    for (const pain of plan.items.filter((i) => i.kind === 'pain' && i.theme)) {
      const relief = THEMES.find((t) => t.key === pain.theme)?.relief;
      const on = adopted.get(`${pain.team} ${relief}`);
      if (!on) continue;
      checked++;
      expect(pain.openedAt < on, pain.key).toBe(true);
      // Resolved within 25 days of the adoption, unless that is after today.
      if (parseDay(on) + 25 < parseDay(plan.today)) expect(pain.closedAt! >= on, pain.key).toBe(true);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('makes every linked support category rarer per team-month after its capability’s GA (deflection < 1)', () => {
    const links = plan.supportCategories.flatMap((c) => {
      const ga = catalog.capabilities.find((k) => k.name === c.capability)?.gaDate;
      return ga && c.capability ? [{ category: c.category, capability: c.capability, gaDate: new Date(ga) }] : [];
    });
    expect(links.length).toBeGreaterThanOrEqual(6);
    const requests = plan.items
      .filter((i) => i.kind === 'support' && i.team && i.category)
      .map((i) => ({ category: i.category!, team: demoRef('group', i.team!), openedAt: new Date(i.openedAt) }));
    for (const d of computeDeflection(links, requests, customers.length, TODAY)) {
      expect(d.requestsBefore, d.category).toBeGreaterThan(10);
      expect(d.ratio, d.category).not.toBeNull();
      expect(d.ratio!, d.category).toBeLessThan(1);
    }
  });

  it('improves NPS wave after wave, from negative to clearly positive', () => {
    const scores = plan.waves.map((w) => npsOf(w.answers.map((a) => a.nps)));
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThan(scores[i - 1]!);
    expect(scores[0]!).toBeLessThan(0);
    expect(scores[3]!).toBeGreaterThan(20);
    for (const w of plan.waves) {
      const rate = w.answers.length / w.invited.length;
      expect(rate).toBeGreaterThan(0.35);
      expect(rate).toBeLessThan(0.7);
    }
  });

  it('has talked with most customer teams in the last 90 days, not all of them', () => {
    const coverage = computeCoverage(
      customers.map((t) => ({
        ref: t.ref,
        name: t.name,
        title: t.title,
        openPains: 0,
        capabilitiesAdopted: 0,
        people: 0,
      })),
      plan.conversations.map((c) => ({
        teamRef: demoRef('group', c.team),
        platformTeam: c.platformTeam,
        occurredOn: c.on,
      })),
      [...new Set(plan.conversations.map((c) => c.platformTeam))],
      new Date(`${plan.today}T00:00:00Z`),
    );
    expect(coverage.value!).toBeGreaterThanOrEqual(0.6);
    expect(coverage.value!).toBeLessThanOrEqual(0.95);
    expect(coverage.talkToNext.length).toBeGreaterThan(0);
    // Every customer team was talked with at some point.
    expect(new Set(plan.conversations.map((c) => c.team)).size).toBe(customers.length);
  });

  it('accepts problems before the capabilities built for them, and plans the open ones on the roadmap', () => {
    for (const p of plan.problems.filter((x) => x.capability)) {
      const ga = catalog.capabilities.find((c) => c.name === p.capability)?.gaDate;
      if (ga) expect(p.createdAt < ga && p.status === 'solved', p.key).toBe(true);
      else expect(p.status, p.key).toBe('open');
    }
    expect(new Set(plan.roadmap.map((r) => r.status))).toEqual(new Set(['now', 'next', 'later', 'done']));
    const open = plan.problems.filter((p) => p.status === 'open').map((p) => p.key);
    const planned = plan.roadmap.filter((r) => r.status !== 'done').flatMap((r) => r.problems);
    expect(planned.sort()).toEqual(open.sort());
    expect(plan.items.some((i) => i.github && i.team === null)).toBe(true);
    expect(plan.items.filter((i) => i.github).length).toBeGreaterThan(10);
  });

  it('ends its engagements after they start, one of them still under way', () => {
    for (const e of plan.engagements) expect(e.endsOn! > e.startsOn).toBe(true);
    expect(plan.engagements.filter((e) => e.endsOn! >= plan.today)).toHaveLength(1);
    expect(plan.engagements[0]!.startsOn < plan.engagements[1]!.startsOn).toBe(true);
    expect(Date.parse(plan.today) - Date.parse(plan.engagements[1]!.startsOn)).toBeLessThan(31 * DAY);
  });
});
