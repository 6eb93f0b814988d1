import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Segmented } from '../../components/Segmented.js';
import { useMarkRead } from '../../hooks/queries/use-mark-read.js';
import { useMe } from '../../hooks/queries/use-me.js';
import { useUnreadCount } from '../../hooks/queries/use-unread-count.js';
import { plural } from '../../lib/format.js';
import { FollowedCapabilities } from './FollowedCapabilities.js';
import { NotificationList } from './NotificationList.js';

/** A person's inbox: what Paved told them, unread first marked, and what they follow. */
export function NotificationsPage() {
  const me = useMe().data;
  const person = me?.person ?? null;
  const [only, setOnly] = useState<'all' | 'unread'>('all');
  const unread = useUnreadCount(person !== null).data ?? 0;
  const markAll = useMarkRead();

  if (me && !person) {
    return (
      <div className="page page-narrow">
        <PageHeader title="Notifications" />
        <EmptyState title="Notifications belong to a person">
          <p>You are signed in with a token that acts for no person. Sign in as yourself to see your notifications.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <PageHeader
        title="Notifications"
        subtitle={unread === 0 ? 'Nothing unread' : `${plural(unread, 'unread notification')}`}
        actions={
          <button
            type="button"
            className="button"
            disabled={unread === 0 || markAll.isPending}
            onClick={() => markAll.mutate({ all: true })}
          >
            Mark all read
          </button>
        }
      />
      <Card>
        <p className="prose notification-help">
          Paved tells you when a capability you follow has a new release; when a request or bug you reported or voted
          for ships in a release; and when a release of a capability your team uses is a breaking change or a
          deprecation, with the date by which to move off the old usage. The number on the bell is how many you have not
          opened yet; opening one marks it read.
        </p>
      </Card>
      <Card
        title="Your notifications"
        actions={
          <Segmented
            label="Show"
            value={only}
            onChange={setOnly}
            options={[
              { value: 'all', label: 'All' },
              { value: 'unread', label: 'Unread' },
            ]}
          />
        }
      >
        <NotificationList unread={only === 'unread'} />
        {markAll.error ? (
          <p className="alert alert-danger" role="alert">
            {markAll.error.message}
          </p>
        ) : null}
      </Card>
      <Card title="Capabilities you follow">
        <FollowedCapabilities />
        <p className="muted">
          Follow a capability from its page (<Link to="/capabilities">Capabilities</Link>) to hear of its releases.
        </p>
      </Card>
    </div>
  );
}
