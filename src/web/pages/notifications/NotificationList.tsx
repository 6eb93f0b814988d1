import { Link } from 'react-router-dom';
import type { Notification } from '../../api/notification-types.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { useMarkRead } from '../../hooks/queries/use-mark-read.js';
import { useNotifications } from '../../hooks/queries/use-notifications.js';
import { formatDateTime } from '../../lib/format.js';

const KIND_LABEL: Record<Notification['kind'], string> = {
  'followed-release': 'You follow it',
  'asked-shipped': 'You asked for it',
  migration: 'Your team must migrate',
};

/** The person's notifications, newest first; an unread one is marked, and opening it marks it read. */
export function NotificationList({ unread }: { unread: boolean }) {
  const list = useNotifications(unread);
  const markRead = useMarkRead();

  if (list.isPending) return <Loading label="Loading your notifications" count={3} />;
  if (list.error) return <ErrorState error={list.error} retry={() => void list.refetch()} what="your notifications" />;
  if (list.items.length === 0)
    return (
      <EmptyState compact title={unread ? 'Nothing unread' : 'No notifications yet'}>
        <p>Follow a capability, or ask for something: when it ships, you will hear of it here.</p>
      </EmptyState>
    );

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
  };
  return (
    <>
      <ul className="notifications" aria-label="Notifications">
        {list.items.map((n) => (
          <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
            <div className="notification-head">
              {n.readAt ? null : <Badge tone="accent">Unread</Badge>}
              {n.link ? (
                <Link to={n.link} className="notification-title" onClick={() => open(n)}>
                  {n.title}
                </Link>
              ) : (
                <span className="notification-title">{n.title}</span>
              )}
            </div>
            {n.body ? <p className="notification-body">{n.body}</p> : null}
            <p className="notification-meta muted">
              {KIND_LABEL[n.kind]} · {formatDateTime(n.createdAt)}
              {!n.link && !n.readAt ? (
                <button type="button" className="button button-ghost button-small" onClick={() => open(n)}>
                  Mark read
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={list.items.length}
      />
    </>
  );
}
