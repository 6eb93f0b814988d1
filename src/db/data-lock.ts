import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the holder of an embedded data directory leaves for other processes to find. */
export interface LockInfo {
  pid: number;
  holder: 'server' | 'cli';
  /** When a server holds it: where to reach it, and a token for the local CLI. */
  url?: string;
  token?: string;
}

/** Directories this process holds, so a second open from the same process is refused as well. */
const held = new Map<string, LockInfo>();

export function lockPath(dataDir: string): string {
  return join(dataDir, 'paved.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the directory, or null; a lock left by a dead process is removed. */
export function readLock(dataDir: string): LockInfo | null {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
  if (info.pid !== process.pid && !alive(info.pid)) {
    rmSync(lockPath(dataDir), { force: true });
    return null;
  }
  return info;
}

/**
 * PGlite's files may be opened by one process only; two would corrupt them. Returns a release
 * function, or the current holder when someone else has it.
 */
export function acquireLock(
  dataDir: string,
  info: Omit<LockInfo, 'pid'>,
): { release: () => void; update: (more: Partial<LockInfo>) => void } | { heldBy: LockInfo } {
  mkdirSync(dataDir, { recursive: true });
  const ours = held.get(dataDir);
  if (ours) return { heldBy: ours };
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = readLock(dataDir);
    if (current && current.pid !== process.pid) return { heldBy: current };
    const mine: LockInfo = { pid: process.pid, ...info };
    try {
      writeFileSync(lockPath(dataDir), JSON.stringify(mine), { flag: current ? 'w' : 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    held.set(dataDir, mine);
    return {
      release: () => {
        held.delete(dataDir);
        if (readLock(dataDir)?.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
      },
      update: (more) => {
        Object.assign(mine, more);
        writeFileSync(lockPath(dataDir), JSON.stringify(mine), { mode: 0o600 });
      },
    };
  }
  const holder = readLock(dataDir);
  if (holder) return { heldBy: holder };
  throw new Error(`could not lock ${dataDir}`);
}
