import { Link } from 'react-router-dom';
import type { ContactCoverage } from '../../../api/voice-dashboard-types.js';
import { Card } from '../../../components/Card.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatDate, formatNumber, formatRate, plural } from '../../../lib/format.js';
import { Figure } from '../dashboards/Figure.js';

/** Contact coverage for the organisation and per platform team, with the counts behind each share. */
export function CoverageCard({ coverage: c }: { coverage: ContactCoverage }) {
  return (
    <section className="stack" aria-label="Contact coverage">
      <div className="stats stats-2 voice-stats">
        <Figure
          label="Contact coverage"
          testId="contact-coverage"
          value={formatRate(c.value)}
          to="#conversations"
          n={`${c.contacted} of ${plural(c.teams, 'customer team')} since ${formatDate(c.since)}`}
          line="Customer teams a platform member talked with in the last 90 days."
          definition={DEFINITION.contactCoverage}
        />
        <Figure
          label="Not talked with in 90 days"
          testId="talk-to-next-count"
          value={formatNumber(c.talkToNext.length)}
          to="#talk-to-next"
          n={`of ${plural(c.teams, 'customer team')}`}
          line="The teams listed below, the most at stake first."
          definition={DEFINITION.contactCoverage}
        />
      </div>
      <Card title="Per platform team">
        {c.byPlatformTeam.length === 0 ? (
          <EmptyState compact title="No platform team has logged a conversation in 90 days" />
        ) : (
          <div className="table-wrap">
            <table className="table table-compact voice-table" aria-label="Contact coverage per platform team">
              <thead>
                <tr>
                  <th scope="col">Platform team</th>
                  <th scope="col">Coverage</th>
                  <th scope="col">Teams talked with</th>
                  <th scope="col">Conversations</th>
                </tr>
              </thead>
              <tbody>
                {c.byPlatformTeam.map((p) => (
                  <tr key={p.platformTeam} data-row={p.platformTeam}>
                    <th scope="row">
                      <Link to={`/teams/${encodeURIComponent(p.platformTeam)}`}>{p.platformTeam}</Link>
                    </th>
                    <td data-cell="coverage">{formatRate(p.value)}</td>
                    <td data-cell="contacted">
                      {p.contacted} of {c.teams}
                    </td>
                    <td data-cell="conversations">
                      <Link to={`?platformTeam=${encodeURIComponent(p.platformTeam)}#conversations`}>
                        {formatNumber(p.conversations)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </section>
  );
}
