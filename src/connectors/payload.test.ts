import { describe, expect, it } from 'vitest';
import { commitSha, time } from './payload.js';

describe('time', () => {
  it('reads ISO 8601 and GitLab times that carry a zone', () => {
    expect(time('2019-05-15T15:20:55Z', 't').toISOString()).toBe('2019-05-15T15:20:55.000Z');
    expect(time('2016-08-12T17:23:21+02:00', 't').toISOString()).toBe('2016-08-12T15:23:21.000Z');
    // GitLab's Deployment Hook: 21:50 at +02:00 is 19:50 UTC.
    expect(time('2021-04-28 21:50:00 +0200', 't').toISOString()).toBe('2021-04-28T19:50:00.000Z');
    // GitLab's Pipeline Hook.
    expect(time('2016-08-12 15:23:28 UTC', 't').toISOString()).toBe('2016-08-12T15:23:28.000Z');
    expect(time('2016-08-12 15:23:28.5 -05:30', 't').toISOString()).toBe('2016-08-12T20:53:28.500Z');
  });

  it('refuses times without a zone, and what is not a time', () => {
    for (const value of [
      '2021-04-28 21:50:00',
      '2021-04-28T21:50:00',
      '2021-04-28',
      'yesterday UTC',
      '2021-13-45 25:00:00 UTC',
    ]) {
      expect(() => time(value, 'status_changed_at')).toThrow('status_changed_at is not a time with a zone');
    }
    expect(() => time(undefined, 'status_changed_at')).toThrow('status_changed_at is missing');
  });
});

describe('commitSha', () => {
  it('takes full commit ids only', () => {
    expect(commitSha('BCBB5EC396A2C0F828686F14FAC9B80B780504F2', 'c')).toBe('bcbb5ec396a2c0f828686f14fac9b80b780504f2');
    expect(() => commitSha('bcbb5ec3', 'commit_url')).toThrow('commit_url is not a full commit id');
  });
});
