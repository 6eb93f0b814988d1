/**
 * Release notes for the shipping benchmark: Markdown of the length and shape platform teams write (a summary, a
 * "what changed" list, sometimes an upgrade section with a code block and a link), 300 to 3,000 characters,
 * deterministic from the random source given.
 */
import type { Random } from '../src/shared/random.js';

const SUBJECTS = [
  'the build cache',
  'pipeline templates',
  'the deploy step',
  'secret rotation',
  'log shipping',
  'the metrics agent',
  'database proxies',
  'the service template',
  'preview environments',
  'the artifact registry',
  'alert routing',
  'canary analysis',
  'the ingress controller',
  'policy checks',
  'the CLI',
  'cost reports',
];
const VERBS = ['now supports', 'no longer needs', 'is faster for', 'handles', 'reports', 'retries', 'validates'];
const OBJECTS = [
  'monorepos with more than 200 packages',
  'ARM runners',
  'private registries behind a proxy',
  'workloads in several regions',
  'jobs that run longer than an hour',
  'services without a health check',
  'teams that pin an older version',
  'custom resource limits',
  'blue-green rollouts',
  'read replicas',
];
const REASONS = [
  'Several teams asked for this in the last survey.',
  'This removes a manual step most teams had scripted around.',
  'The old behaviour hid failures until the next deploy.',
  'Measured on our own pipelines, the median run is 30% shorter.',
  'Nothing changes for teams on the default settings.',
];

const sentence = (r: Random) => `${capitalise(r.pick(SUBJECTS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A release's title: what a changelog line says. */
export function releaseTitle(r: Random): string {
  return capitalise(`${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}`);
}

/** Markdown notes; breaking changes and deprecations carry an upgrade section. */
export function releaseNotes(r: Random, type: string, capability: string): string {
  const parts: string[] = [];
  parts.push(`${sentence(r)} ${r.pick(REASONS)}`);
  const changes = r.int(1, 8);
  parts.push(
    `## What changed\n\n${Array.from({ length: changes }, () => `- ${sentence(r)}${r.chance(0.3) ? ` ${r.pick(REASONS)}` : ''}`).join('\n')}`,
  );
  if (type === 'breaking' || type === 'deprecation' || r.chance(0.25)) {
    const flag = `--${r.pick(['cache', 'region', 'template', 'timeout', 'retries'])}`;
    parts.push(
      `## Upgrading\n\n${sentence(r)} Replace the old option in your configuration:\n\n` +
        `\`\`\`yaml\n${capability}:\n  version: 2\n  options: ["${flag}=${r.int(1, 60)}"]\n\`\`\`\n\n` +
        `See [the migration guide](https://docs.example.com/${capability}/migrate) for the details.`,
    );
  }
  if (r.chance(0.4)) parts.push(`**Known issue:** ${sentence(r)} A fix follows in the next patch.`);
  return parts.join('\n\n');
}
