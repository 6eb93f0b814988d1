import type { JobDefinition } from './define-job.js';

export type JobRegistry = Map<string, JobDefinition>;

/** One definition per job name: a second one would silently replace the first, so it is refused. */
export function createRegistry(definitions: JobDefinition[]): JobRegistry {
  const registry: JobRegistry = new Map();
  for (const d of definitions) {
    if (registry.has(d.name)) throw new Error(`two jobs are named ${d.name}`);
    registry.set(d.name, d);
  }
  return registry;
}
