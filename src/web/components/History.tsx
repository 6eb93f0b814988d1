import type { HistoryEvent } from '../api/types.js';
import { formatDateTime } from '../lib/format.js';
import { Link } from 'react-router-dom';
import { Badge, type Tone } from './Badge.js';
import { EmptyState } from './EmptyState.js';

const TONE: Record<HistoryEvent['action'], Tone> = {
  created: 'success',
  updated: 'info',
  orphaned: 'danger',
  restored: 'accent',
};

/** An entity's change log, newest first as the API returns it. */
export function History({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <EmptyState compact title="No recorded changes yet" />;
  return (
    <ol className="timeline">
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`}>
          <Badge tone={TONE[e.action]}>{e.action}</Badge>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <span className="muted">
            {e.actor ? `by ${e.actor}` : null}
            {e.importId !== null ? (
              <>
                {' '}
                in <Link to="/imports">import #{e.importId}</Link>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
