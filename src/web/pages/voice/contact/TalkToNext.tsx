import { Link } from 'react-router-dom';
import type { TalkToNext as Row } from '../../../api/voice-dashboard-types.js';
import { Card } from '../../../components/Card.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { formatDate, plural } from '../../../lib/format.js';
import { itemsPath } from '../dashboards/item-links.js';

/** Why a team is on the list, in the order the list is sorted by. */
function why(r: Row): string {
  const parts = [
    r.openPains > 0 ? `${plural(r.openPains, 'open pain')}` : 'no open pain',
    r.capabilitiesAdopted === 0
      ? 'uses no capability'
      : `uses ${plural(r.capabilitiesAdopted, 'capability', 'capabilities')}`,
    plural(r.people, 'person', 'people'),
  ];
  return `${r.lastContact ? `Last talked with ${formatDate(r.lastContact)}` : 'Never talked with'}; ${parts.join(', ')}.`;
}

/** Customer teams without a conversation in 90 days: most open pains first, then fewest capabilities, then largest. */
export function TalkToNext({ rows }: { rows: Row[] }) {
  return (
    <div id="talk-to-next" className="voice-anchor">
      <Card title={`Talk to next (${rows.length})`}>
        {rows.length === 0 ? (
          <EmptyState compact title="Every customer team was talked with in the last 90 days" />
        ) : (
          <div className="table-wrap">
            <table className="table table-compact voice-table" aria-label="Talk to next">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Open pains</th>
                  <th scope="col">Capabilities used</th>
                  <th scope="col">People</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.team} data-row={r.team}>
                    <th scope="row">
                      <Link to={`/teams/${encodeURIComponent(r.team)}`}>{r.title ?? r.team}</Link>
                    </th>
                    <td data-cell="pains">
                      <Link to={itemsPath('pains', { team: r.team, status: 'open' })}>{r.openPains}</Link>
                    </td>
                    <td data-cell="capabilities">{r.capabilitiesAdopted}</td>
                    <td data-cell="people">{r.people}</td>
                    <td className="voice-why">{why(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
