import { NavLink } from 'react-router-dom';
import { useMe } from '../hooks/queries/use-me.js';
import { useUnreadCount } from '../hooks/queries/use-unread-count.js';

/** The top bar's bell: a person's unread notifications (asked every minute), opening /notifications. */
export function NotificationBell() {
  const person = useMe().data?.person ?? null;
  const unread = useUnreadCount(person !== null).data ?? 0;
  // A service token acts for no person: it has no notifications, so no bell.
  if (!person) return null;
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <NavLink to="/notifications" className="bell button button-ghost button-small" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path
          d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15L6 16Zm4 4a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
