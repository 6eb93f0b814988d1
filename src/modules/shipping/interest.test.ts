import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { shippingOrg } from '../../../test/shipping-org.js';
import { capabilitiesOfInterest, interestPairs, teamsInterestedIn } from './interest.js';

let t: TestApp;
let ids: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await shippingOrg(t);
});
afterAll(() => t.close());

const g = (name: string) => `group:default/${name}`;

describe('who a release is news for (shipping-org.ts describes each team by hand)', () => {
  it('cap-a: det (matched detection), evt (event 10 days ago), decl (declared using) use it; req (its request) and vote (a vote) asked; old, quit and gone do not count', async () => {
    const teams = await teamsInterestedIn(t.database.db, ids.capA!);
    expect(Object.fromEntries(teams)).toEqual({
      [g('det')]: ['uses'],
      [g('evt')]: ['uses'],
      [g('decl')]: ['uses'],
      [g('req')]: ['asked'],
      [g('vote')]: ['asked'],
    });
  });

  it("a team's capabilities: det uses cap-a (detection) and cap-b (an event sent by the team itself)", async () => {
    expect(Object.fromEntries(await capabilitiesOfInterest(t.database.db, g('det')))).toEqual({
      [ids.capA!]: ['uses'],
      [ids.capB!]: ['uses'],
    });
    expect((await capabilitiesOfInterest(t.database.db, g('old'))).size).toBe(0);
    expect((await capabilitiesOfInterest(t.database.db, g('quit'))).size).toBe(0);
  });

  it('a team that both uses and asked has both reasons, once each', async () => {
    await t.call('POST', '/api/v1/capabilities/cap-a/declarations', {
      body: { team: 'req', status: 'using', date: '2026-03-01' },
    });
    const pairs = await interestPairs(t.database.db, { teamRef: g('req') });
    expect(pairs).toEqual([{ teamRef: g('req'), capabilityId: ids.capA, reasons: ['asked', 'uses'] }]);
    // Every pair, unfiltered: 5 on cap-a (req now with two reasons) and det's on cap-b.
    expect((await interestPairs(t.database.db)).length).toBe(6);
  });
});
