/**
 * Generates the scan benchmark's repositories: each a few thousand files and a first-parent history of BENCH_COMMITS
 * commits written in one `git fast-import` stream, with capabilities adopted, dropped and re-adopted along the way.
 * Cached under bench/.data/ by scale (and generator version); `truth.json`, written last, marks a complete set and
 * records, for each repository, the capabilities matching at HEAD and the committer date of their first adoption.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random } from '../src/shared/random.js';
import {
  ADOPTION_RATES,
  BENCH_CAPABILITIES,
  renderPlatformFiles,
  type Language,
  type RepoModel,
} from './scan-capabilities.js';

export interface ScanScale {
  repos: number;
  files: number;
  commits: number;
}

export interface RepoTruth {
  name: string;
  /** Capabilities matching at HEAD → committer date (ISO UTC) of their first adoption. */
  adoptions: Record<string, string>;
}

export interface GeneratedRepos {
  dir: string;
  paths: string[];
  truth: RepoTruth[];
  /** Seconds spent generating, or null when the cached set was reused. */
  generatedSeconds: number | null;
  bytes: number;
}

const GENERATOR_VERSION = 2;
const SEED = 20250601;
const START = Date.UTC(2023, 0, 2) / 1000;
const LANGUAGES: Language[] = ['node', 'python', 'go', 'java'];
const EXTENSIONS: Record<Language, string> = { node: 'ts', python: 'py', go: 'go', java: 'java' };
const WORDS = [
  'order',
  'invoice',
  'customer',
  'payment',
  'ledger',
  'account',
  'cart',
  'price',
  'tax',
  'refund',
  'report',
  'session',
  'token',
  'queue',
  'event',
  'audit',
  'search',
  'index',
  'cache',
  'client',
];

export async function ensureRepositories(scale: ScanScale, dataRoot: string): Promise<GeneratedRepos> {
  const dir = join(dataRoot, `scan-v${GENERATOR_VERSION}-r${scale.repos}-f${scale.files}-c${scale.commits}`);
  const names = Array.from(
    { length: scale.repos },
    (_, i) => `svc-${String(i).padStart(4, '0')}-${WORDS[i % WORDS.length]}`,
  );
  const paths = names.map((name) => join(dir, name));
  const truthFile = join(dir, 'truth.json');
  if (existsSync(truthFile)) {
    const cached = JSON.parse(await readFile(truthFile, 'utf8')) as { truth: RepoTruth[]; bytes: number };
    return { dir, paths, truth: cached.truth, generatedSeconds: null, bytes: cached.bytes };
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  const truth: RepoTruth[] = new Array(names.length);
  let bytes = 0;
  let next = 0;
  const lane = async () => {
    while (next < names.length) {
      const i = next++;
      const { stream, repoTruth } = buildRepository(names[i] as string, i, scale);
      bytes += stream.length;
      await importRepository(paths[i] as string, names[i] as string, stream);
      truth[i] = repoTruth;
      if ((i + 1) % 50 === 0) process.stderr.write(`  generated ${i + 1}/${names.length} repositories\n`);
    }
  };
  await Promise.all([lane(), lane()]);
  await writeFile(truthFile, JSON.stringify({ truth, bytes }));
  return { dir, paths, truth, generatedSeconds: (performance.now() - started) / 1000, bytes };
}

async function importRepository(path: string, name: string, stream: Buffer): Promise<void> {
  await run('git', ['init', '-q', '-b', 'main', path]);
  await run('git', ['fast-import', '--quiet', '--done'], path, stream);
  await appendFile(
    join(path, '.git', 'config'),
    `[remote "origin"]\n\turl = https://github.com/acme/${name}.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
  );
}

function run(command: string, args: string[], cwd?: string, input?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args[0]} failed (${code}): ${stderr}`)),
    );
    if (input) child.stdin?.end(input);
  });
}

interface Event {
  capability: string;
  adopt: boolean;
}

/** One repository's whole history as a fast-import stream, and the truth about its adoptions. */
function buildRepository(name: string, index: number, scale: ScanScale): { stream: Buffer; repoTruth: RepoTruth } {
  const rng = createRandom(SEED, `repo-${index}`);
  const model = repoModel(name, rng);
  const events = adoptionEvents(rng, scale.commits);
  const out: string[] = [];
  const filler = new Map<string, string>();
  const fillerTarget = Math.max(0, scale.files - 25);
  const pending = Array.from({ length: fillerTarget }, (_, i) => fillerPath(model.language, i, rng));
  const initialFiller = Math.floor(fillerTarget * 0.85);
  const adopted = new Set<string>();
  const history: { time: number; adopted: Set<string> }[] = [];
  let platform = new Map<string, string>();
  let revision = 0;
  let time = START + rng.int(0, 30 * 86400);

  for (let c = 0; c < scale.commits; c++) {
    time += rng.int(3600, 7 * 86400);
    for (const event of events.get(c) ?? []) {
      if (event.adopt) adopted.add(event.capability);
      else adopted.delete(event.capability);
    }
    if (c > 0 && rng.chance(0.08)) revision++;
    const changes = new Map<string, string | null>();
    const next = renderPlatformFiles(model, adopted, revision);
    for (const [path, content] of next) if (platform.get(path) !== content) changes.set(path, content);
    for (const path of platform.keys()) if (!next.has(path)) changes.set(path, null);
    platform = next;
    const adds = c === 0 ? initialFiller : Math.ceil((fillerTarget - initialFiller) / Math.max(1, scale.commits - 1));
    for (const path of pending.splice(0, adds)) {
      const content = fillerContent(model.language, path, rng);
      filler.set(path, content);
      changes.set(path, content);
    }
    const existing = [...filler.keys()];
    for (let k = c === 0 || existing.length === 0 ? 0 : rng.int(1, 4); k > 0; k--) {
      const path = rng.pick(existing);
      const content = `${filler.get(path) ?? ''}// change ${c}.${k}: ${rng.pick(WORDS)} ${rng.pick(WORDS)}\n`;
      filler.set(path, content);
      changes.set(path, content);
    }
    writeCommit(out, c, time, changes);
    history.push({ time, adopted: new Set(adopted) });
  }
  out.push('done\n');
  return { stream: Buffer.from(out.join('')), repoTruth: { name, adoptions: firstAdoptions(history) } };
}

function repoModel(name: string, rng: Random): RepoModel {
  const language = LANGUAGES[rng.weightedIndex([40, 25, 20, 15])] as Language;
  return {
    name,
    language,
    gitlab: rng.chance(0.15),
    jenkins: rng.chance(0.2),
    nestedPackages: language === 'node' && rng.chance(0.3) ? ['packages/web', 'packages/shared'] : [],
    extraDockerfiles: rng.chance(0.3) ? ['tools/migrate/Dockerfile'] : [],
    pyproject: rng.chance(0.5),
    component: rng.chance(0.8),
  };
}

/** Per commit index, capabilities adopted or dropped there: adopt once (10 % from the first commit), some drop, some come back. */
function adoptionEvents(rng: Random, commits: number): Map<number, Event[]> {
  const events = new Map<number, Event[]>();
  const add = (at: number, event: Event) => events.set(at, [...(events.get(at) ?? []), event]);
  BENCH_CAPABILITIES.forEach(({ capability }, i) => {
    if (!rng.chance(ADOPTION_RATES[i] ?? 0)) return;
    const adoptAt = rng.chance(0.1) ? 0 : rng.int(1, commits - 1);
    add(adoptAt, { capability, adopt: true });
    if (adoptAt < commits - 2 && rng.chance(0.2)) {
      const dropAt = rng.int(adoptAt + 1, commits - 1);
      add(dropAt, { capability, adopt: false });
      if (dropAt < commits - 1 && rng.chance(0.5)) add(rng.int(dropAt + 1, commits - 1), { capability, adopt: true });
    }
  });
  return events;
}

/** For capabilities adopted at the last commit: the time of the earliest commit from which they stayed adopted. */
function firstAdoptions(history: { time: number; adopted: Set<string> }[]): Record<string, string> {
  const result: Record<string, string> = {};
  const last = history[history.length - 1];
  for (const { capability } of BENCH_CAPABILITIES) {
    if (!last?.adopted.has(capability)) continue;
    let from = history.length - 1;
    while (from > 0 && history[from - 1]?.adopted.has(capability)) from--;
    result[capability] = new Date((history[from]?.time ?? 0) * 1000).toISOString().replace('.000Z', 'Z');
  }
  return result;
}

function writeCommit(out: string[], index: number, time: number, changes: Map<string, string | null>): void {
  const message = index === 0 ? 'Initial commit' : `Change ${index}`;
  out.push(
    `commit refs/heads/main\ncommitter Bench <bench@acme.example> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`,
  );
  for (const [path, content] of changes) {
    if (content === null) out.push(`D ${path}\n`);
    else out.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
  }
  out.push('\n');
}

const LAYERS = ['api', 'core', 'db', 'model', 'util'];

/** Sources in `src/<domain>/<layer>/`, tests in `test/<domain>/`, docs flat: a few dozen files per directory. */
function fillerPath(language: Language, i: number, rng: Random): string {
  const area = rng.weightedIndex([70, 20, 10]);
  const domain = WORDS[i % 12] as string;
  if (area === 2) return `docs/${domain}-${rng.pick(WORDS)}-${i}.md`;
  if (area === 1) return `test/${domain}/${rng.pick(WORDS)}_${i}_test.${EXTENSIONS[language]}`;
  return `src/${domain}/${rng.pick(LAYERS)}/${rng.pick(WORDS)}_${i}.${EXTENSIONS[language]}`;
}

function fillerContent(language: Language, path: string, rng: Random): string {
  if (path.endsWith('.md'))
    return `# ${rng.pick(WORDS)}\n\n${Array.from({ length: rng.int(5, 20) }, () => `The ${rng.pick(WORDS)} handles ${rng.pick(WORDS)} for each ${rng.pick(WORDS)}.`).join('\n')}\n`;
  const lines: string[] = [
    `// ${path}`,
    language === 'go'
      ? 'package main'
      : language === 'python'
        ? 'import os'
        : `import { ${rng.pick(WORDS)} } from './${rng.pick(WORDS)}';`,
  ];
  for (let f = rng.int(2, 6); f > 0; f--) {
    const fn = `${rng.pick(WORDS)}${rng.pick(WORDS).replace(/^./, (ch) => ch.toUpperCase())}${f}`;
    lines.push('', `function ${fn}(${rng.pick(WORDS)}, ${rng.pick(WORDS)}) {`);
    for (let l = rng.int(2, 6); l > 0; l--)
      lines.push(`  const ${rng.pick(WORDS)}${l} = ${rng.pick(WORDS)}.${rng.pick(WORDS)}(${rng.int(0, 999)});`);
    lines.push(`  return ${rng.pick(WORDS)};`, '}');
  }
  return `${lines.join('\n')}\n`;
}
