import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './entities.js';

type Id = ColumnType<number, never, never>;
type Time = Date | string;

/** Webhook deliveries as received, raw, with what deriving them came to. */
export interface DeliveriesTable {
  id: Id;
  source: 'github' | 'gitlab' | 'pagerduty';
  delivery_id: string;
  event: string;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  body: string;
  received_at: CreatedAt;
  status: Generated<'pending' | 'processed' | 'ignored' | 'failed'>;
  error: string | null;
  processed_at: Time | null;
  /** The integration whose secret verified the delivery; null when an environment secret did. */
  integration_id: number | null;
}
