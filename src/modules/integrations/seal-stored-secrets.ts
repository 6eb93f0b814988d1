import type { Db } from '../../db/schema/index.js';
import type { Logger } from '../../http/logger.js';
import { openIntegrationSecret, sealIntegrationSecret } from './integration-secret.js';
import { listSecrets, replaceSecret } from './repo.js';
import { isSealed, SECRET_KEY_HINT, SECRET_KEY_SETTING } from './secret-box.js';

export interface SealReport {
  /** Plaintext secrets encrypted by this run. */
  sealed: number;
  /** Plaintext secrets left as they are (no key). */
  plaintext: number;
  /** Sealed secrets this key does not open (or no key to open them). */
  unreadable: number;
}

/**
 * At start: with PAVED_SECRET_KEY, encrypts integration secrets stored before encryption at rest; without it, or
 * with a key that does not open what is stored, warns (never naming a secret).
 */
export async function sealStoredSecrets(db: Db, secretKey: Buffer | null, logger: Logger): Promise<SealReport> {
  const report: SealReport = { sealed: 0, plaintext: 0, unreadable: 0 };
  for (const row of await listSecrets(db)) {
    if (isSealed(row.secret)) {
      if (openIntegrationSecret(secretKey, row) === null) report.unreadable++;
    } else if (secretKey) {
      report.sealed += await replaceSecret(db, row.id, row.secret, sealIntegrationSecret(secretKey, row, row.secret));
    } else report.plaintext++;
  }
  if (report.sealed) logger.info(`encrypted ${report.sealed} integration secrets stored in plaintext`);
  if (report.plaintext)
    logger.warn(
      `${report.plaintext} integration secrets are stored in plaintext: ${SECRET_KEY_HINT} and restart to encrypt them`,
    );
  if (report.unreadable)
    logger.warn(
      secretKey
        ? `${report.unreadable} integration secrets do not open with ${SECRET_KEY_SETTING} (was the key changed?): their webhooks are refused until the key that sealed them is set again`
        : `${report.unreadable} integration secrets are encrypted and ${SECRET_KEY_SETTING} is not set: their webhooks are refused until it is`,
    );
  return report;
}
