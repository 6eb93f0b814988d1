import type { Db } from '../../db/schema/index.js';
import { DERIVE_DELIVERY } from './derive-job.js';
import * as repo from './repo.js';
import type { NewDelivery } from './repo.js';

export type { NewDelivery } from './repo.js';

interface Waiting {
  delivery: NewDelivery;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;
const MAX_WAIT_MS = 2;
/** The server's wait before deriving: a quarter of a second of deliveries is derived as one batch. */
export const DERIVE_AFTER_MS = 250;

/**
 * Group commit for webhook deliveries: the deliveries that arrive within a couple of milliseconds (or while the
 * previous write is in flight) are stored in one statement, and each request is answered only after it committed
 * (an acknowledged delivery is never lost). The statement also queues the job that derives pending deliveries,
 * due `deriveAfterMs` later, unless one is already waiting; the runner polls for it (a delivery does not wake it).
 * `write` resolves false for a delivery id seen before, in an earlier batch or earlier in the same one: it counts
 * once. When the database refuses a batch, its deliveries are stored one at a time, so one bad delivery fails
 * alone.
 */
export function createDeliveryWriter(db: Db, options: { deriveAfterMs?: number } = {}) {
  const deriveAfterMs = options.deriveAfterMs ?? 0;
  const queue: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing = false;

  /** One write at a time: the deliveries that arrive meanwhile go in the next one, as soon as it ends. */
  function start() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (writing || queue.length === 0) return;
    const batch = queue.splice(0, MAX_BATCH);
    writing = true;
    void store(batch).finally(() => {
      writing = false;
      start();
    });
  }

  async function store(batch: Waiting[]) {
    try {
      const stored = await insert(batch);
      const fresh = new Set(stored.map((r) => `${r.source}\n${r.delivery_id}`));
      for (const w of batch) {
        const key = `${w.delivery.source}\n${w.delivery.deliveryId}`;
        // The first of a batch's copies is the one stored; the others are duplicates.
        w.resolve(fresh.delete(key));
      }
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      // One delivery the database refuses fails the statement for all: store them one by one, so only it fails.
      for (const w of batch) await store([w]);
    }
  }

  const insert = (batch: Waiting[]) =>
    repo.insertDeliveries(
      db,
      batch.map((w) => w.delivery),
      { type: DERIVE_DELIVERY.name, afterMs: deriveAfterMs },
    );

  return {
    write(delivery: NewDelivery): Promise<boolean> {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ delivery, resolve, reject });
        if (writing) return;
        if (queue.length >= MAX_BATCH) start();
        else timer ??= setTimeout(start, MAX_WAIT_MS);
      });
    },
  };
}
