import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import type { DemoAdoptionPlan, DemoTeamAdoption } from './adoption-plan.js';
import { generateDemoAdoption } from './generate-adoption.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { expandUsageEvents } from './usage-events.js';

const TODAY = new Date('2026-11-25T00:00:00Z');
const catalog = generateDemoCatalog(42);
const plan = generateDemoAdoption(catalog, 42, TODAY);
const customerTeams = catalog.teams.filter((t) => t.role === 'customer');

const active = (capability: string, p: DemoAdoptionPlan = plan) =>
  p.teams.filter((t) => t.capability === capability && t.churnedOn === null);
const share = (teams: DemoTeamAdoption[], kind: 'voluntary' | 'mandated') =>
  teams.filter((t) => t.kind === kind).length / teams.length;
const DAY = 86_400_000;
const day = (text: string) => Date.parse(`${text}T00:00:00Z`);

/** The invariants every seed must keep, whatever it draws. */
function checkInvariants(p: DemoAdoptionPlan, c = catalog) {
  const services = new Map(c.services.map((s) => [s.name, s]));
  const teams = new Map(c.teams.map((t) => [t.name, t]));
  const capabilities = new Map(c.capabilities.map((x) => [x.name, x]));
  const inWindow = (d: string) => d >= p.windowStart && d < p.today;

  expect(p.mandates).toHaveLength(2);
  for (const s of p.services) {
    const service = services.get(s.service);
    expect(service, s.service).toBeDefined();
    expect(service?.owner).toBe(s.team);
    expect(teams.get(s.team)?.role).toBe('customer');
    expect(inWindow(s.adoptedOn), `${s.capability} ${s.service} ${s.adoptedOn}`).toBe(true);
    expect(s.adoptedOn >= (service?.createdOn ?? '')).toBe(true);
    const story = p.stories.find((x) => x.capability === s.capability);
    expect(s.adoptedOn >= (story?.opensOn ?? '')).toBe(true);
    if (s.churnedOn) expect(s.churnedOn > s.adoptedOn && s.churnedOn < p.today).toBe(true);
    if (s.events) expect(s.events.firstOn > s.adoptedOn && s.events.firstOn < p.today).toBe(true);

    const capability = capabilities.get(s.capability);
    expect(s.detection?.evidence.length).toBeGreaterThan(0);
    for (const e of s.detection?.evidence ?? []) {
      const rule = capability?.detect[e.ruleIndex];
      if (!rule) throw new Error(`${s.capability}: no rule ${e.ruleIndex}`);
      if ('files' in rule) {
        expect(picomatch(rule.files, { dot: true })(e.file), `${e.file} ~ ${rule.files}`).toBe(true);
        if (rule.pattern) expect(new RegExp(rule.pattern).test(e.text), `${e.text} ~ ${rule.pattern}`).toBe(true);
      } else {
        expect(rule.dependency.ecosystem).toBe(service?.ecosystem);
        expect(e.text).toContain(rule.dependency.name.split(':').pop());
      }
    }
  }
  for (const r of p.repositories) {
    const service = services.get(r.service);
    expect(r.name).toBe(service?.repository.slug);
    expect(r.path).toBe(`demo://${service?.repository.slug}`);
    expect(r.remoteUrl).toBe(`${service?.repository.url}.git`);
    expect(r.head).toMatch(/^[0-9a-f]{40}$/);
  }
  expect(new Set(p.repositories.map((r) => r.path)).size).toBe(p.repositories.length);
  for (const d of p.declarations) expect(inWindow(d.on)).toBe(true);
  for (const v of p.views) expect(inWindow(v.on)).toBe(true);
  for (const m of p.mandates) expect(inWindow(m.effectiveOn)).toBe(true);
}

describe('generateDemoAdoption', () => {
  it('is the same plan for the same seed and day, whatever the time of day, and another for another seed', () => {
    const later = generateDemoAdoption(generateDemoCatalog(42), 42, new Date('2026-11-25T23:59:59Z'));
    expect(JSON.stringify(later)).toBe(JSON.stringify(plan));
    expect(plan.today).toBe('2026-11-25');
    expect(plan.windowStart).toBe('2024-11-25');
    expect(generateDemoAdoption(generateDemoCatalog(7), 7, TODAY).teams).not.toEqual(plan.teams);
  });

  it('tells one story per capability', () => {
    expect(plan.stories.map((s) => s.capability)).toEqual(catalog.capabilities.map((c) => c.name));
    expect(Object.fromEntries(plan.stories.map((s) => [s.capability, s.kind]))).toMatchObject({
      'golden-ci': 'pulled',
      'service-telemetry': 'pulled',
      'progressive-delivery': 'pushed',
      'secrets-injection': 'mandated-teams',
      'jenkins-shared-library': 'churning',
      'slo-as-code': 'early-adopters',
      'dev-environments': 'not-adopted',
    });
  });

  it.each([1, 7, 42, 2024])('keeps every signal real and inside the 24 months for seed %i', (seed) => {
    const c = generateDemoCatalog(seed);
    checkInvariants(generateDemoAdoption(c, seed, TODAY), c);
  });

  it('has exactly two mandates: every customer team for the deploy capability, a short list for another', () => {
    const push = plan.mandates.find((m) => m.scope === 'all');
    const list = plan.mandates.find((m) => m.scope !== 'all');
    expect(push).toMatchObject({ capability: 'progressive-delivery', scope: 'all' });
    expect(push?.deadlineOn && push.deadlineOn > push.effectiveOn).toBe(true);
    expect(list?.capability).toBe('secrets-injection');
    const scope = list?.scope === 'all' ? [] : (list?.scope ?? []);
    expect(scope.length).toBeGreaterThanOrEqual(3);
    expect(scope.length).toBeLessThanOrEqual(5);
    for (const team of scope) expect(catalog.teams.find((t) => t.name === team)?.role).toBe('customer');
  });

  it('has golden CI and telemetry pulled: most customer teams, all of them voluntary', () => {
    for (const capability of ['golden-ci', 'service-telemetry']) {
      const teams = active(capability);
      expect(teams.length / customerTeams.length, capability).toBeGreaterThanOrEqual(0.7);
      expect(share(teams, 'voluntary'), capability).toBe(1);
    }
  });

  it('has progressive delivery pushed: mostly mandated, with a jump after the mandate took effect', () => {
    const teams = active('progressive-delivery');
    const mandate = plan.mandates.find((m) => m.capability === 'progressive-delivery');
    const effective = day(mandate?.effectiveOn ?? '');
    expect(share(teams, 'mandated')).toBeGreaterThanOrEqual(0.7);
    for (const t of teams) expect(t.kind === 'mandated').toBe(day(t.adoptedOn) >= effective);
    const within = (from: number, to: number) =>
      teams.filter((t) => day(t.adoptedOn) >= from && day(t.adoptedOn) < to).length;
    expect(within(effective, effective + 90 * DAY)).toBeGreaterThan(3 * within(effective - 90 * DAY, effective));
  });

  it('has the Jenkins library churning: teams drop it as their services move to golden CI', () => {
    const jenkins = plan.teams.filter((t) => t.capability === 'jenkins-shared-library');
    const churned = jenkins.filter((t) => t.churnedOn !== null);
    expect(churned.length).toBeGreaterThanOrEqual(3);
    expect(jenkins.length - churned.length).toBeGreaterThanOrEqual(3);
    const goldenCi = new Map(
      plan.services.filter((s) => s.capability === 'golden-ci').map((s) => [s.service, s.adoptedOn]),
    );
    for (const s of plan.services.filter((x) => x.capability === 'jenkins-shared-library' && x.churnedOn)) {
      const moved = day(goldenCi.get(s.service) ?? '');
      expect(day(s.churnedOn ?? '') - moved).toBeGreaterThanOrEqual(0);
      expect(day(s.churnedOn ?? '') - moved).toBeLessThanOrEqual(3 * DAY);
    }
  });

  it('has a few early adopters of the betas, nobody on the experimental one, and some teams aware of it', () => {
    for (const capability of ['slo-as-code', 'event-streaming']) {
      const n = plan.teams.filter((t) => t.capability === capability).length;
      expect(n, capability).toBeGreaterThanOrEqual(2);
      expect(n, capability).toBeLessThanOrEqual(5);
    }
    expect(plan.teams.filter((t) => t.capability === 'event-streaming' && t.declared && t.churnedOn)).toHaveLength(1);
    expect(plan.teams.filter((t) => t.capability === 'dev-environments')).toEqual([]);
    expect(
      new Set(plan.views.filter((v) => v.capability === 'dev-environments').map((v) => v.team)).size,
    ).toBeGreaterThanOrEqual(5);
  });

  it('expands usage events a few a week, each with a stable id, the last within 30 days of today', () => {
    const streams = plan.services.filter((s) => s.events);
    const events = streams.flatMap((s) => expandUsageEvents(plan, s));
    expect(events.length).toBeGreaterThan(10_000);
    expect(events.length).toBeLessThan(60_000);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(streams.flatMap((s) => expandUsageEvents(plan, s))).toEqual(events);
    const today = day(plan.today);
    for (const s of streams) {
      const times = expandUsageEvents(plan, s).map((e) => e.occurredAt.getTime());
      expect(Math.floor(Math.min(...times) / DAY) * DAY).toBe(day(s.events?.firstOn ?? ''));
      expect(Math.max(...times)).toBeLessThan(today);
      expect(Math.max(...times)).toBeGreaterThan(today - 30 * DAY);
    }
  });

  it('refuses a day too soon after a capability went GA for its story to be told', () => {
    expect(() => generateDemoAdoption(catalog, 42, new Date('2025-11-01T00:00:00Z'))).toThrow(RangeError);
  });
});
