import type { EngagementWithChange } from '../../api/voice-dashboard-types.js';
import { formatDate } from '../../lib/format.js';
import { EngagementHead } from '../voice/contact/EngagementEntry.js';

type Snapshot = EngagementWithChange['change']['atStart'];

function Row({ label, at, fallback }: { label: string; at: Snapshot; fallback: string }) {
  return (
    <tr>
      <th scope="row">
        {label}
        {at ? <span className="muted small"> ({formatDate(at.at)})</span> : null}
      </th>
      {at ? (
        <>
          <td>{at.capabilitiesAdopted}</td>
          <td>{at.openPains}</td>
        </>
      ) : (
        <td colSpan={2} className="muted">
          {fallback}
        </td>
      )}
    </tr>
  );
}

/** An engagement with the team's capabilities and open pains at its start, its end and 90 days after: a plain before and after. */
export function EngagementChange({ engagement: e }: { engagement: EngagementWithChange }) {
  const { atStart, atEnd, after90Days } = e.change;
  return (
    <li className="voice-entry" data-engagement={e.id}>
      <EngagementHead engagement={e} showTeam={false} />
      {e.goals ? <p className="voice-notes">{e.goals}</p> : null}
      <div className="table-wrap">
        <table className="table table-compact voice-change" aria-label={`What changed with ${e.engineer}`}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Capabilities used</th>
              <th scope="col">Open pains</th>
            </tr>
          </thead>
          <tbody>
            <Row label="At the start" at={atStart} fallback="not started yet" />
            <Row
              label={e.endsOn && e.status === 'past' ? 'At the end' : 'Today'}
              at={atEnd}
              fallback="not started yet"
            />
            <Row
              label="90 days after"
              at={after90Days}
              fallback={e.endsOn ? `on ${formatDate(addDays(e.endsOn, 90))}` : 'once it has ended'}
            />
          </tbody>
        </table>
      </div>
      <p className="muted small">What was true at each date, not a claim that the engagement caused the change.</p>
    </li>
  );
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
