import { describe, expect, it } from 'vitest';
import { generateDemoAdoption } from './generate-adoption.js';
import { generateDemoCatalog } from './generate-catalog.js';
import { generateDemoDelivery, UNMAPPED_REPOSITORY, type DemoDeliveryPlan } from './generate-delivery.js';

const TODAY = new Date('2026-11-25T09:30:00Z');
const catalog = generateDemoCatalog(42);
const adoption = generateDemoAdoption(catalog, 42, TODAY);
const plan = generateDemoDelivery(catalog, adoption, 42, TODAY);
const mapped = plan.streams.filter((s) => s.service !== null);
const DAY = 86_400_000;

const facts = (p: DemoDeliveryPlan) => ({
  deployments: p.streams.flatMap((s) => s.deployments),
  changes: p.streams.flatMap((s) => s.changes),
  incidents: p.streams.flatMap((s) => s.incidents),
});

describe('generateDemoDelivery', () => {
  it('gives the same plan for the same catalog, seed and day, and another for another seed', () => {
    const again = generateDemoDelivery(catalog, adoption, 42, new Date('2026-11-25T23:59:00Z'));
    expect(again).toEqual(plan);
    const other = generateDemoDelivery(
      generateDemoCatalog(7),
      generateDemoAdoption(generateDemoCatalog(7), 7, TODAY),
      7,
      TODAY,
    );
    expect(facts(other).deployments.length).not.toBe(facts(plan).deployments.length);
  });

  it('covers the 24 months before today, every month, and nothing on or after today', () => {
    expect(plan.windowStart).toBe('2024-11-25');
    expect(plan.today).toBe('2026-11-25');
    const { deployments, changes, incidents } = facts(plan);
    const times = [
      ...deployments.map((d) => d.finishedAt),
      ...changes.map((c) => c.committedAt),
      ...incidents.flatMap((i) => [i.triggeredAt, i.resolvedAt ?? i.triggeredAt]),
    ];
    expect(times.every((t) => t >= '2024-11-25T00:00:00.000Z' && t < '2026-11-25T00:00:00.000Z')).toBe(true);
    const months = new Map<string, { deployments: number; incidents: number }>();
    for (let m = 0; m < 24; m++)
      months.set(new Date(Date.UTC(2024, 11 + m, 1)).toISOString().slice(0, 7), { deployments: 0, incidents: 0 });
    for (const d of deployments) {
      const month = months.get(d.finishedAt.slice(0, 7));
      if (month) month.deployments++;
    }
    for (const i of incidents) {
      const month = months.get(i.triggeredAt.slice(0, 7));
      if (month) month.incidents++;
    }
    // 2024-12 through 2026-11: every month is busy (December's freeze included).
    for (const [month, n] of months) {
      expect(n.deployments, month).toBeGreaterThan(500);
      expect(n.incidents, month).toBeGreaterThan(40);
    }
    expect(deployments.some((d) => d.finishedAt < '2024-11-27')).toBe(true);
    expect(deployments.some((d) => d.finishedAt >= '2026-11-24')).toBe(true);
    // The volume the demo seeds (the README quotes it).
    expect(deployments.length).toBeGreaterThan(20_000);
    expect(deployments.length).toBeLessThan(60_000);
    expect(changes.length).toBeLessThan(120_000);
  });

  it('ships commits in branch order: each deployment ships the commits since the previous one', () => {
    const problems: string[] = [];
    for (const s of plan.streams.filter((x) => x.repository)) {
      const bySha = new Map(s.changes.map((c) => [c.sha, c]));
      s.changes.forEach((b, i) => {
        const a = s.changes[i - 1];
        if (a && !(a.position < b.position && a.committedAt < b.committedAt))
          problems.push(`${b.sha} is not after ${a.sha}`);
      });
      let shipped = -1;
      let finished = '';
      for (const d of s.deployments) {
        const commit = bySha.get(d.commit);
        if (!commit || commit.committedAt >= d.finishedAt)
          problems.push(`${d.id} deploys ${d.commit}, unknown or not yet committed`);
        if (commit && commit.position < shipped)
          problems.push(`${d.id} deploys a commit older than the previous deployment's`);
        if (d.finishedAt < finished) problems.push(`${d.id} is out of order`);
        shipped = commit?.position ?? shipped;
        finished = d.finishedAt;
      }
      // Nothing waits for ever: the last commit is deployed.
      if (s.deployments.at(-1)?.commit !== s.changes.at(-1)?.sha)
        problems.push(`${s.repository?.slug}: the last commit is not deployed`);
    }
    expect(problems).toEqual([]);
    const ids = facts(plan).deployments.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const incidentIds = facts(plan).incidents.map((i) => i.id);
    expect(new Set(incidentIds).size).toBe(incidentIds.length);
  });

  it('ties facts to the annotations that map them, and leaves one repository and one PagerDuty service unmapped', () => {
    const services = new Map(catalog.services.map((s) => [s.name, s]));
    for (const s of mapped) {
      const service = services.get(s.service ?? '');
      expect(service?.type).not.toBe('library');
      expect(s.repository).toEqual({
        provider: service?.repository.provider,
        slug: service?.repository.slug.toLowerCase(),
      });
      expect(s.pagerDutyServiceId).toBe(service?.pagerDutyServiceId);
      expect(s.team).toBe(service?.owner);
      if (!s.pagerDutyServiceId) expect(s.incidents).toEqual([]);
      for (const i of s.incidents) expect(i.pagerDutyServiceId).toBe(s.pagerDutyServiceId);
    }
    expect(mapped).toHaveLength(catalog.services.filter((s) => s.type !== 'library').length);

    const unmapped = plan.streams.filter((s) => s.service === null);
    expect(unmapped).toHaveLength(2);
    const [repository, pagerDuty] = unmapped;
    expect(repository?.repository?.slug).toBe(UNMAPPED_REPOSITORY);
    expect(catalog.services.some((s) => s.repository.slug.toLowerCase() === UNMAPPED_REPOSITORY)).toBe(false);
    expect(repository?.deployments.length).toBeGreaterThan(50);
    expect(pagerDuty?.pagerDutyServiceId).toMatch(/^P[A-Z0-9]{6}$/);
    expect(catalog.services.some((s) => s.pagerDutyServiceId === pagerDuty?.pagerDutyServiceId)).toBe(false);
    expect(pagerDuty?.incidents.length).toBeGreaterThan(5);
  });

  it('has teams that deploy several times a day and teams that deploy about weekly or less', () => {
    const weeks = (24 * 365) / 12 / 7;
    const perWeek = plan.profiles.map(
      (p) => mapped.filter((s) => s.team === p.team).reduce((n, s) => n + s.deployments.length, 0) / weeks,
    );
    expect(Math.max(...perWeek)).toBeGreaterThan(30);
    expect(Math.min(...perWeek)).toBeLessThan(1.5);
    expect(new Set(plan.profiles.map((p) => p.tier))).toEqual(new Set(['elite', 'high', 'medium', 'low']));
  });

  it('plants effects for exactly the teams that adopted service telemetry and progressive delivery, on their adoption day', () => {
    for (const capability of ['service-telemetry', 'progressive-delivery']) {
      const adopters = adoption.teams.filter((t) => t.capability === capability).map((t) => `${t.team} ${t.adoptedOn}`);
      const planted = [
        ...new Set(plan.effects.filter((e) => e.capability === capability).map((e) => `${e.team} ${e.adoptedOn}`)),
      ];
      expect(planted.sort(), capability).toEqual(adopters.sort());
    }
    expect(new Set(plan.effects.map((e) => e.capability))).toEqual(
      new Set(['service-telemetry', 'progressive-delivery']),
    );
    for (const e of plan.effects) {
      const ratio = e.after / e.before;
      const expected = {
        incidentRecoveryTime: [0.4, 0.6],
        failedDeploymentRecoveryTime: [0.4, 0.6],
        changeFailRate: [0.4, 0.6],
        changeLeadTime: [0.5, 0.7],
        deploymentFrequency: [1.3, 1.6],
      }[e.metric];
      expect(ratio, `${e.team} ${e.metric}`).toBeGreaterThanOrEqual((expected[0] ?? 0) - 0.01);
      expect(ratio, `${e.team} ${e.metric}`).toBeLessThanOrEqual((expected[1] ?? 0) + 0.01);
    }
  });

  it('raises most incidents shortly after a deployment, within the 7-day attribution window, and leaves a few open', () => {
    let attributable = 0;
    let total = 0;
    for (const s of mapped) {
      const finishes = s.deployments.map((d) => Date.parse(d.finishedAt));
      for (const i of s.incidents) {
        const t = Date.parse(i.triggeredAt);
        const latest = finishes.filter((f) => f < t).at(-1);
        total++;
        if (latest !== undefined && t - latest <= 7 * DAY) attributable++;
        if (i.causes.includes('deployment')) expect(latest !== undefined && t - latest <= 7 * DAY, i.id).toBe(true);
      }
    }
    expect(attributable / total).toBeGreaterThan(0.9);
    const open = facts(plan).incidents.filter((i) => i.resolvedAt === null);
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.length).toBeLessThanOrEqual(10);
    for (const i of open)
      expect(Date.parse(i.triggeredAt)).toBeGreaterThan(Date.parse('2026-11-25T00:00:00Z') - 14 * DAY);
  });
});
