import { describe, expect, it } from 'vitest';
import { demoConversion, pooledConversion } from './conversion.js';

const team = (ref: string) => ({ ref: `group:default/${ref}`, name: ref, title: null });
const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe('the 60-day window of a demo on 2025-03-01', () => {
  const refs = ['day-before', 'same-day', 'day-60', 'day-61', 'platform', 'library'];
  const result = demoConversion({
    date: '2025-03-01',
    attending: [...refs, 'same-day'].map(team),
    customers: new Set(['day-before', 'same-day', 'day-60', 'day-61'].map((r) => `group:default/${r}`)),
    platform: new Set(['group:default/platform']),
    adoptedAt: new Map([
      ['group:default/day-before', at('2025-02-28')],
      ['group:default/same-day', at('2025-03-01')],
      ['group:default/day-60', at('2025-04-30')], // 2025-03-01 + 60 days
      ['group:default/day-61', at('2025-05-01')],
    ]),
    now: new Date('2025-05-01T00:00:00Z'), // the window's last day has just ended
  });

  it('counts the demo day through day 60, a team once, and customer teams only', () => {
    // Eligible: same-day, day-60, day-61 (3); converted: same-day, day-60 (2).
    expect([result.converted, result.eligible, result.value]).toEqual([2, 3, 2 / 3]);
    expect(result.teams.map((t) => [t.team, t.converted])).toEqual([
      ['same-day', true],
      ['day-60', true],
      ['day-61', false],
    ]);
    expect(result.notCounted.map((t) => [t.team, t.reason])).toEqual([
      ['day-before', 'adopted before the demo'],
      ['platform', 'platform team'],
      ['library', 'not a customer team of this capability'],
    ]);
    expect([result.windowEnds, result.provisional]).toEqual(['2025-04-30', false]);
  });

  it('is provisional until the end of day 60, and null with no eligible team', () => {
    const open = demoConversion({
      date: '2025-03-01',
      attending: [team('platform')],
      customers: new Set(),
      platform: new Set(['group:default/platform']),
      adoptedAt: new Map(),
      now: new Date('2025-04-30T23:59:59Z'),
    });
    expect([open.value, open.eligible, open.provisional]).toEqual([null, 0, true]);
    // Pooling leaves the open demo out: 2 / 3 from the closed one.
    expect(pooledConversion([result, open])).toEqual({
      value: 2 / 3,
      converted: 2,
      eligible: 3,
      demos: 1,
      provisionalDemos: 1,
    });
    expect(pooledConversion([open]).value).toBeNull();
  });
});
