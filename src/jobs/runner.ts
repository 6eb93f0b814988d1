import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import type { Logger } from '../http/logger.js';
import { zodDetails } from '../http/router.js';
import type { Sweep } from './define-sweep.js';
import { claimNextJob, completeJob, DEFAULT_LEASE_MS, failJob, renewLease, requeueExpiredJobs } from './queue.js';
import type { JobRegistry } from './registry.js';

export interface RunnerOptions {
  pollMs?: number;
  retryBaseMs?: number;
  /** How long a claimed job stays this worker's without a renewal; renewed every third of it while the handler runs. */
  leaseMs?: number;
  /** How often the runner puts back jobs whose lease ran out (their worker died) and runs the sweeps that are due. */
  maintainEveryMs?: number;
  /**
   * This runner is the only worker on its database (the embedded one, whose files one process holds): a job still
   * running at its start was left by a process that died, so it goes back at once instead of when its lease ends.
   */
  soleWorker?: boolean;
  sweeps?: Sweep[];
}

/**
 * Polls the job table and runs one job at a time, holding each job's lease while its handler runs; a timer puts
 * back jobs whose worker died and runs the sweeps. A kind that allows `concurrency` n > 1 is also taken by n - 1
 * extra loops that take only such kinds, so up to n of its jobs run at once, while every other kind still runs one
 * job at a time. `stop()` waits for the jobs in flight.
 */
export class JobRunner {
  private readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly sleepers = new Set<() => void>();
  private maintenanceTimer: NodeJS.Timeout | null = null;
  private maintaining: Promise<void> | null = null;
  private readonly sweepDue = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: JobRegistry,
    private readonly logger: Logger,
    private readonly options: RunnerOptions = {},
  ) {}

  private get leaseMs() {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    const every = this.options.maintainEveryMs ?? Math.min(10_000, Math.max(1, Math.floor(this.leaseMs / 3)));
    this.maintenanceTimer = setInterval(() => void this.maintain(), every);
    this.maintenanceTimer.unref();
  }

  /** Lets an enqueuer skip the poll delay. */
  notify(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.maintenanceTimer) clearInterval(this.maintenanceTimer);
    this.maintenanceTimer = null;
    this.notify();
    await this.loop;
    await this.maintaining;
  }

  /** Runs ready jobs until none is left; used by tests and one-shot CLI commands. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  /** Puts back jobs whose worker died and runs the sweeps that are due; never two at once. */
  maintain(options: { all?: boolean } = {}): Promise<void> {
    this.maintaining ??= this.maintainOnce(options).finally(() => {
      this.maintaining = null;
    });
    return this.maintaining;
  }

  private async maintainOnce(options: { all?: boolean }) {
    let found = 0;
    try {
      const requeued = await requeueExpiredJobs(this.db, options);
      if (requeued > 0) this.logger.warn({ jobs: requeued }, 'took back jobs whose worker stopped');
      found += requeued;
    } catch (error) {
      this.logger.error({ err: error }, 'requeue failed');
    }
    const now = Date.now();
    for (const sweep of this.options.sweeps ?? []) {
      if ((this.sweepDue.get(sweep.name) ?? 0) > now) continue;
      this.sweepDue.set(sweep.name, now + sweep.everyMs);
      try {
        const queued = await sweep.run({ db: this.db, logger: this.logger });
        if (queued > 0) this.logger.info({ sweep: sweep.name, jobs: queued }, 'sweep queued jobs');
        found += queued;
      } catch (error) {
        this.logger.error({ err: error, sweep: sweep.name }, 'sweep failed');
      }
    }
    if (found > 0) this.notify();
  }

  private async run(): Promise<void> {
    // First, so that taking back every running job (as the sole worker) cannot take one an extra loop just claimed.
    await this.maintain({ all: this.options.soleWorker === true });
    const limits = [...this.registry.values()].map((d) => d.concurrency ?? 1);
    const extra = Math.max(1, ...limits) - 1;
    // Loop k takes the kinds that allow more than k jobs at once: loop 0 every kind.
    const kinds = (k: number) => [...this.registry.values()].filter((d) => (d.concurrency ?? 1) > k).map((d) => d.name);
    await Promise.all(Array.from({ length: 1 + extra }, (_, k) => this.work(kinds(k))));
  }

  private async work(types: string[]): Promise<void> {
    while (this.running) {
      const ran = await this.runOne(types).catch((error) => {
        this.logger.error({ err: error }, 'job runner error');
        return false;
      });
      // A job that ran may have queued others: the loops asleep look at once.
      if (ran) this.notify();
      else if (this.running) await this.sleep(this.options.pollMs ?? 500);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const sleepers = this.sleepers;
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });
  }

  /** Runs `work` while renewing the job's lease every third of it. */
  private async holdingLease<T>(jobId: number, logger: Logger, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(
      () => {
        renewLease(this.db, jobId, this.id, this.leaseMs)
          .then((held) => {
            if (!held) logger.warn('lost the lease of the job it runs (another worker may take it up)');
          })
          .catch((error) => logger.error({ err: error }, 'lease renewal failed'));
      },
      Math.max(1, Math.floor(this.leaseMs / 3)),
    );
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async runOne(types: string[] = [...this.registry.keys()]): Promise<boolean> {
    const job = await claimNextJob(this.db, this.id, types, this.leaseMs);
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
      const context = { db: this.db, logger, attempt: job.attempts };
      const result = await this.holdingLease(job.id, logger, () => definition.handle(parsed.data, context));
      await completeJob(this.db, job.id, result, this.id);
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
