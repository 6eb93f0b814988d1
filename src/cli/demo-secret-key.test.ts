import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepDemoSecretKey } from './demo-secret-key.js';

describe('the demo secret key', () => {
  it('is made once, kept readable only by its user, and the same on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paved-key-'));
    const key = keepDemoSecretKey(dir);
    expect(key.length).toBe(32);
    const file = join(dir, 'demo-secret-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
    expect(keepDemoSecretKey(dir).equals(key)).toBe(true);
  });

  it('replaces a key others could read, or one that is not 32 bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paved-key-'));
    const key = keepDemoSecretKey(dir);
    const file = join(dir, 'demo-secret-key');
    chmodSync(file, 0o644);
    const replaced = keepDemoSecretKey(dir);
    expect(replaced.equals(key)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'c2hvcnQ=\n', { mode: 0o600 });
    expect(keepDemoSecretKey(dir).length).toBe(32);
  });
});
