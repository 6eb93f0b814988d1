// What's new and feeds shapes, from the server's contracts (types only).
export type { NewsItem, WhatsNew } from '../../modules/shipping/whats-new/contract.js';
export type { Feed, FeedList, FeedToken, IssuedFeedToken } from '../../modules/shipping/feeds/contract.js';
