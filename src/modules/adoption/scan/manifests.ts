import type { DetectRule } from '../../catalog/entity.js';
import { parsePyproject } from './pyproject.js';

export type Ecosystem = Extract<DetectRule, { dependency: unknown }>['dependency']['ecosystem'];

/** Where a manifest names a dependency: 1-based line and the line's text (null when it cannot be placed). */
export interface Mention {
  line: number | null;
  text: string | null;
}

/** Dependency names a manifest declares (normalised, see `normaliseDependencyName`) and where. */
export type DeclaredDependencies = Map<string, Mention>;

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/** Directories holding other people's code, whose manifests are not the repository's own. */
const VENDORED = /(^|\/)(node_modules|vendor)\//;
const REQUIREMENTS = /^requirements[^/]*\.txt$/;
/** A PEP 508 requirement begins with the distribution name; what may follow it. */
const PEP508_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?=$|[[(;<>=!~@,\s])/;

/** A manifest format: the ecosystem, except Python's two. */
export type ManifestKind = Exclude<Ecosystem, 'python'> | 'requirements' | 'pyproject';

/** The manifest format of this path, or null when it is not a manifest (or a vendored one). */
export function manifestKind(path: string): ManifestKind | null {
  if (VENDORED.test(path)) return null;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'package.json') return 'npm';
  if (name === 'pyproject.toml') return 'pyproject';
  if (REQUIREMENTS.test(name)) return 'requirements';
  if (name === 'go.mod') return 'go';
  if (name === 'pom.xml') return 'maven';
  return null;
}

export function kindEcosystem(kind: ManifestKind): Ecosystem {
  return kind === 'requirements' || kind === 'pyproject' ? 'python' : kind;
}

/** The ecosystem whose manifest this path is, or null. */
export function manifestEcosystem(path: string): Ecosystem | null {
  const kind = manifestKind(path);
  return kind === null ? null : kindEcosystem(kind);
}

/** Git pathspecs that cover every manifest of an ecosystem (a superset: vendored ones are filtered after). */
export function manifestPathspecs(ecosystem: Ecosystem): string[] {
  switch (ecosystem) {
    case 'npm':
      return [':(glob)**/package.json'];
    case 'python':
      return [':(glob)**/requirements*.txt', ':(glob)**/pyproject.toml'];
    case 'go':
      return [':(glob)**/go.mod'];
    case 'maven':
      return [':(glob)**/pom.xml'];
  }
}

/** Python names compare per PEP 503 (case-insensitive, runs of `-_.` equal); the others exactly. */
export function normaliseDependencyName(ecosystem: Ecosystem, name: string): string {
  const trimmed = name.trim();
  return ecosystem === 'python' ? trimmed.toLowerCase().replace(/[-_.]+/g, '-') : trimmed;
}

/** Parses a manifest; null when it is not readable as one (invalid JSON, …). */
export function parseManifest(kind: ManifestKind, text: string): DeclaredDependencies | null {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  switch (kind) {
    case 'npm':
      return parsePackageJson(text, lines);
    case 'pyproject':
      return fromRequirementStrings(parsePyproject(lines), lines);
    case 'requirements':
      return parseRequirements(lines);
    case 'go':
      return parseGoMod(lines);
    case 'maven':
      return parsePom(text, lines);
  }
}

export function mention(lines: string[], index: number): Mention {
  const text = lines[index];
  return text === undefined ? { line: null, text: null } : { line: index + 1, text: text.trim().slice(0, 200) };
}

function parsePackageJson(text: string, lines: string[]): DeclaredDependencies | null {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return null;
  }
  const found: DeclaredDependencies = new Map();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return found;
  for (const section of NPM_SECTIONS) {
    const deps = (json as Record<string, unknown>)[section];
    if (typeof deps !== 'object' || deps === null || Array.isArray(deps)) continue;
    const sectionLine = findLine(lines, 0, keyPattern(section));
    for (const name of Object.keys(deps)) {
      if (found.has(name)) continue;
      const key = keyPattern(name);
      const index = findLine(lines, Math.max(sectionLine, 0), key);
      found.set(name, mention(lines, index >= 0 ? index : findLine(lines, 0, key)));
    }
  }
  return found;
}

function keyPattern(key: string): RegExp {
  return new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
}

function findLine(lines: string[], from: number, pattern: RegExp): number {
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i] as string)) return i;
  return -1;
}

function parseRequirements(lines: string[]): DeclaredDependencies {
  return fromRequirementStrings(
    lines.map((line, index) => ({ value: line.replace(/(^|\s)#.*$/, ''), line: index })),
    lines,
  );
}

/** Requirement strings (with their 0-based line) to names; options (`-r`, `--index-url`) and paths name nothing. */
function fromRequirementStrings(
  requirements: { value: string; line: number }[],
  lines: string[],
): DeclaredDependencies {
  const found: DeclaredDependencies = new Map();
  for (const { value, line } of requirements) {
    const match = PEP508_NAME.exec(value.trim());
    if (!match?.[1]) continue;
    const name = normaliseDependencyName('python', match[1]);
    if (!found.has(name)) found.set(name, mention(lines, line));
  }
  return found;
}

function parseGoMod(lines: string[]): DeclaredDependencies {
  const found: DeclaredDependencies = new Map();
  let inBlock = false;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    let spec: string | null = null;
    if (inBlock) {
      if (line.startsWith(')')) inBlock = false;
      else spec = line;
    } else if (/^require\s*\(\s*$/.test(line)) {
      inBlock = true;
    } else if (/^require\s+\S/.test(line)) {
      spec = line.replace(/^require\s+/, '');
    }
    const path = spec?.split(/\s+/)[0]?.replace(/^["`](.*)["`]$/, '$1');
    if (path && !found.has(path)) found.set(path, mention(lines, index));
  });
  return found;
}

function parsePom(text: string, lines: string[]): DeclaredDependencies {
  // Comments are blanked, not removed, so offsets still give the right line numbers.
  const xml = text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: DeclaredDependencies = new Map();
  for (const block of xml.matchAll(/<dependency\s*>([\s\S]*?)<\/dependency\s*>/g)) {
    const body = block[1] ?? '';
    const group = /<groupId>\s*([^<]*?)\s*<\/groupId>/.exec(body);
    const artifact = /<artifactId>\s*([^<]*?)\s*<\/artifactId>/.exec(body);
    if (!group?.[1] || !artifact?.[1]) continue;
    const name = `${group[1]}:${artifact[1]}`;
    const offset = (block.index ?? 0) + block[0].indexOf('>') + 1 + artifact.index;
    if (!found.has(name)) found.set(name, mention(lines, lineOf(xml, offset)));
  }
  return found;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
