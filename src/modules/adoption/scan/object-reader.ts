import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitFailure, GitError, spawnGit, type GitRepo } from './git.js';

/** An object as read: its id, type and size always, its content only when it is at most the requested limit. */
export interface GitObject {
  oid: string;
  type: string;
  size: number;
  content: Buffer | null;
}

interface Request {
  maxBytes: number;
  resolve: (object: GitObject | null) => void;
  reject: (error: Error) => void;
}

/**
 * Reads objects (commits, trees, blobs) through one `git cat-file --batch` process, started on the first read.
 * Requests are pipelined: many may be in flight, answers come back in order. Content over the limit is streamed
 * past without being kept, so a huge file costs reading, never memory. `null` means the object is missing.
 */
export class ObjectReader {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly queue: Request[] = [];
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current body still to come (content + the trailing LF); -1 while waiting for a header. */
  private remaining = -1;
  private header: Omit<GitObject, 'content'> = { oid: '', type: '', size: 0 };
  private chunks: Buffer[] | null = null;
  private stderr = '';
  private failure: Error | null = null;

  constructor(private readonly repo: GitRepo) {}

  /** Reads an object by id or by name (`HEAD^{commit}`); the name must not contain a newline. */
  read(name: string, maxBytes: number): Promise<GitObject | null> {
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ maxBytes, resolve, reject });
      // Requests made in the same tick go out in one write instead of a system call each.
      if (child.stdin.writableCorked === 0) {
        child.stdin.cork();
        process.nextTick(() => child.stdin.uncork());
      }
      child.stdin.write(`${name}\n`);
    });
  }

  /** Ends the process; reads still in flight are answered first. */
  close(): void {
    if (this.child) this.child.stdin.end();
    this.child = null;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawnGit(this.repo, ['cat-file', '--batch'], 'pipe');
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    child.stdin.on('error', () => {}); // EPIPE after an early exit; reported by 'close'
    child.on('error', (error) => this.fail(new GitError(`git could not be started: ${error.message}`, null, '')));
    child.on('close', (code) => {
      if (this.queue.length > 0)
        this.fail(new GitError(gitFailure(['cat-file'], this.stderr, code), code, this.stderr));
    });
    this.child = child;
    return child;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const request of this.queue.splice(0)) request.reject(error);
  }

  private onData(chunk: Buffer): void {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.remaining === -1) {
        const newline = data.indexOf(10);
        if (newline === -1) {
          this.pending = data;
          return;
        }
        this.onHeader(data.toString('utf8', 0, newline));
        data = data.subarray(newline + 1);
        continue;
      }
      const take = Math.min(this.remaining, data.length);
      if (this.chunks) this.chunks.push(data.subarray(0, take));
      this.remaining -= take;
      data = data.subarray(take);
      if (this.remaining === 0) this.finishBody();
    }
  }

  private onHeader(header: string): void {
    const request = this.queue[0];
    if (!request) return;
    const parts = header.split(' ');
    if (parts[1] === 'missing' || parts.length < 3) {
      this.queue.shift();
      request.resolve(null);
      return;
    }
    const size = Number(parts[2]);
    this.header = { oid: parts[0] ?? '', type: parts[1] ?? '', size };
    this.remaining = size + 1;
    this.chunks = size <= request.maxBytes ? [] : null;
  }

  private finishBody(): void {
    this.remaining = -1;
    const request = this.queue.shift();
    const content = this.chunks ? Buffer.concat(this.chunks).subarray(0, this.header.size) : null;
    this.chunks = null;
    request?.resolve({ ...this.header, content });
  }
}
