import { describe, expect, it } from 'vitest';
import { attribute, computeDora, type ChangeFact, type DeploymentFact, type IncidentFact } from './compute-dora.js';

const t = (iso: string) => new Date(`${iso}:00Z`);
const change = (commit: string, position: number, at: string): ChangeFact => ({ service: 'api', commit, position, committedAt: t(at) });
const deploy = (id: string, commit: string, at: string, service = 'api'): DeploymentFact => ({ id, service, commit, finishedAt: t(at) });
const incident = (id: string, triggered: string, resolved: string | null, service = 'api'): IncidentFact => ({
  id,
  service,
  triggeredAt: t(triggered),
  resolvedAt: resolved ? t(resolved) : null,
});

// One service over the period [2025-03-01, 2025-03-11): 10 days.
const facts = {
  changes: [
    change('c0', 0, '2025-02-20T00:00'),
    change('c1', 1, '2025-03-01T00:00'),
    change('c2', 2, '2025-03-01T06:00'),
    change('c3', 3, '2025-03-02T00:00'),
    change('c4', 4, '2025-03-03T00:00'),
    change('c5', 5, '2025-03-05T00:00'),
  ],
  deployments: [
    deploy('d0', 'c0', '2025-02-20T12:00'), // before the period: ships c0
    deploy('d1', 'c2', '2025-03-01T12:00'), // ships c1 (12 h) and c2 (6 h)
    deploy('d2', 'c3', '2025-03-02T12:00'), // ships c3 (12 h)
    deploy('d2b', 'c3', '2025-03-02T15:30'), // the same commit again: ships nothing; i1 and i2 are open → rework
    deploy('d3', 'c4', '2025-03-04T00:00'), // ships c4 (24 h)
    deploy('d4', 'c5', '2025-03-06T00:00'), // ships c5 (24 h)
  ],
  incidents: [
    incident('i1', '2025-03-02T14:00', '2025-03-02T16:00'), // → d2 (d2b finished after the trigger); 2 h
    incident('i2', '2025-03-02T15:00', '2025-03-02T20:00'), // → d2; 5 h
    incident('i3', '2025-03-04T01:00', '2025-03-04T02:00'), // → d3; 1 h
    incident('i4', '2025-03-05T10:00', '2025-03-05T13:00'), // → d3 (34 h after it, inside 7 days); 3 h
    incident('i5', '2025-03-14T00:00', null), // 8 days after d4: outside the attribution window, and the period
    incident('i6', '2025-03-08T00:00', null), // → d4, unresolved
  ],
};

describe('computeDora', () => {
  const r = computeDora(facts, t('2025-03-01T00:00'), t('2025-03-11T00:00'));

  it('counts deployments finished in the period', () => {
    // 5 deployments in 10 days: 0.5 a day, 3.5 a week → high (≥ 1/week, < 1/day).
    expect(r.deployments).toBe(5);
    expect(r.deploymentFrequency).toEqual({ perDay: 0.5, perWeek: 3.5 });
    expect(r.levels.deploymentFrequency).toBe('high');
  });

  it('measures lead time over the commits each deployment shipped', () => {
    // 6, 12, 12, 24, 24 hours → median 12 h → elite (< 1 day). c0 was shipped by d0, outside the period.
    expect(r.changeLeadTime).toEqual({ medianHours: 12, n: 5 });
    expect(r.levels.changeLeadTime).toBe('elite');
  });

  it('attributes incidents to the latest earlier deployment within 7 days', () => {
    // d2, d3, d4 failed: 3 of 5 = 0.6 → low. i5 is attributed to nothing.
    expect(r.changeFailRate).toEqual({ value: 0.6, failed: 3, total: 5 });
    expect(r.levels.changeFailRate).toBe('low');
    expect(attribute(facts.incidents[4]!, facts.deployments)).toBeNull();
    expect(attribute(facts.incidents[0]!, facts.deployments)?.id).toBe('d2');
  });

  it('takes recovery of a failed deployment from its first trigger to its last resolve', () => {
    // d2: 20:00 − 14:00 = 6 h; d3: 03-05 13:00 − 03-04 01:00 = 36 h; d4 still open, left out.
    // Even count: median (6 + 36) / 2 = 21 h → high (< 1 day).
    expect(r.failedDeploymentRecoveryTime).toEqual({ medianHours: 21, n: 2 });
    expect(r.levels.recoveryTime).toBe('high');
  });

  it('counts deployments made while an incident of the service was open as rework', () => {
    expect(r.reworkRate).toEqual({ value: 0.2, rework: 1, total: 5 });
  });

  it('reports incident recovery time with the unresolved ones counted, not dropped', () => {
    // Triggered in the period: i1 2 h, i2 5 h, i3 1 h, i4 3 h, i6 open → median of 1, 2, 3, 5 = 2.5 h.
    expect(r.incidentRecoveryTime).toEqual({ medianHours: 2.5, n: 4, unresolved: 1 });
  });

  it('has no rates without deployments', () => {
    const empty = computeDora({ deployments: [], changes: [], incidents: [] }, t('2025-03-01T00:00'), t('2025-03-31T00:00'));
    expect(empty).toMatchObject({ deployments: 0, changeFailRate: { value: null }, reworkRate: { value: null }, levels: { deploymentFrequency: 'low', changeLeadTime: null } });
  });
});
