import { afterEach, describe, expect, it } from 'vitest';
import { PatternMatcher } from './pattern-matcher.js';

const RUNAWAY = '(a+)+$';
const LONG = `${'a'.repeat(40)}!`;

describe('PatternMatcher', () => {
  let matcher: PatternMatcher;
  afterEach(async () => matcher?.close());

  it('answers the first matching line of each pattern, 1-based and trimmed', async () => {
    matcher = new PatternMatcher();
    // Lines are tested as written (trailing spaces included), without their CR.
    const text = 'name: ci\r\n  uses: acme/x@v1  \r\nuses: acme/y\r\n';
    expect(await matcher.match(text, ['uses:\\s*acme/', 'acme/y$', 'x@v1$', '^nope'])).toEqual([
      { line: 2, text: 'uses: acme/x@v1' },
      { line: 3, text: 'uses: acme/y' },
      null,
      null,
    ]);
  });

  it('stops a runaway pattern, answers the other patterns of that text, and goes on with the queued texts', async () => {
    matcher = new PatternMatcher({ budgetMs: 200 });
    const started = Date.now();
    const [first, second, third] = await Promise.all([
      matcher.match('zzz', ['z']),
      matcher.match(`x\n${LONG}\nfoo\n`, ['foo', RUNAWAY, 'x']),
      matcher.match('aaa\nfoo', [RUNAWAY, 'foo']),
    ]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(first).toEqual([{ line: 1, text: 'zzz' }]);
    expect(second).toEqual([{ line: 3, text: 'foo' }, 'timeout', { line: 1, text: 'x' }]);
    expect(third).toEqual([
      { line: 1, text: 'aaa' },
      { line: 2, text: 'foo' },
    ]);
    // The restarted worker keeps serving.
    expect(await matcher.match('ok', ['^ok$'])).toEqual([{ line: 1, text: 'ok' }]);
  });

  it('gives up each runaway pattern of the same text in turn', async () => {
    matcher = new PatternMatcher({ budgetMs: 150 });
    expect(await matcher.match(LONG, [RUNAWAY, '(a|aa)+$', '!$'])).toEqual([
      'timeout',
      'timeout',
      { line: 1, text: LONG },
    ]);
  });
});
