import { Worker } from 'node:worker_threads';
import { PATTERN_WORKER_SOURCE } from './pattern-worker.js';

/** The first line of a text a pattern matches, none, or `timeout` when the pattern ran past the budget. */
export type PatternOutcome = { line: number; text: string } | null | 'timeout';

export const DEFAULT_PATTERN_BUDGET_MS = 1000;

interface Job {
  id: number;
  text: string;
  /** Indexes (into `outcomes`) of the patterns still to run, and the patterns themselves. */
  indexes: number[];
  patterns: string[];
  outcomes: PatternOutcome[];
  resolve: (outcomes: PatternOutcome[]) => void;
  reject: (error: Error) => void;
}

/**
 * Tests detect patterns (user-written regular expressions) on the lines of texts, in a worker thread, so a
 * pattern that backtracks catastrophically can be stopped: each text has a time budget from the moment the worker
 * starts on it; past it the worker is terminated, that pattern is reported as `timeout` for that text, and the work
 * still queued is sent again to a fresh worker. Texts are pipelined, one message each, answered in order.
 * One matcher serves one scan at a time; share it across sequential scans to pay the worker start once.
 */
/** How long a worker may take to start on a text before the text's patterns are given up. */
const STARTUP_ALLOWANCE_MS = 10_000;

export class PatternMatcher {
  private worker: Worker | null = null;
  /** `[job id, pattern index]` the worker is running; a fresh array per worker, so a dying one cannot write into the next's. */
  private progress = new Int32Array(new SharedArrayBuffer(8));
  private readonly inFlight: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;
  readonly budgetMs: number;

  constructor(options: { budgetMs?: number } = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_PATTERN_BUDGET_MS;
  }

  match(text: string, patterns: string[]): Promise<PatternOutcome[]> {
    if (this.closed) return Promise.reject(new Error('pattern matcher is closed'));
    if (patterns.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.send({
        id: 0,
        text,
        indexes: patterns.map((_, i) => i),
        patterns,
        outcomes: patterns.map(() => null),
        resolve,
        reject,
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTimer();
    for (const job of this.inFlight.splice(0)) job.reject(new Error('pattern matcher closed'));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private send(job: Job): void {
    const worker = this.ensureWorker();
    job.id = this.nextId++;
    if (this.nextId > 0x7fffffff) this.nextId = 1;
    this.inFlight.push(job);
    worker.postMessage({ id: job.id, text: job.text, patterns: job.patterns });
    if (this.inFlight.length === 1) this.startTimer();
  }

  private ensureWorker(): Worker {
    if (this.worker) {
      this.worker.ref();
      return this.worker;
    }
    this.progress = new Int32Array(new SharedArrayBuffer(8));
    Atomics.store(this.progress, 1, -1);
    const worker = new Worker(PATTERN_WORKER_SOURCE, { eval: true, workerData: { progress: this.progress.buffer } });
    worker.on('message', (message: { id: number; hits: ([number, string] | null)[] }) => {
      if (worker === this.worker) this.onAnswer(message);
    });
    const lost = () => {
      if (worker === this.worker) this.abandonHead();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
    return worker;
  }

  private onAnswer(message: { id: number; hits: ([number, string] | null)[] }): void {
    const job = this.inFlight[0];
    if (!job || job.id !== message.id) return;
    this.inFlight.shift();
    this.stopTimer();
    message.hits.forEach((hit, i) => {
      const index = job.indexes[i];
      if (index !== undefined) job.outcomes[index] = hit === null ? null : { line: hit[0], text: hit[1] };
    });
    job.resolve(job.outcomes);
    if (this.inFlight.length > 0) this.startTimer();
    else this.worker?.unref();
  }

  /** The worker overran the budget on the head job (or died): drop the pattern it was running, start afresh. */
  private abandonHead(): void {
    this.stopTimer();
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    const jobs = this.inFlight.splice(0);
    const head = jobs[0];
    if (!head) return;
    const runningId = Atomics.load(this.progress, 0);
    const running = Atomics.load(this.progress, 1);
    // Without a pattern to blame (the worker died before starting on it), every pattern of the text is given up.
    const blamed =
      runningId === head.id && running >= 0 && running < head.indexes.length
        ? [running]
        : head.indexes.map((_, i) => i);
    for (const i of blamed) head.outcomes[head.indexes[i] as number] = 'timeout';
    head.indexes = head.indexes.filter((_, i) => !blamed.includes(i));
    head.patterns = head.patterns.filter((_, i) => !blamed.includes(i));
    if (head.patterns.length === 0) {
      jobs.shift();
      head.resolve(head.outcomes);
    }
    if (this.closed) return;
    for (const job of jobs) this.send(job);
  }

  private startTimer(): void {
    this.stopTimer();
    const since = Date.now();
    const check = () => {
      const head = this.inFlight[0];
      // The budget runs from when the worker starts on the text: a worker still starting (slow on a loaded machine)
      // is waited for, up to STARTUP_ALLOWANCE_MS, rather than blamed for patterns it never ran.
      if (head && Atomics.load(this.progress, 0) !== head.id && Date.now() - since < STARTUP_ALLOWANCE_MS) {
        this.timer = setTimeout(check, this.budgetMs);
        return;
      }
      this.abandonHead();
    };
    this.timer = setTimeout(check, this.budgetMs);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
