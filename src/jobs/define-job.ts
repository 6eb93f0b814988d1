import type { z } from 'zod';
import type { Db } from '../db/schema/index.js';
import type { Logger } from '../http/logger.js';

export interface JobContext {
  db: Db;
  logger: Logger;
  attempt: number;
}

/**
 * What an enqueuer and the job's definition share: the type name stored in the job table and the schema of the
 * payload. Enqueueing takes the schema's input; the handler gets what the schema parsed.
 */
export interface JobKind<Payload extends z.ZodType = z.ZodType> {
  name: string;
  payload: Payload;
}

export function jobKind<Payload extends z.ZodType>(name: string, payload: Payload): JobKind<Payload> {
  return { name, payload };
}

/** A kind of job plus a handler that must be safe to run again with the same payload. */
export interface JobDefinition<Payload extends z.ZodType = z.ZodType> extends JobKind<Payload> {
  maxAttempts?: number;
  /**
   * How many jobs of this kind one runner may run at once (default 1): more only for jobs that are independent of
   * each other and spend their time waiting (an outbound request), so one slow destination does not hold the rest.
   */
  concurrency?: number;
  handle(payload: z.output<Payload>, context: JobContext): Promise<unknown>;
}

export function defineJob<Payload extends z.ZodType>(
  kind: JobKind<Payload>,
  job: {
    maxAttempts?: number;
    concurrency?: number;
    handle(payload: z.output<Payload>, context: JobContext): Promise<unknown>;
  },
): JobDefinition<Payload> {
  return { name: kind.name, payload: kind.payload, ...job };
}
