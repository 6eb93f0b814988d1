import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/registry.js';
import { deriveGithub } from './derive-github.js';
import { derivePagerDuty } from './derive-pagerduty.js';
import { UnusablePayload } from './payload.js';
import * as repo from './repo.js';

export const DERIVE_DELIVERY = 'webhooks.derive';

export type DeriveOutcome = { status: 'processed' | 'ignored' | 'failed'; reason?: string } | { missing: number };

/**
 * Derives one stored delivery's facts and marks it; safe to run again (redelivery, replay, re-derivation after a
 * fix). A payload lacking what we need is marked failed with the reason and derives nothing.
 */
export async function deriveStoredDelivery(db: Kysely<Database>, id: number): Promise<DeriveOutcome> {
  const delivery = await repo.getDelivery(db, id);
  if (!delivery) return { missing: id };
  try {
    const status = await db.transaction().execute(async (tx) => {
      const body: unknown = JSON.parse(delivery.body);
      const outcome =
        delivery.source === 'github' ? await deriveGithub(tx, id, delivery.event, body) : delivery.source === 'pagerduty' ? await derivePagerDuty(tx, id, body) : 'ignored';
      await repo.markDelivery(tx, id, outcome);
      return outcome;
    });
    return { status };
  } catch (error) {
    if (!(error instanceof UnusablePayload)) throw error;
    await repo.markDelivery(db, id, 'failed', error.message);
    return { status: 'failed', reason: error.message };
  }
}

export function deriveDeliveryJob(db: Kysely<Database>): JobDefinition {
  return {
    type: DERIVE_DELIVERY,
    handle: (payload) => deriveStoredDelivery(db, (payload as { deliveryId: number }).deliveryId),
  };
}
