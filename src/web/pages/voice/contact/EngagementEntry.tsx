import { Link } from 'react-router-dom';
import type { Engagement } from '../../../api/voice-dashboard-types.js';
import { Badge } from '../../../components/Badge.js';
import { formatDate } from '../../../lib/format.js';

const TONE = { planned: 'info', current: 'success', past: 'neutral' } as const;

/** One buddy engagement's head: who, with which team, when, and its status. */
export function EngagementHead({ engagement: e, showTeam = true }: { engagement: Engagement; showTeam?: boolean }) {
  return (
    <div className="voice-entry-head">
      <strong>{e.engineer}</strong>
      {showTeam ? (
        <>
          {' with '}
          <Link to={`/teams/${encodeURIComponent(e.team)}`}>{e.team}</Link>
        </>
      ) : null}
      <Badge tone={TONE[e.status]}>{e.status}</Badge>
      <span className="muted small">
        {formatDate(e.startsOn)} – {e.endsOn ? formatDate(e.endsOn) : 'ongoing'}
        {e.platformTeam ? ` · ${e.platformTeam}` : ''}
      </span>
    </div>
  );
}
