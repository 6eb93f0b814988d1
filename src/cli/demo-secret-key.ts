import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEMO_KEY_FILE = 'demo-secret-key';

/**
 * The demo's secret key when PAVED_SECRET_KEY is not set, so that what is stored sealed (integration secrets,
 * announcement destinations) works in a demo too: 32 random bytes kept in the data directory (mode 0600), the same
 * on every restart of it. A file others could read is replaced. A real install sets PAVED_SECRET_KEY instead.
 */
export function keepDemoSecretKey(dataDir: string): Buffer {
  const path = join(dataDir, DEMO_KEY_FILE);
  try {
    const { mode, uid } = statSync(path);
    const own = !process.getuid || uid === process.getuid();
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if ((mode & 0o077) === 0 && own && key.length === 32) return key;
  } catch {
    // No key kept yet: one is made below.
  }
  const key = randomBytes(32);
  mkdirSync(dataDir, { recursive: true });
  rmSync(path, { force: true });
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
