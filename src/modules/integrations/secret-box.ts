import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const SECRET_KEY_SETTING = 'PAVED_SECRET_KEY';
export const SECRET_KEY_HINT = `set ${SECRET_KEY_SETTING} to 32 random bytes in base64 (openssl rand -base64 32)`;

/**
 * Stored form: `v1:` + base64url(nonce ‖ ciphertext ‖ tag), AES-256-GCM with a random 96-bit nonce per value. The
 * version names the format and the key generation, so a later rotation can tell old values from new ones.
 */
const VERSION = 'v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * PAVED_SECRET_KEY as key bytes: exactly 32 bytes in base64 (or base64url), so a short password cannot pass for a
 * key. Null when unset; a malformed value throws at start rather than being used.
 */
export function parseSecretKey(value: string | undefined): Buffer | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const bytes = Buffer.from(standard, 'base64');
  if (
    !/^[A-Za-z0-9+/]+$/.test(standard) ||
    bytes.length !== 32 ||
    bytes.toString('base64').replace(/=+$/, '') !== standard
  )
    throw new Error(`${SECRET_KEY_SETTING} must be 32 random bytes in base64 (openssl rand -base64 32)`);
  return bytes;
}

/** Whether a stored value is sealed (else it is a plaintext secret stored before encryption at rest). */
export const isSealed = (stored: string) => stored.startsWith(VERSION);

export interface SecretBox {
  /** `context` (what the secret belongs to) is authenticated with it: a value moved to another row does not open. */
  seal(plaintext: string, context: string): string;
  /** Throws when the value was altered, sealed under another key or for another context. */
  open(stored: string, context: string): string;
}

const boxes = new WeakMap<Buffer, SecretBox>();

/** Encrypts and decrypts secrets at rest with a key derived (HKDF-SHA256) from PAVED_SECRET_KEY's bytes. */
export function secretBox(secretKey: Buffer): SecretBox {
  const known = boxes.get(secretKey);
  if (known) return known;
  // A derived key, not the setting itself: the same setting can later key other things without reusing a key.
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'paved secret-box v1', 32));
  const box: SecretBox = {
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([nonce, sealed, cipher.getAuthTag()]).toString('base64url');
    },
    open(stored, context) {
      if (!isSealed(stored)) throw new Error('not a sealed secret');
      const bytes = Buffer.from(stored.slice(VERSION.length), 'base64url');
      if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new Error('a sealed secret too short to be one');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const body = bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
  boxes.set(secretKey, box);
  return box;
}
