import picomatch from 'picomatch';
import type { DetectRule } from '../../catalog/entity.js';
import { DEPENDENCY_ECOSYSTEMS } from '../../catalog/entity.js';
import { manifestPathspecs, normaliseDependencyName, type Ecosystem } from './manifests.js';

/** A capability's detect rules, as written in its `spec.detect`. */
export interface CapabilityRules {
  capability: string;
  rules: DetectRule[];
}

export type CompiledRule =
  | {
      kind: 'files';
      capability: number;
      ruleIndex: number;
      glob: string;
      test: (path: string) => boolean;
      pattern: string | null;
    }
  | { kind: 'dependency'; capability: number; ruleIndex: number; ecosystem: Ecosystem; name: string };

export interface CompiledCapability {
  name: string;
  rules: CompiledRule[];
  /** Git pathspecs covering every file its rules can look at (a superset: paths are matched exactly after). */
  pathspecs: string[];
}

export interface CompiledCapabilities {
  capabilities: CompiledCapability[];
  /** Each distinct glob once, with the files rules that use it (in capability then rule order). */
  globs: { test: (path: string) => boolean; rules: Extract<CompiledRule, { kind: 'files' }>[] }[];
  /** Rules that cannot run (should have been refused at import), named by capability and index. */
  problems: string[];
}

const compiledCache = new WeakMap<CapabilityRules[], CompiledCapabilities>();
/** Glob syntax git's `:(glob)` magic does not share with picomatch: braces, extglobs, negation, escapes. */
const NOT_GIT_GLOB = /[{}()!+@\\]/;
const GLOB_SPECIAL = /[*?[\]{}()!+@\\]/;

/** Compiles detect rules once (cached per array), for matching paths and for asking git about history. */
export function compileCapabilities(list: CapabilityRules[]): CompiledCapabilities {
  const cached = compiledCache.get(list);
  if (cached) return cached;
  const matchers = new Map<string, (path: string) => boolean>();
  const problems: string[] = [];
  const capabilities = list.map((entry, capability): CompiledCapability => {
    const rules: CompiledRule[] = [];
    entry.rules.forEach((rule, ruleIndex) => {
      const compiled = compileRule(rule, capability, ruleIndex, matchers);
      if (typeof compiled === 'string')
        problems.push(`detect[${ruleIndex}] of ${entry.capability} ${compiled}; skipped`);
      else rules.push(compiled);
    });
    return { name: entry.capability, rules, pathspecs: pathspecsOf(rules) };
  });
  const globs = new Map<string, CompiledCapabilities['globs'][number]>();
  for (const rule of capabilities.flatMap((c) => c.rules)) {
    if (rule.kind !== 'files') continue;
    const entry = globs.get(rule.glob) ?? { test: rule.test, rules: [] };
    entry.rules.push(rule);
    globs.set(rule.glob, entry);
  }
  const result = { capabilities, globs: [...globs.values()], problems };
  compiledCache.set(list, result);
  return result;
}

function compileRule(
  rule: DetectRule,
  capability: number,
  ruleIndex: number,
  matchers: Map<string, (path: string) => boolean>,
): CompiledRule | string {
  if ('dependency' in rule) {
    const { ecosystem, name } = rule.dependency ?? {};
    if (
      !(DEPENDENCY_ECOSYSTEMS as readonly unknown[]).includes(ecosystem) ||
      typeof name !== 'string' ||
      name.trim() === ''
    ) {
      return 'has an invalid dependency';
    }
    return { kind: 'dependency', capability, ruleIndex, ecosystem, name: normaliseDependencyName(ecosystem, name) };
  }
  if (typeof rule.files !== 'string' || rule.files === '') return 'has no files glob';
  const pattern = rule.pattern ?? null;
  if (pattern !== null) {
    try {
      new RegExp(pattern);
    } catch {
      return `has an invalid pattern`;
    }
  }
  let test = matchers.get(rule.files);
  if (!test) {
    try {
      test = globMatcher(rule.files);
    } catch {
      return `has an invalid glob`;
    }
    matchers.set(rule.files, test);
  }
  return { kind: 'files', capability, ruleIndex, glob: rule.files, test, pattern };
}

/**
 * picomatch's matcher (`dot: true`), with cheap necessary conditions tested first: most paths of a tree fail on
 * the glob's literal directory prefix or file-name suffix, and never reach the regular expression. Globs with
 * syntax where such literals are not plain (braces, extglobs, negation, escapes) go straight to picomatch.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const matcher = picomatch(glob, { dot: true });
  if (NOT_GIT_GLOB.test(glob)) return matcher;
  const re = picomatch.makeRe(glob, { dot: true });
  const base = picomatch.scan(glob).base;
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  const suffix = last.slice(Math.max(...[...'*?]'].map((ch) => last.lastIndexOf(ch))) + 1);
  const prefix = base === '' ? '' : `${base}/`;
  return (path) =>
    (prefix === '' || path.startsWith(prefix) || path === base) &&
    path.endsWith(suffix) &&
    (path === glob || re.test(path));
}

function pathspecsOf(rules: CompiledRule[]): string[] {
  const specs = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === 'files') specs.add(globPathspec(rule.glob));
    else for (const spec of manifestPathspecs(rule.ecosystem)) specs.add(spec);
  }
  return [...specs];
}

/**
 * The glob as a git pathspec. Plain globs (`*`, `**`, `?`, classes) mean the same in both; for syntax git does not
 * know, the literal directories before the first special segment, and everything below them.
 */
export function globPathspec(glob: string): string {
  if (!NOT_GIT_GLOB.test(glob)) return `:(glob)${glob}`;
  const literal: string[] = [];
  for (const segment of glob.split('/')) {
    if (GLOB_SPECIAL.test(segment)) break;
    literal.push(segment);
  }
  if (literal.length === glob.split('/').length) literal.pop();
  return literal.length === 0 ? ':(glob)**' : `:(glob)${literal.join('/')}/**`;
}
