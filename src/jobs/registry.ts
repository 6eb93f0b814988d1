import type { JobDefinition } from './define-job.js';

export type JobRegistry = Map<string, JobDefinition>;

export function createRegistry(definitions: JobDefinition[]): JobRegistry {
  return new Map(definitions.map((d) => [d.name, d]));
}
