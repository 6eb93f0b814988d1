import { randomBytes } from 'node:crypto';
import { AppError } from '../../../http/errors.js';
import { SECRET_KEY_HINT, SECRET_KEY_SETTING, secretBox } from '../../integrations/secret-box.js';

// A subscription's URL (a Slack or Teams webhook URL is itself a credential) and a webhook's signing secret are
// stored sealed with PAVED_SECRET_KEY, each bound to its row and field: a value copied to another row does not open.
const contextOf = (id: number, field: 'url' | 'secret') => `subscription:${id}:${field}`;

export function requireSecretKey(secretKey: Buffer | null | undefined): Buffer {
  if (secretKey) return secretKey;
  throw new AppError(
    'CONFLICT',
    `Paved stores announcement destinations encrypted and ${SECRET_KEY_SETTING} is not set: ${SECRET_KEY_HINT}, then restart`,
  );
}

export const sealSubscriptionValue = (key: Buffer, id: number, field: 'url' | 'secret', value: string) =>
  secretBox(key).seal(value, contextOf(id, field));

/** The value in the clear; throws when it does not open (no key, another key, altered). */
export function openSubscriptionValue(key: Buffer | null, id: number, field: 'url' | 'secret', stored: string) {
  if (!key) throw new Error(`${SECRET_KEY_SETTING} is not set: the destination cannot be read`);
  try {
    return secretBox(key).open(stored, contextOf(id, field));
  } catch {
    throw new Error(`the stored ${field} does not open with this ${SECRET_KEY_SETTING} (set another key?)`);
  }
}

/** A signing secret as Standard Webhooks writes it: "whsec_" + base64 of 32 random bytes. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
