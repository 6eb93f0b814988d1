import { describe, expect, it } from 'vitest';
import type { Deflection } from '../../../api/voice-dashboard-types.js';
import { deflectionReading } from './deflection-reading.js';

const row = (over: Partial<Deflection>): Deflection => ({
  category: 'access',
  capability: 'self-access',
  gaDate: '2024-07-01',
  before: 12 / 30,
  after: 3 / 30,
  ratio: 0.25,
  requestsBefore: 12,
  requestsAfter: 3,
  afterMonths: 6,
  teams: 5,
  byTeam: [],
  ...over,
});

describe('the plain-words reading of a deflection row', () => {
  it('says how the requests per team-month moved, and by how much', () => {
    // 12 / (5 teams × 6 months) = 0.4 before, 3 / 30 = 0.1 after: a quarter.
    expect(deflectionReading(row({}))).toBe(
      'After self-access went GA on 2024-07-01, “access” requests fell from 0.4 a customer team a month to 0.1: a quarter as many.',
    );
    // 6 / 30 = 0.2 before, 6 / (5 × 3) = 0.4 after, three months in: twice as many, said as partial.
    expect(deflectionReading(row({ before: 0.2, after: 0.4, ratio: 2, afterMonths: 3, requestsBefore: 6 }))).toBe(
      'After self-access went GA on 2024-07-01, “access” requests rose from 0.2 a customer team a month to 0.4: twice as many (3 of the 6 months after have passed).',
    );
  });

  it('says what it cannot compare instead of a ratio', () => {
    expect(deflectionReading(row({ gaDate: null, before: null, after: null, ratio: null }))).toBe(
      'self-access has no GA date, so “access” requests cannot be compared before and after it.',
    );
    expect(deflectionReading(row({ after: null, ratio: null, afterMonths: 0 }))).toContain('not yet a whole month');
    expect(deflectionReading(row({ before: 0, ratio: null, requestsBefore: 0 }))).toBe(
      'No “access” requests came from customer teams in the 6 months before self-access went GA on 2024-07-01, so there is nothing to compare with.',
    );
  });
});
