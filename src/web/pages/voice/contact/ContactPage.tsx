import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useContactCoverage } from '../../../hooks/queries/use-contact-coverage.js';
import { ConversationLog } from './ConversationLog.js';
import { CoverageCard } from './CoverageCard.js';
import { EngagementList } from './EngagementList.js';
import { TalkToNext } from './TalkToNext.js';

/** Contact with the customer teams: coverage, whom to talk to next, the conversation log and buddy engagements. */
export function ContactPage() {
  const coverage = useContactCoverage();
  return (
    <div className="page voice-contact">
      <PageHeader
        title="Contact"
        subtitle="Has every customer team been talked with lately? Whom to talk to next, what was said, and who is embedded where."
        actions={
          <Link className="button" to="/voice/service">
            Bugs and support
          </Link>
        }
      />
      {coverage.isPending ? (
        <Loading variant="stats" count={2} label="Loading contact coverage" />
      ) : coverage.error ? (
        <ErrorState error={coverage.error} retry={() => void coverage.refetch()} what="contact coverage" />
      ) : coverage.data.teams === 0 ? (
        <EmptyState title="No customer team in the catalog yet">
          <p>Contact coverage counts the customer teams (teams that own a service and no capability).</p>
        </EmptyState>
      ) : (
        <>
          <CoverageCard coverage={coverage.data} />
          <TalkToNext rows={coverage.data.talkToNext} />
        </>
      )}
      <div className="voice-columns">
        <ConversationLog />
        <EngagementList />
      </div>
    </div>
  );
}
