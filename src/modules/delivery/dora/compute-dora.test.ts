import { describe, expect, it } from 'vitest';
import { computeDora, type DoraTotals } from './compute-dora.js';

const t = (iso: string) => new Date(`${iso}T00:00:00Z`);
const totals = (over: Partial<DoraTotals> = {}): DoraTotals => ({
  deployments: 0,
  leadTime: { medianHours: null, n: 0 },
  failed: 0,
  recovery: { medianHours: null, n: 0 },
  rework: 0,
  incidents: { medianHours: null, n: 0, unresolved: 0 },
  ...over,
});

// What SQL counts over the scenario of lists.test.ts and delivery.test.ts (worked out there, fact by fact), for the
// period [2025-03-01, 2025-03-11): 10 days.
const scenario = totals({
  deployments: 5,
  leadTime: { medianHours: 12, n: 5 },
  failed: 3,
  recovery: { medianHours: 21, n: 2 },
  rework: 1,
  incidents: { medianHours: 2.5, n: 4, unresolved: 1 },
});

describe('computeDora', () => {
  const r = computeDora(scenario, t('2025-03-01'), t('2025-03-11'));

  it('divides deployments by the days of the period', () => {
    // 5 deployments in 10 days: 0.5 a day, 3.5 a week → high (≥ 1/week, < 1/day).
    expect(r.deployments).toBe(5);
    expect(r.deploymentFrequency).toEqual({ perDay: 0.5, perWeek: 3.5 });
    expect(r.levels.deploymentFrequency).toBe('high');
  });

  it('turns counts into rates over the deployments of the period', () => {
    // 3 failed of 5 = 0.6 → low (> 15 %); 1 rework of 5 = 0.2.
    expect(r.changeFailRate).toEqual({ value: 0.6, failed: 3, total: 5 });
    expect(r.levels.changeFailRate).toBe('low');
    expect(r.reworkRate).toEqual({ value: 0.2, rework: 1, total: 5 });
  });

  it('passes the medians through and levels them', () => {
    // Lead time 12 h → elite (< 1 day); failed deployment recovery 21 h → high (< 1 day, not < 1 hour).
    expect(r.changeLeadTime).toEqual({ medianHours: 12, n: 5 });
    expect(r.levels.changeLeadTime).toBe('elite');
    expect(r.failedDeploymentRecoveryTime).toEqual({ medianHours: 21, n: 2 });
    expect(r.levels.recoveryTime).toBe('high');
    expect(r.incidentRecoveryTime).toEqual({ medianHours: 2.5, n: 4, unresolved: 1 });
  });

  it('puts each level boundary where DOMAIN.md does', () => {
    const level = (over: Partial<DoraTotals>, days = 7) =>
      computeDora(totals(over), t('2025-03-01'), new Date(t('2025-03-01').getTime() + days * 86_400_000)).levels;
    // Frequency: 7 in 7 days = 1/day → elite; 6 → high; 1 in 7 days = 1/week → high; 1 in 30 days → medium; 1 in 31 → low.
    expect(
      [
        level({ deployments: 7 }),
        level({ deployments: 6 }),
        level({ deployments: 1 }),
        level({ deployments: 1 }, 30),
        level({ deployments: 1 }, 31),
      ].map((l) => l.deploymentFrequency),
    ).toEqual(['elite', 'high', 'high', 'medium', 'low']);
    // Lead time: < 24 h elite, 24 h high, < 168 h high, 168 h medium, 720 h low.
    const lead = (h: number) => level({ leadTime: { medianHours: h, n: 1 } }).changeLeadTime;
    expect([lead(23.9), lead(24), lead(167.9), lead(168), lead(719.9), lead(720)]).toEqual([
      'elite',
      'high',
      'high',
      'medium',
      'medium',
      'low',
    ]);
    // Change fail rate: 1/20 = 5 % elite, 2/20 = 10 % high, 3/20 = 15 % medium, 4/20 = 20 % low.
    const cfr = (failed: number) => level({ deployments: 20, failed }).changeFailRate;
    expect([cfr(1), cfr(2), cfr(3), cfr(4)]).toEqual(['elite', 'high', 'medium', 'low']);
    // Recovery: < 1 h elite, 1 h high, 24 h medium, 168 h low.
    const recovery = (h: number) => level({ recovery: { medianHours: h, n: 1 } }).recoveryTime;
    expect([recovery(0.5), recovery(1), recovery(24), recovery(167), recovery(168)]).toEqual([
      'elite',
      'high',
      'medium',
      'medium',
      'low',
    ]);
  });

  it('has no rates and no levels without deployments', () => {
    const empty = computeDora(totals(), t('2025-03-01'), t('2025-03-31'));
    expect(empty).toMatchObject({
      deployments: 0,
      deploymentFrequency: { perDay: 0, perWeek: 0 },
      changeFailRate: { value: null },
      reworkRate: { value: null },
      levels: { deploymentFrequency: 'low', changeLeadTime: null, changeFailRate: null, recoveryTime: null },
    });
  });
});
