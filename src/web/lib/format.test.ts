import { describe, expect, it } from 'vitest';
import { formatDays, formatPercent, formatPeriod, formatTenths } from './format.js';

describe('chart labels', () => {
  it('write weeks and months as the dates everywhere else read, in UTC', () => {
    expect(formatPeriod('2025-08-01T00:00:00.000Z', 'month')).toBe('2025-08');
    expect(formatPeriod('2025-08-04T00:00:00.000Z', 'week')).toBe('2025-08-04');
    expect(formatPeriod('2025-08-04', 'week')).toBe('2025-08-04');
  });

  it('write shares and tenths with the one number format', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(null)).toBe('—');
    expect(formatTenths(12.345)).toBe('12.3');
    expect(formatTenths(1234.5)).toBe('1,234.5');
  });

  it('write days to a tenth below ten and whole from ten up', () => {
    expect(formatDays(444.5)).toBe('445 days');
    expect(formatDays(2.25)).toBe('2.3 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(null)).toBe('—');
  });
});
