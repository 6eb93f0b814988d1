import picomatch from 'picomatch';
import { inYearRange, YEAR_REASON } from '../../http/dates.js';
import { CAPABILITY_LIFECYCLES, DEPENDENCY_ECOSYSTEMS } from './entity.js';
import { emptyFacts, isPlainObject, refField, stringField } from './validate-spec.js';
import type { SpecFacts, SpecInput } from './validate-spec.js';

const RULE_KEYS = ['files', 'pattern', 'dependency'];
const DEPENDENCY_KEYS = ['ecosystem', 'name'];

/** Validates a Capability's spec (Paved's own kind, see DOMAIN.md) and derives its facts. */
export function validateCapability(name: string, input: SpecInput): SpecFacts {
  const facts = emptyFacts(input.spec);
  facts.ownerRef = refField(input, 'owner', 'group', true);
  if (facts.ownerRef !== null) facts.relations.push({ type: 'ownedBy', targetRef: facts.ownerRef });

  facts.lifecycle = stringField(input, 'lifecycle', true);
  if (facts.lifecycle !== null && !(CAPABILITY_LIFECYCLES as readonly string[]).includes(facts.lifecycle)) {
    input.problem('lifecycle', `must be one of ${CAPABILITY_LIFECYCLES.join(', ')}`);
    facts.lifecycle = null;
  }
  stringField(input, 'category', false);
  checkGaDate(input);
  checkDocs(input);
  checkAudience(input);
  checkDetect(name, input);
  return facts;
}

function checkGaDate(input: SpecInput): void {
  const value = input.spec.gaDate;
  if (value === undefined || value === null) return;
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  // Date.UTC rolls 2025-02-30 over to March; a real calendar date survives the round trip.
  const real =
    match !== null &&
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
  if (!real) input.problem('gaDate', 'must be a calendar date YYYY-MM-DD');
  else if (!inYearRange(new Date(`${value}T00:00:00Z`))) input.problem('gaDate', YEAR_REASON);
}

function checkDocs(input: SpecInput): void {
  const value = input.spec.docs;
  if (value === undefined || value === null) return;
  let url: URL | null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    input.problem('docs', 'must be an http(s) URL');
  }
}

function checkAudience(input: SpecInput): void {
  const value = input.spec.audience;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) return input.problem('audience', 'must be a list of component types');
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') input.problem(`audience[${i}]`, 'must be a non-empty string');
  });
}

function checkDetect(name: string, input: SpecInput): void {
  const value = input.spec.detect;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) return input.problem('detect', 'must be a list of rules');
  value.forEach((rule, i) => checkRule(name, rule, `detect[${i}]`, input));
}

function checkRule(name: string, rule: unknown, field: string, input: SpecInput): void {
  if (!isPlainObject(rule)) {
    return input.problem(field, 'must be { files, pattern? } or { dependency: { ecosystem, name } }');
  }
  for (const key of Object.keys(rule)) {
    if (!RULE_KEYS.includes(key)) {
      input.problem(`${field}.${key}`, 'unknown key (expected files, pattern or dependency)');
    }
  }
  const hasFiles = rule.files !== undefined;
  const hasDependency = rule.dependency !== undefined;
  if (hasFiles && hasDependency) return input.problem(field, 'use either files or dependency, not both');
  if (hasDependency) {
    if (rule.pattern !== undefined) input.problem(`${field}.pattern`, 'only applies to a files rule');
    return checkDependency(rule.dependency, `${field}.dependency`, input);
  }
  if (!hasFiles) return input.problem(field, 'must have files or dependency');

  const globProblem = checkGlob(rule.files);
  if (globProblem !== null) input.problem(`${field}.files`, `capability ${name}: ${globProblem}`);
  if (rule.pattern !== undefined) {
    const patternProblem = checkPattern(rule.pattern);
    if (patternProblem !== null) input.problem(`${field}.pattern`, `capability ${name}: ${patternProblem}`);
  }
}

/** A detect glob is matched against paths inside a repository, so it must stay inside it. */
function checkGlob(glob: unknown): string | null {
  if (typeof glob !== 'string' || glob.trim() === '') return 'glob must be a non-empty string';
  if (glob.startsWith('/')) return `glob must be relative to the repository root: ${glob}`;
  if (glob.split('/').includes('..')) return `glob must not contain a .. segment: ${glob}`;
  try {
    // debug makes picomatch throw instead of silently returning a regex that never matches.
    picomatch.makeRe(glob, { debug: true });
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `invalid glob "${glob}": ${message.slice(message.lastIndexOf(': ') + 2)}`;
  }
}

function checkPattern(pattern: unknown): string | null {
  if (typeof pattern !== 'string' || pattern === '') return 'pattern must be a non-empty string';
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `invalid regular expression: ${message.replace(/^Invalid regular expression: /, '')}`;
  }
}

function checkDependency(dependency: unknown, field: string, input: SpecInput): void {
  if (!isPlainObject(dependency)) return input.problem(field, 'must be { ecosystem, name }');
  for (const key of Object.keys(dependency)) {
    if (!DEPENDENCY_KEYS.includes(key)) input.problem(`${field}.${key}`, 'unknown key (expected ecosystem or name)');
  }
  const { ecosystem, name } = dependency;
  if (ecosystem === undefined) input.problem(`${field}.ecosystem`, 'is required');
  else if (typeof ecosystem !== 'string' || !(DEPENDENCY_ECOSYSTEMS as readonly string[]).includes(ecosystem)) {
    input.problem(`${field}.ecosystem`, `must be one of ${DEPENDENCY_ECOSYSTEMS.join(', ')}`);
  }
  if (name === undefined) input.problem(`${field}.name`, 'is required');
  else if (typeof name !== 'string' || name.trim() === '') input.problem(`${field}.name`, 'must be a non-empty string');
}
