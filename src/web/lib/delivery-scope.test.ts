import { describe, expect, it } from 'vitest';
import type { Dora } from '../api/types.js';
import { parseScope, previousPeriod, quarterChoices, resolvePeriod, scopeParam } from './delivery-scope.js';
import { doraChanges } from './dora-change.js';
import { doraReading, formatFrequency } from './dora.js';
import { formatPer, formatRate } from './format.js';
import { formatHours } from './format.js';

describe('delivery scope and period', () => {
  it('reads the scope from the address, falling back to the organisation', () => {
    expect(parseScope('team:payments')).toEqual({ kind: 'team', name: 'payments' });
    expect(scopeParam(parseScope('service:ops/ledger'))).toBe('service:ops/ledger');
    expect(parseScope('nonsense')).toEqual({ kind: 'org' });
    expect(parseScope(null)).toEqual({ kind: 'org' });
  });

  it('includes both typed dates, and counts quick choices back from the end of today (UTC)', () => {
    // 1 Mar to 10 Mar included is [1 Mar, 11 Mar): 10 days.
    expect(resolvePeriod({ from: '2025-03-01', to: '2025-03-10' })).toEqual({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-11T00:00:00.000Z',
      range: null,
      quarter: null,
      firstDay: '2025-03-01',
      lastDay: '2025-03-10',
      days: 10,
    });
    const now = new Date('2025-06-15T13:45:00Z');
    // 30 days ending with 15 Jun: [17 May, 16 Jun).
    expect(resolvePeriod({ range: '30d' }, now)).toMatchObject({
      from: '2025-05-17T00:00:00.000Z',
      to: '2025-06-16T00:00:00.000Z',
      firstDay: '2025-05-17',
      lastDay: '2025-06-15',
      days: 30,
    });
    // The default is 90 days; 12 months is [16 Jun 2024, 16 Jun 2025): 365 days.
    expect(resolvePeriod({}, now)).toMatchObject({ range: '90d', days: 90 });
    expect(resolvePeriod({ range: '12m' }, now)).toMatchObject({ from: '2024-06-16T00:00:00.000Z', days: 365 });
    // Dates in the wrong order are ignored rather than sent.
    expect(resolvePeriod({ from: '2025-03-10', to: '2025-03-01' }, now).range).toBe('90d');
  });

  it('offers this quarter up to today, last quarter and the three before, and counts each in whole UTC days', () => {
    const now = new Date('2025-05-15T10:00:00Z');
    expect(quarterChoices(now)).toEqual([
      { value: '2025-Q2', label: 'This quarter (Q2 2025)' },
      { value: '2025-Q1', label: 'Last quarter (Q1 2025)' },
      { value: '2024-Q4', label: 'Q4 2024' },
      { value: '2024-Q3', label: 'Q3 2024' },
      { value: '2024-Q2', label: 'Q2 2024' },
    ]);
    // Q1 2025: 31 + 28 + 31 = 90 days, [1 Jan, 1 Apr).
    expect(resolvePeriod({ quarter: '2025-Q1' }, now)).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-04-01T00:00:00.000Z',
      range: null,
      quarter: '2025-Q1',
      firstDay: '2025-01-01',
      lastDay: '2025-03-31',
      days: 90,
    });
    // This quarter stops at the end of today: 1 Apr to 15 May included, 30 + 15 = 45 days.
    expect(resolvePeriod({ quarter: '2025-Q2' }, now)).toMatchObject({ lastDay: '2025-05-15', days: 45 });
    // Q4 2024 holds 31 + 30 + 31 = 92 days; typed dates win over a quarter; a future quarter falls back.
    expect(resolvePeriod({ quarter: '2024-Q4' }, now).days).toBe(92);
    expect(resolvePeriod({ quarter: '2024-Q4', from: '2025-03-01', to: '2025-03-10' }, now).days).toBe(10);
    expect(resolvePeriod({ quarter: '2025-Q3' }, now)).toMatchObject({ range: '90d', quarter: null });
  });

  it('compares with the period of the same length just before', () => {
    // Q1 2025 is 90 days; the 90 days before 1 Jan 2025 start on 3 Oct 2024.
    expect(previousPeriod(resolvePeriod({ quarter: '2025-Q1' }, new Date('2025-05-15T00:00:00Z')))).toEqual({
      from: '2024-10-03T00:00:00.000Z',
      to: '2025-01-01T00:00:00.000Z',
    });
  });
});

describe('delivery formats', () => {
  it('says durations in the unit a person would', () => {
    expect(formatHours(0.75)).toBe('45 min');
    expect(formatHours(0.025)).toBe('2 min');
    expect(formatHours(3.2)).toBe('3.2 h');
    expect(formatHours(12)).toBe('12 h');
    // 50.4 h = 2.1 days; exactly one day is singular.
    expect(formatHours(50.4)).toBe('2.1 days');
    expect(formatHours(24)).toBe('1 day');
    expect(formatHours(null)).toBe('—');
  });

  it('shows rates with one decimal and frequency per day or per week', () => {
    expect(formatRate(0.055)).toBe('5.5%');
    expect(formatRate(0.6)).toBe('60%');
    expect(formatFrequency({ perDay: 0.5, perWeek: 3.5 })).toBe('3.5 / week');
    expect(formatFrequency({ perDay: 2.5, perWeek: 17.5 })).toBe('2.5 / day');
  });

  it('writes rates with the precision a person reads: whole from ten, else two significant digits', () => {
    // 5762 deployments in 90 days: 64.02 a day, 448.16 a week.
    expect(formatFrequency({ perDay: 5762 / 90, perWeek: (5762 / 90) * 7 })).toBe('64 / day');
    expect(formatPer((5762 / 90) * 7)).toBe('448');
    expect(formatPer(1234.5)).toBe('1,235');
    expect(formatFrequency({ perDay: 1 / 3, perWeek: 7 / 3 })).toBe('2.3 / week');
    expect(formatPer(6 / 28)).toBe('0.21');
    expect(formatPer(0)).toBe('0');
    const many = { deployments: 5762, deploymentFrequency: { perDay: 5762 / 90, perWeek: 448.16 } };
    expect(doraReading('Org', { ...dora, ...many })).toBe(
      'Org deployed to production 5,762 times (64 / day); 50% caused an incident, recovered from in a median 6.4 h.',
    );
  });
});

/** Team payments of the browser test (test/browser/delivery.test.ts) in March 2025. */
const dora: Dora = {
  scope: 'team:payments',
  from: '2025-03-03T00:00:00.000Z',
  to: '2025-03-31T00:00:00.000Z',
  deployments: 6,
  deploymentFrequency: { perDay: 6 / 28, perWeek: 1.5 },
  changeLeadTime: { medianHours: 3, n: 6 },
  changeFailRate: { value: 0.5, failed: 3, total: 6 },
  failedDeploymentRecoveryTime: { medianHours: 6.375, n: 2 },
  reworkRate: { value: 1 / 6, rework: 1, total: 6 },
  incidentRecoveryTime: { medianHours: 6, n: 3, unresolved: 2 },
  levels: { deploymentFrequency: 'high', changeLeadTime: 'elite', changeFailRate: 'low', recoveryTime: 'high' },
};

describe('change against the previous period', () => {
  it('moves counts and durations by percent and shares by points, green when better', () => {
    // February: 2 deployments in 28 days, lead time 4 h, none failed, no incident.
    const february: Dora = {
      ...dora,
      deployments: 2,
      deploymentFrequency: { perDay: 2 / 28, perWeek: 0.5 },
      changeLeadTime: { medianHours: 4, n: 1 },
      changeFailRate: { value: 0, failed: 0, total: 2 },
      failedDeploymentRecoveryTime: { medianHours: null, n: 0 },
      reworkRate: { value: 0, rework: 0, total: 2 },
      incidentRecoveryTime: { medianHours: null, n: 0, unresolved: 0 },
    };
    expect(doraChanges(dora, february)).toEqual({
      // 6 against 2 deployments: (6 − 2) / 2 = +200 %.
      deploymentFrequency: { text: '+200%', tone: 'better' },
      // 3 h against 4 h: −25 %, shorter is better.
      changeLeadTime: { text: '−25%', tone: 'better' },
      // 50 % against 0 %: +50 points, worse.
      changeFailRate: { text: '+50 pts', tone: 'worse' },
      // Nothing recovered in February: nothing to compare with.
      recoveryTime: null,
      // 16.67 % against 0 %: +16.7 points.
      reworkRate: { text: '+16.7 pts', tone: 'worse' },
      incidentRecoveryTime: null,
    });
    expect(doraChanges(dora, dora).changeLeadTime).toEqual({ text: 'no change', tone: 'same' });
    // No deployment before: a frequency cannot grow by a percentage of zero.
    expect(doraChanges(dora, { ...february, deploymentFrequency: { perDay: 0, perWeek: 0 } }).deploymentFrequency).toBe(
      null,
    );
  });
});
