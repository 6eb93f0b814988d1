import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/registry.js';
import { deriveGithub, type GithubSettings } from './derive-github.js';
import { deriveGitlab } from './derive-gitlab.js';
import { derivePagerDuty } from './derive-pagerduty.js';
import { UnusablePayload } from './payload.js';
import * as repo from './repo.js';

export const DERIVE_DELIVERY = 'webhooks.derive';

export type DeriveOutcome = { status: 'processed' | 'ignored' | 'failed'; reason?: string } | { missing: number };

/** How deliveries are read; absent settings take the defaults (see config.ts). */
export type DeriveSettings = Partial<GithubSettings>;

/**
 * Derives one stored delivery's facts and marks it; safe to run again (redelivery, replay, re-derivation after a
 * fix). A payload lacking what we need is marked failed with the reason and derives nothing; a delivery that
 * carries nothing Paved uses is marked ignored with the reason.
 */
export async function deriveStoredDelivery(db: Kysely<Database>, id: number, settings: DeriveSettings = {}): Promise<DeriveOutcome> {
  const delivery = await repo.getDelivery(db, id);
  if (!delivery) return { missing: id };
  try {
    return await db.transaction().execute(async (tx) => {
      const body: unknown = JSON.parse(delivery.body);
      const derived =
        delivery.source === 'github'
          ? await deriveGithub(tx, id, delivery.event, body, settings.deployWorkflows ? { deployWorkflows: settings.deployWorkflows } : undefined)
          : delivery.source === 'gitlab'
            ? await deriveGitlab(tx, id, delivery.event, body)
            : await derivePagerDuty(tx, id, body);
      const reason = derived.status === 'ignored' ? derived.reason : null;
      await repo.markDelivery(tx, id, derived.status, reason);
      return reason === null ? { status: derived.status } : { status: derived.status, reason };
    });
  } catch (error) {
    if (!(error instanceof UnusablePayload)) throw error;
    await repo.markDelivery(db, id, 'failed', error.message);
    return { status: 'failed', reason: error.message };
  }
}

export function deriveDeliveryJob(db: Kysely<Database>, settings: DeriveSettings = {}): JobDefinition {
  return {
    type: DERIVE_DELIVERY,
    handle: (payload) => deriveStoredDelivery(db, (payload as { deliveryId: number }).deliveryId, settings),
  };
}
