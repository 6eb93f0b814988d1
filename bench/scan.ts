/**
 * Repository scan benchmark (`npx tsx bench/scan.ts`).
 *
 * Generates BENCH_REPOS git repositories (default 500) of about BENCH_FILES files (2000) with BENCH_COMMITS commits
 * of history (200), cached under bench/.data/, then with BENCH_CONCURRENCY repositories at a time (2):
 *   1. scans them at HEAD with the twelve capabilities' rules (scanRepositories, history off);
 *   2. runs the reference, `git grep` of the same rules at HEAD (bench/scan-grep.ts);
 *   3. scans them again with history (first adoption of every matching capability).
 * Checks both scans against the generator's ground truth and prints the figures. Aim: HEAD scan within 2× of
 * git grep; the history scan of 500 repositories under 2 minutes on 2 cores.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  scanRepositories,
  type RepositoryScan,
  type ScanResult,
} from '../src/modules/adoption/scan/scan-repository.js';
import { BENCH_CAPABILITIES } from './scan-capabilities.js';
import { ensureRepositories, type RepoTruth, type ScanScale } from './scan-generate.js';
import { combinedGrepCommand, grepCommands, grepRepository } from './scan-grep.js';

const DATA_ROOT = join(import.meta.dirname, '.data');

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  process.stderr.write(`${label}…\n`);
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

async function inLanes<T>(items: string[], concurrency: number, work: (item: string) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as string);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}

/** Reads every pack once, so the first timed pass does not pay for a cold page cache the others would not. */
async function warmPageCache(paths: string[]): Promise<void> {
  await inLanes(paths, 8, async (path) => {
    const pack = join(path, '.git', 'objects', 'pack');
    for (const name of await readdir(pack)) await readFile(join(pack, name));
  });
}

/** Differences between scan results and the generator's truth: matches at HEAD and, with history, adoption dates. */
function compareWithTruth(results: ScanResult[], truth: RepoTruth[], history: boolean): string[] {
  const wrong: string[] = [];
  results.forEach((result, i) => {
    const expected = truth[i]?.adoptions ?? {};
    if (!('matches' in result)) return wrong.push(`${result.path}: ${'error' in result ? result.error : 'unchanged'}`);
    const scan = result as RepositoryScan;
    const found = Object.fromEntries(scan.matches.map((m) => [m.capability, m.firstAdoption?.date ?? null]));
    const names = new Set([...Object.keys(expected), ...Object.keys(found)]);
    for (const name of names) {
      if (!(name in found) || !(name in expected))
        wrong.push(`${scan.name}: ${name} ${name in found ? 'matched, expected not' : 'not matched'}`);
      else if (history && found[name] !== expected[name])
        wrong.push(`${scan.name}: ${name} adopted ${found[name]}, expected ${expected[name]}`);
    }
    if (scan.problems.length > 0) wrong.push(`${scan.name}: problems ${scan.problems.join('; ')}`);
  });
  return wrong;
}

async function main(): Promise<void> {
  const scale: ScanScale = {
    repos: envInt('BENCH_REPOS', 500),
    files: envInt('BENCH_FILES', 2000),
    commits: envInt('BENCH_COMMITS', 200),
  };
  const concurrency = envInt('BENCH_CONCURRENCY', 2);
  process.stderr.write(`scale: ${scale.repos} repositories × ~${scale.files} files × ${scale.commits} commits\n`);
  const generated = await ensureRepositories(scale, DATA_ROOT);
  await warmPageCache(generated.paths);
  const commands = grepCommands(BENCH_CAPABILITIES);

  const head = await timed('scan at HEAD', () =>
    scanRepositories(generated.paths, BENCH_CAPABILITIES, { history: false, concurrency }),
  );
  const grep = await timed(`git grep (${commands.length} per repository)`, () =>
    inLanes(generated.paths, concurrency, (path) => grepRepository(path, commands)),
  );
  const combined = await timed('git grep, one per repository', () =>
    inLanes(generated.paths, concurrency, (path) => grepRepository(path, [combinedGrepCommand(BENCH_CAPABILITIES)])),
  );
  const history = await timed('scan with history', () =>
    scanRepositories(generated.paths, BENCH_CAPABILITIES, { history: true, concurrency }),
  );

  const headWrong = compareWithTruth(head.value, generated.truth, false);
  const historyWrong = compareWithTruth(history.value, generated.truth, true);
  const matches = head.value.reduce((n, r) => n + ('matches' in r ? r.matches.length : 0), 0);
  const gitVersion = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  const cpu = cpus();
  const ratio = head.seconds / grep.seconds;
  const lines = [
    '',
    `Repository scan: ${scale.repos} repositories × ~${scale.files} files × ${scale.commits} commits, ${BENCH_CAPABILITIES.length} capabilities (${commands.length} rules), concurrency ${concurrency}`,
    `machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()[0]?.toFixed(2)}; ${gitVersion}; node ${process.version}`,
    `repositories: ${generated.generatedSeconds === null ? 'reused' : `generated in ${generated.generatedSeconds.toFixed(1)} s`} (${(generated.bytes / 2 ** 20).toFixed(0)} MiB of fast-import streams) in ${generated.dir}`,
    '',
    `HEAD scan      ${head.seconds.toFixed(2).padStart(8)} s   ${(scale.repos / head.seconds).toFixed(1).padStart(7)} repos/s   ${matches} capability matches`,
    `git grep       ${grep.seconds.toFixed(2).padStart(8)} s   ${(scale.repos / grep.seconds).toFixed(1).padStart(7)} repos/s   ${grep.value.reduce((a, b) => a + b, 0)} matching lines`,
    `ratio          ${ratio.toFixed(2).padStart(8)} ×   (HEAD scan / git grep; aim ≤ 2)`,
    `git grep ×1    ${combined.seconds.toFixed(2).padStart(8)} s   ${(scale.repos / combined.seconds).toFixed(1).padStart(7)} repos/s   (one grep per repository, all patterns on all paths: ratio ${(head.seconds / combined.seconds).toFixed(2)} ×)`,
    `history scan   ${history.seconds.toFixed(2).padStart(8)} s   ${(scale.repos / history.seconds).toFixed(1).padStart(7)} repos/s   (aim for 500 repositories: < 120 s)`,
    '',
    `checked against the generator's truth: HEAD ${headWrong.length === 0 ? 'all correct' : `${headWrong.length} differences`}, history ${historyWrong.length === 0 ? 'all correct' : `${historyWrong.length} differences`}`,
    ...[...headWrong, ...historyWrong].slice(0, 10).map((w) => `  ${w}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (headWrong.length + historyWrong.length > 0) process.exitCode = 1;
}

await main();
