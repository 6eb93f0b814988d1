import { describe, expect, it } from 'vitest';
import { parseScope, resolvePeriod, scopeParam } from './delivery-scope.js';
import { formatFrequency, formatRate } from './dora.js';
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
});
