import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileCapabilities, globMatcher, globPathspec } from './compile-rules.js';
import { parseOriginUrl } from './read-origin.js';

describe('globMatcher', () => {
  const globs = [
    './foo/*.yml',
    'foo/**',
    '**',
    '*',
    '**/*',
    'a/**/b/*.ts',
    '.github/workflows/*.yml',
    '**/Dockerfile',
    'Dockerfile',
    'src/[ab].ts',
    'src/?.ts',
    'x/**/',
    '*.md',
    '**/.env*',
    'a/*/c',
    'a/**',
    '*.{yml,yaml}',
    '!(a)/*.ts',
  ];
  const paths = [
    'foo/a.yml',
    'foo',
    'foo/b/c',
    'a',
    'a/b',
    'a/x/b/y.ts',
    'a/b/y.ts',
    '.github/workflows/ci.yml',
    '.github/workflows/x/ci.yml',
    'Dockerfile',
    'x/Dockerfile',
    'x/Dockerfile.dev',
    'src/a.ts',
    'src/c.ts',
    'x',
    'x/y',
    'README.md',
    'docs/a.md',
    '.env',
    'a/.env.local',
    'a/b/c',
    'a/bb/c',
    'c.yml',
    'b/z.ts',
    'a/z.ts',
  ];

  it('answers exactly as picomatch with dot: true, prefilters included', () => {
    const differences = globs.flatMap((glob) => {
      const reference = picomatch(glob, { dot: true });
      const fast = globMatcher(glob);
      return paths.filter((path) => reference(path) !== fast(path)).map((path) => `${glob} ${path}`);
    });
    expect(differences).toEqual([]);
  });
});

describe('globPathspec', () => {
  it("keeps globs git's glob magic reads the same, and widens the others to their literal directories", () => {
    expect(globPathspec('deploy/**/*.yaml')).toBe(':(glob)deploy/**/*.yaml');
    expect(globPathspec('**/Dockerfile')).toBe(':(glob)**/Dockerfile');
    expect(globPathspec('.github/workflows/*.{yml,yaml}')).toBe(':(glob).github/workflows/**');
    expect(globPathspec('{a,b}/x.yml')).toBe(':(glob)**');
  });
});

describe('compileCapabilities', () => {
  it('reports rules that cannot run and keeps the others', () => {
    const compiled = compileCapabilities([
      {
        capability: 'broken',
        rules: [
          { files: 'a/*.yml', pattern: '(' },
          { files: 'b/*.yml', pattern: 'ok' },
          { dependency: { ecosystem: 'cargo' as 'npm', name: 'x' } },
        ],
      },
    ]);
    expect(compiled.problems).toEqual([
      'detect[0] of broken has an invalid pattern; skipped',
      'detect[2] of broken has an invalid dependency; skipped',
    ]);
    expect(compiled.capabilities[0]?.rules.map((r) => r.ruleIndex)).toEqual([1]);
  });
});

describe('parseOriginUrl', () => {
  it("reads origin's last url as git config does", () => {
    const config = [
      '[core]\n\tbare = false',
      '[remote "upstream"]\n\turl = git@github.com:other/x.git',
      '[Remote "origin"]\n\tURL = "https://github.com/acme/x.git" ; old\n\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '[remote "origin"]\n\turl = git@github.com:acme/x.git # the one in use',
    ].join('\n');
    expect(parseOriginUrl(config)).toBe('git@github.com:acme/x.git');
    expect(parseOriginUrl('[remote "Origin"]\n\turl = x')).toBeNull();
    expect(parseOriginUrl('[core]\n\turl = y')).toBeNull();
  });
});
