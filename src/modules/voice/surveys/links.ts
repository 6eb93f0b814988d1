import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal survey links. A token is HMAC-SHA256(key, nonce) with a key derived from PAVED_SECRET_KEY (its own HKDF
 * info, so it shares no key with the secret box); the database keeps the nonce and the token's sha256 only. The
 * links can be listed again for a mail merge (nonce + key), and answering finds its invitation by the hash; the
 * database alone never gives a working link.
 */
const keys = new WeakMap<Buffer, Buffer>();

function linkKey(secretKey: Buffer): Buffer {
  const known = keys.get(secretKey);
  if (known) return known;
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'paved survey-links v1', 32));
  keys.set(secretKey, key);
  return key;
}

export const newNonce = () => randomBytes(16).toString('base64url');

export const tokenOf = (secretKey: Buffer, nonce: string) =>
  createHmac('sha256', linkKey(secretKey)).update(nonce).digest('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** `<base>/survey/<token>`: the page that needs no sign-in. */
export const linkOf = (base: string, token: string) => `${base.replace(/\/+$/, '')}/survey/${token}`;
