import { Link } from 'react-router-dom';
import type { ShippingSummary } from '../../../api/shipping-summary-types.js';
import { DefinitionLink } from '../../../components/DefinitionLink.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatDays, plural } from '../../../lib/format.js';
import { itemPath } from '../../../lib/voice-kinds.js';
import { SummarySection } from './SummarySection.js';

/** The requests behind the median from first vote to release, longest wait first. */
export function VoteToReleaseList({ vote }: { vote: ShippingSummary['voteToRelease'] }) {
  const items = [...vote.items].sort((a, b) => b.days - a.days || a.requestId - b.requestId);
  return (
    <SummarySection
      id="vote-to-release"
      title="Requests behind “first vote to release”"
      how={
        <>
          Each request closed by a release dated in the period, with the days from its first vote to the release that
          closed it (the earliest, if several did); the figure is the median of these days.{' '}
          {plural(vote.withoutVotes, 'request')} closed without any vote {vote.withoutVotes === 1 ? 'is' : 'are'} left
          out, as there is no vote to count from. Requests still waiting for a release are not counted.{' '}
          <DefinitionLink anchor={DEFINITION.firstVoteToRelease} />
        </>
      }
    >
      {items.length === 0 ? (
        <p>No release of this period closed a request that had a vote.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Requests from first vote to release">
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Days</th>
                <th scope="col">Closed by</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.requestId} data-request={i.requestId}>
                  <th scope="row">
                    <Link to={itemPath('request', i.requestId)}>{i.title}</Link>
                  </th>
                  <td data-cell="days">{formatDays(i.days)}</td>
                  <td>
                    <Link to={`/shipping/releases/${i.releaseId}`}>{i.release}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SummarySection>
  );
}
