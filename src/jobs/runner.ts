import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import type { Logger } from '../http/logger.js';
import { zodDetails } from '../http/router.js';
import { claimNextJob, completeJob, failJob, requeueStaleJobs } from './queue.js';
import type { JobRegistry } from './registry.js';

export interface RunnerOptions {
  pollMs?: number;
  retryBaseMs?: number;
}

/** Polls the job table and runs one job at a time; `stop()` waits for the job in flight. */
export class JobRunner {
  private readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: JobRegistry,
    private readonly logger: Logger,
    private readonly options: RunnerOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets an enqueuer skip the poll delay. */
  notify(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
  }

  /** Runs ready jobs until none is left; used by tests and one-shot CLI commands. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  private async run(): Promise<void> {
    await requeueStaleJobs(this.db, 10 * 60_000).catch((error) => this.logger.error({ err: error }, 'requeue failed'));
    while (this.running) {
      const ran = await this.runOne().catch((error) => {
        this.logger.error({ err: error }, 'job runner error');
        return false;
      });
      if (!ran && this.running) await this.sleep(this.options.pollMs ?? 500);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async runOne(): Promise<boolean> {
    const job = await claimNextJob(this.db, this.id, [...this.registry.keys()]);
    if (!job) return false;
    const definition = this.registry.get(job.type);
    const logger = this.logger.child({ job: job.id, type: job.type });
    const parsed = definition?.payload.safeParse(job.payload);
    if (parsed && !parsed.success) {
      // The same payload would fail the same way on every attempt: the job fails for good, the handler never runs.
      const error = `invalid payload: ${zodDetails(parsed.error)
        .map((d) => `${d.field}: ${d.reason}`)
        .join('; ')}`;
      logger.warn({ error }, 'job failed');
      await failJob(this.db, { ...job, max_attempts: job.attempts }, error, this.options.retryBaseMs);
      return true;
    }
    try {
      if (!definition || !parsed) throw new Error(`no handler for job type ${job.type}`);
      const result = await definition.handle(parsed.data, { db: this.db, logger, attempt: job.attempts });
      await completeJob(this.db, job.id, result);
      logger.info('job succeeded');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error }, 'job failed');
      const maxAttempts = definition?.maxAttempts ?? job.max_attempts;
      await failJob(this.db, { ...job, max_attempts: maxAttempts }, message, this.options.retryBaseMs);
    }
    return true;
  }
}
