// The shipping summary's shape, from the server's contract (types only).
import type { ShippingSummary as Summary } from '../../modules/shipping/summary/contract.js';

/** GET /shipping/summary; `migrations` may be absent from a server that does not give it yet. */
export type ShippingSummary = Omit<Summary, 'migrations'> & { migrations?: Summary['migrations'] };
export type SummaryDeprecation = Summary['migrations']['items'][number];
