import { Link } from 'react-router-dom';
import type { Conversation } from '../../../api/voice-dashboard-types.js';
import { Badge } from '../../../components/Badge.js';
import { formatDate } from '../../../lib/format.js';
import { itemsPath } from '../dashboards/item-links.js';

/** One conversation: when, with whom, by which platform team, the notes (as text) and the pains it raised. */
export function ConversationEntry({
  conversation: c,
  showTeam = true,
}: {
  conversation: Conversation;
  showTeam?: boolean;
}) {
  return (
    <li className="voice-entry" data-conversation={c.id}>
      <div className="voice-entry-head">
        <strong>{formatDate(c.date)}</strong>
        {showTeam ? (
          <>
            {' · '}
            <Link to={`/teams/${encodeURIComponent(c.team)}`}>{c.team}</Link>
          </>
        ) : null}
        {c.channel ? <Badge tone="info">{c.channel}</Badge> : null}
        <span className="muted small">
          {c.platformTeam ? `by ${c.platformTeam}` : 'by the organisation'}
          {c.createdBy ? ` · logged by ${c.createdBy}` : ''}
        </span>
      </div>
      <p className="small">With {c.people.join(', ')}</p>
      {c.notes ? <p className="voice-notes">{c.notes}</p> : null}
      {c.pains.length > 0 ? (
        <p className="small">
          Pains raised:{' '}
          {c.pains.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ', ' : null}
              <Link to={itemsPath('pains', { team: c.team })}>{p.title}</Link>{' '}
              <span className="muted">({p.status})</span>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}
