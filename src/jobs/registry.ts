import type { Db } from '../db/schema/index.js';
import type { Logger } from '../http/logger.js';

export interface JobContext {
  db: Db;
  logger: Logger;
  attempt: number;
}

/** A job is a type name plus a handler that must be safe to run again with the same payload. */
export interface JobDefinition {
  type: string;
  maxAttempts?: number;
  handle(payload: Record<string, unknown>, context: JobContext): Promise<unknown>;
}

export type JobRegistry = Map<string, JobDefinition>;

export function createRegistry(definitions: JobDefinition[]): JobRegistry {
  return new Map(definitions.map((d) => [d.type, d]));
}
