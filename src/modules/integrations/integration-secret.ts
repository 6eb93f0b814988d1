import type { IntegrationProvider } from '../../db/schema/integrations.js';
import { isSealed, secretBox } from './secret-box.js';

interface Owner {
  provider: IntegrationProvider;
  name: string;
}

// Sealed for one integration: the value opens only in its own row.
const contextOf = (owner: Owner) => `integration:${owner.provider}:${owner.name}`;

/** The value to store for an integration's secret, encrypted with PAVED_SECRET_KEY. */
export function sealIntegrationSecret(secretKey: Buffer, owner: Owner, secret: string): string {
  return secretBox(secretKey).seal(secret, contextOf(owner));
}

/**
 * A stored integration secret in the clear: a value stored before encryption at rest is returned as it is; null
 * when it is sealed and cannot be opened (no key, another key, or altered), so it verifies nothing.
 */
export function openIntegrationSecret(secretKey: Buffer | null | undefined, row: Owner & { secret: string }) {
  if (!isSealed(row.secret)) return row.secret;
  if (!secretKey) return null;
  try {
    return secretBox(secretKey).open(row.secret, contextOf(row));
  } catch {
    return null;
  }
}
