import { createHash, randomBytes } from 'node:crypto';

/** Tokens are random and long, so a fast hash is enough; only the hash is ever stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateToken(prefix = 'pvd'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
