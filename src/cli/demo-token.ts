import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/schema/index.js';
import { createToken, findActiveToken, revokeTokens } from '../modules/auth/service.js';

export const DEMO_TOKEN_NAME = 'demo-admin';
const DEMO_TOKEN_FILE = 'demo-admin-token';

export interface DemoToken {
  token: string;
  /** The file that keeps it, readable only by its user. */
  path: string;
  /** Why a new token was issued, or null when the kept one still works. */
  issued: null | 'first run' | 'the kept token no longer works' | 'the file was readable by others';
}

/** The kept secret, or why it cannot be used. */
function readKept(path: string): { token: string } | { problem: NonNullable<DemoToken['issued']> } {
  let mode: number;
  let uid: number;
  try {
    ({ mode, uid } = statSync(path));
  } catch {
    return { problem: 'first run' };
  }
  // A secret others could read has been out of our hands: it is replaced, not reused.
  if ((mode & 0o077) !== 0 || (process.getuid && uid !== process.getuid()))
    return { problem: 'the file was readable by others' };
  const token = readFileSync(path, 'utf8').trim();
  return token ? { token } : { problem: 'the kept token no longer works' };
}

/**
 * The demo's admin token, the same across restarts of one data directory. Tokens are stored hashed, so the
 * demo keeps the secret itself in a file of the data directory (mode 0600) and reuses it while it is still an
 * active demo token; otherwise (first run, revoked, file changed or exposed) it issues a new one and keeps that.
 */
export async function keepDemoToken(db: Db, dataDir: string): Promise<DemoToken> {
  const path = join(dataDir, DEMO_TOKEN_FILE);
  const kept = readKept(path);
  if ('token' in kept) {
    const row = await findActiveToken(db, kept.token);
    if (row?.name === DEMO_TOKEN_NAME && row.role === 'admin') return { token: kept.token, path, issued: null };
  }
  await revokeTokens(db, { name: DEMO_TOKEN_NAME });
  const { token } = await createToken(db, { name: DEMO_TOKEN_NAME, role: 'admin', createdBy: 'demo' });
  mkdirSync(dataDir, { recursive: true });
  // Removed first: writeFile's mode applies only to a file it creates.
  rmSync(path, { force: true });
  writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, path, issued: 'token' in kept ? 'the kept token no longer works' : kept.problem };
}
