import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useVoiceSummary, type VoiceQuery } from '../../../hooks/queries/use-voice-summary.js';
import { DEFINITIONS_PATH } from '../../../lib/definitions.js';
import { formatDateTime } from '../../../lib/format.js';
import { BugFigures } from './BugFigures.js';
import { BugsByCapability } from './BugsByCapability.js';
import { DeflectionCard } from './DeflectionCard.js';
import { periodFilters } from './item-links.js';
import { SupportBreakdown } from './SupportBreakdown.js';
import { SupportFigures } from './SupportFigures.js';
import { useVoicePeriod } from './use-voice-period.js';
import { VoicePeriodPicker } from './VoicePeriodPicker.js';
import { VoiceTrends } from './VoiceTrends.js';

function Numbers({ query }: { query: VoiceQuery }) {
  const summary = useVoiceSummary(query);
  if (summary.isPending) return <Loading variant="stats" count={8} label="Loading the bug and support figures" />;
  if (summary.error && !summary.data)
    return <ErrorState error={summary.error} retry={() => void summary.refetch()} what="the bug and support figures" />;
  const s = summary.data;
  const period = periodFilters(query);
  const scope = { capability: s.capability };
  const noBugs = s.bugs.n === 0 && s.bugs.fixedN === 0 && s.bugs.pastSla === 0;
  const noSupport = s.support.n === 0 && s.support.open === 0;
  return (
    <div className="stack" aria-busy={summary.isPlaceholderData}>
      <p className="muted small" data-testid="voice-as-of">
        As known at {formatDateTime(s.asOf)}
        {summary.isPlaceholderData ? ' · Updating…' : ''}
      </p>
      <section className="stack" aria-labelledby="voice-bugs">
        <h2 id="voice-bugs" className="voice-section-title">
          Bugs against their SLA
        </h2>
        {noBugs ? (
          <EmptyState compact title="No bug reported, fixed or past its SLA in this period">
            <p>
              Bugs come from the Give feedback page, the API, CSV imports and issues labelled <code>bug</code> on a
              capability’s repository. Each capability’s SLA is set on its page.
            </p>
          </EmptyState>
        ) : (
          <>
            <BugFigures bugs={s.bugs} scope={scope} period={period} />
            <BugsByCapability rows={s.bugs.byCapability} period={period} />
          </>
        )}
      </section>
      <section className="stack" aria-labelledby="voice-support">
        <h2 id="voice-support" className="voice-section-title">
          Support requests
        </h2>
        {noSupport ? (
          <EmptyState compact title="No support request opened in this period, and none open">
            <p>Support requests come from the Give feedback page, the API, CSV imports and labelled issues.</p>
          </EmptyState>
        ) : (
          <>
            <SupportFigures support={s.support} scope={scope} period={period} />
            <SupportBreakdown support={s.support} period={period} />
          </>
        )}
      </section>
      {/* Four flat charts say nothing the two empty states have not said. */}
      {noBugs && noSupport ? null : <VoiceTrends query={query} />}
      <DeflectionCard rows={s.deflection} />
    </div>
  );
}

/** Bugs against their SLAs, the support queue and its times, weekly trends and deflection, for a period. */
export function ServicePage() {
  const state = useVoicePeriod();
  const query: VoiceQuery = {
    from: state.period.from,
    to: state.period.to,
    ...(state.capability ? { capability: state.capability } : {}),
    ...(state.platformTeam ? { platformTeam: state.platformTeam } : {}),
  };
  return (
    <div className="page voice-service">
      <PageHeader
        title="Bugs and support"
        subtitle={
          <>
            Does the platform team keep its promises on bugs, and is it still the bottleneck for support? Each number
            opens the items behind it and is <Link to={DEFINITIONS_PATH}>defined here</Link>.
          </>
        }
        actions={
          <Link className="button" to="/voice/contact">
            Contact
          </Link>
        }
      />
      <VoicePeriodPicker state={state} />
      <Numbers query={query} />
    </div>
  );
}
