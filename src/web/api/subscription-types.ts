// Announcement subscriptions and their deliveries, from the server's contract (types only).
export type {
  CreatedSubscription,
  Delivery,
  Subscription,
  SubscriptionCreate,
} from '../../modules/shipping/announcements/contract.js';
export type { ReleaseType } from '../../modules/shipping/releases/contract.js';
