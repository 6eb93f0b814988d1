import { describe, expect, it } from 'vitest';
import { releaseTypeOf } from './release-facts.js';

describe('the type of a repository release', () => {
  it('comes from a conventional prefix of the name, else of the first line of the notes; a feature without one', () => {
    const cases: [string | null, string, string][] = [
      ['feat: Remote cache', '', 'feature'],
      ['fix(cache): Keys', '', 'fix'],
      ['feat!: New config format', '', 'breaking'],
      ['refactor(api)!: Drop v1', '', 'breaking'],
      ['Breaking: Node 16 goes', '', 'breaking'],
      ['Deprecate the v1 API', '', 'deprecation'],
      ['deprecation: v1', '', 'deprecation'],
      ['Security: rotate keys', '', 'security'],
      ['v1.2.0', '\n## BREAKING CHANGE: drops Node 16\nmore', 'breaking'],
      [null, '- fix: the cache key', 'fix'],
      ['v1.2.0', "## What's Changed\n* feat: x", 'feature'],
      ['Featured docs', 'fix: y', 'fix'],
      // The name wins over the notes.
      ['fix: z', 'feat: w', 'fix'],
      [null, '', 'feature'],
    ];
    expect(cases.map(([name, notes]) => releaseTypeOf(name, notes))).toEqual(cases.map((c) => c[2]));
  });
});
