import { describe, expect, it } from 'vitest';
import { computeCoverage, type CustomerTeam } from './compute-coverage.js';

const team = (name: string, openPains: number, capabilitiesAdopted: number, people: number): CustomerTeam => ({
  ref: `group:default/${name}`,
  name,
  title: null,
  openPains,
  capabilitiesAdopted,
  people,
});
const talk = (name: string, platformTeam: string | null, occurredOn: string) => ({
  teamRef: `group:default/${name}`,
  platformTeam,
  occurredOn,
});

const TEAMS = [team('t1', 0, 2, 5), team('t2', 1, 1, 4), team('t3', 0, 0, 3), team('t4', 2, 1, 8), team('t5', 2, 3, 9)];
const ASOF = new Date('2025-04-01T15:00:00Z');

describe('contact coverage (DOMAIN.md)', () => {
  it('counts customer teams with a conversation in the last 90 days, overall and per platform team', () => {
    const c = computeCoverage(
      TEAMS,
      [
        talk('t1', 'plat-a', '2025-03-15'),
        talk('t2', 'plat-b', '2025-01-02'), // 89 days before 1 April: the first day counted
        talk('t3', 'plat-a', '2025-03-31'),
        talk('t3', 'plat-a', '2024-12-01'),
        talk('t4', 'plat-b', '2024-12-31'), // 91 days before: not counted
        talk('t4', 'plat-b', '2025-01-01'), // 90 days before: not counted either
        talk('t5', 'plat-a', '2025-04-02'), // after asOf
        talk('platform-x', 'plat-a', '2025-03-20'), // not a customer team
      ],
      ['plat-b', 'plat-a'],
      ASOF,
    );
    expect(c).toMatchObject({ value: 0.6, contacted: 3, teams: 5, since: '2025-01-02' }); // t1 t2 t3 / 5
    expect(c.byPlatformTeam).toEqual([
      { platformTeam: 'plat-a', value: 0.4, contacted: 2, conversations: 2 }, // t1, t3 (31 Mar)
      { platformTeam: 'plat-b', value: 0.2, contacted: 1, conversations: 1 }, // t2
    ]);
    // t4 and t5 both have 2 open pains; t4 has adopted fewer capabilities (1 < 3), so it comes first.
    expect(c.talkToNext).toEqual([
      { team: 't4', title: null, lastContact: '2025-01-01', openPains: 2, capabilitiesAdopted: 1, people: 8 },
      { team: 't5', title: null, lastContact: null, openPains: 2, capabilitiesAdopted: 3, people: 9 },
    ]);
  });

  it('orders who to talk to next by open pains, then fewest capabilities, then most people, then name', () => {
    const order = computeCoverage(
      [team('e', 1, 1, 2), team('d', 1, 1, 2), team('c', 1, 1, 7), team('b', 1, 0, 1), team('a', 3, 5, 1)],
      [],
      [],
      ASOF,
    ).talkToNext.map((t) => t.team);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('has no share without customer teams', () => {
    expect(computeCoverage([], [], ['plat-a'], ASOF)).toMatchObject({
      value: null,
      teams: 0,
      byPlatformTeam: [{ platformTeam: 'plat-a', value: null, contacted: 0, conversations: 0 }],
    });
  });
});
