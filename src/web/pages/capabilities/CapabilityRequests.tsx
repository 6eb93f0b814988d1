import { Link } from 'react-router-dom';
import { useVoiceItems } from '../../hooks/queries/use-voice-items.js';
import { plural } from '../../lib/format.js';
import { itemsPath } from '../voice/dashboards/item-links.js';

const TOP = 5;

/** Open feature requests on the capability, the most voted first (of the 200 newest: the list's largest page). */
export function CapabilityRequests({ name }: { name: string }) {
  const requests = useVoiceItems('requests', { capability: name, status: 'open', limit: 200 });
  const all = itemsPath('requests', { capability: name, status: 'open' });
  return (
    <div data-testid="capability-requests" className="voice-anchor">
      <h3 className="subheading">Feature requests</h3>
      {requests.isPending ? (
        <p className="muted small">Loading…</p>
      ) : requests.error ? (
        <p className="field-error">Could not load the requests: {requests.error.message}</p>
      ) : requests.data.items.length === 0 ? (
        <p className="muted">No open request on this capability.</p>
      ) : (
        <>
          <ul className="voice-items" aria-label="Most voted requests">
            {[...requests.data.items]
              .sort((a, b) => b.votes - a.votes || b.reach - a.reach)
              .slice(0, TOP)
              .map((r) => (
                <li key={r.id}>
                  <Link to={all}>{r.title}</Link>
                  <span className="voice-item-meta">
                    {plural(r.votes, 'vote')} · {plural(r.reach, 'team')}
                  </span>
                </li>
              ))}
          </ul>
          <Link className="voice-more" to={all}>
            All open requests ({requests.data.items.length}
            {requests.data.nextCursor ? '+' : ''}) →
          </Link>
        </>
      )}
    </div>
  );
}
