// A person's notifications and follows, from the server's contract (types only).
export type {
  Follow,
  FollowState,
  Notification,
  NotificationKind,
  NotificationPage,
} from '../../modules/shipping/notifications/contract.js';
