/**
 * The scan benchmark's reference: `git grep` doing the same work at HEAD. One `git grep -I -n -E` per pattern rule
 * over its glob, and one fixed-string grep per dependency rule over its ecosystem's manifests (maven by artifactId:
 * the groupId sits on another line). Counts matching lines, so the work cannot be skipped.
 */
import { spawn } from 'node:child_process';
import type { CapabilityRules } from '../src/modules/adoption/scan/compile-rules.js';
import { manifestPathspecs } from '../src/modules/adoption/scan/manifests.js';

const GIT_CONFIG = ['-c', 'core.quotePath=false', '-c', 'grep.threads=1'];

/** The git arguments of each grep, one per rule. */
export function grepCommands(capabilities: CapabilityRules[]): string[][] {
  const commands: string[][] = [];
  for (const { rules } of capabilities) {
    for (const rule of rules) {
      if ('dependency' in rule) {
        const { ecosystem, name } = rule.dependency;
        const needle = ecosystem === 'maven' ? name.slice(name.indexOf(':') + 1) : name;
        commands.push([
          ...GIT_CONFIG,
          'grep',
          '-I',
          '-n',
          '-i',
          '-F',
          '-e',
          needle,
          'HEAD',
          '--',
          ...manifestPathspecs(ecosystem),
        ]);
      } else if (rule.pattern !== undefined) {
        commands.push([
          ...GIT_CONFIG,
          'grep',
          '-I',
          '-n',
          '-E',
          '-e',
          rule.pattern,
          'HEAD',
          '--',
          `:(glob)${rule.files}`,
        ]);
      }
    }
  }
  return commands;
}

/**
 * A stricter reference: a single `git grep` per repository with every pattern (dependency names escaped into
 * patterns) over every rule's paths. Less work than the rules ask for (each pattern is tried on every path), but
 * one process per repository, like the scanner's one tree listing and one cat-file.
 */
export function combinedGrepCommand(capabilities: CapabilityRules[]): string[] {
  const patterns = new Set<string>();
  const paths = new Set<string>();
  for (const { rules } of capabilities) {
    for (const rule of rules) {
      if ('dependency' in rule) {
        const { ecosystem, name } = rule.dependency;
        patterns.add(
          (ecosystem === 'maven' ? name.slice(name.indexOf(':') + 1) : name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        );
        for (const spec of manifestPathspecs(ecosystem)) paths.add(spec);
      } else {
        if (rule.pattern !== undefined) patterns.add(rule.pattern);
        paths.add(`:(glob)${rule.files}`);
      }
    }
  }
  return [...GIT_CONFIG, 'grep', '-I', '-n', '-E', ...[...patterns].flatMap((p) => ['-e', p]), 'HEAD', '--', ...paths];
}

/** Runs every grep in one repository, one after another; returns the matching lines found. */
export async function grepRepository(path: string, commands: string[][]): Promise<number> {
  let lines = 0;
  for (const args of commands) lines += await grepLines(path, args);
  return lines;
}

function grepLines(cwd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // git grep exits 1 when nothing matched.
    child.on('close', (code) =>
      code === 0 || code === 1 ? resolve(lines) : reject(new Error(`git grep in ${cwd} failed: ${stderr}`)),
    );
  });
}
