import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/registry.js';
import { deriveGithub } from './derive-github.js';
import { derivePagerDuty } from './derive-pagerduty.js';
import { UnusablePayload } from './payload.js';
import * as repo from './repo.js';

export const DERIVE_DELIVERY = 'webhooks.derive';

/** Derives a stored delivery's facts; safe to run again (redelivery, replay, re-derivation after a fix). */
export function deriveDeliveryJob(db: Kysely<Database>): JobDefinition {
  return {
    type: DERIVE_DELIVERY,
    async handle(payload) {
      const id = (payload as { deliveryId: number }).deliveryId;
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
    },
  };
}
