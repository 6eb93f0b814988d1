import { Link } from 'react-router-dom';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useFollows } from '../../hooks/queries/use-follows.js';
import { formatDate } from '../../lib/format.js';

/** The capabilities the person follows, each linking to its page (where the Follow button undoes it). */
export function FollowedCapabilities() {
  const follows = useFollows(true);
  if (follows.isPending) return <Loading label="Loading what you follow" count={2} />;
  if (follows.error)
    return <ErrorState error={follows.error} retry={() => void follows.refetch()} what="what you follow" />;
  if (follows.data.items.length === 0) return <p>You follow no capability yet.</p>;
  return (
    <ul className="follows" aria-label="Capabilities you follow">
      {follows.data.items.map((f) => (
        <li key={f.capability}>
          <Link to={`/capabilities/${encodeURIComponent(f.capability)}`}>{f.title || f.capability}</Link>{' '}
          <span className="muted">since {formatDate(f.followedAt)}</span>
        </li>
      ))}
    </ul>
  );
}
