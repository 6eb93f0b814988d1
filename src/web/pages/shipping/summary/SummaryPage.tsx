import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useShippingSummary } from '../../../hooks/queries/use-shipping-summary.js';
import { DEFINITIONS_PATH } from '../../../lib/definitions.js';
import { formatDate } from '../../../lib/format.js';
import { useVoicePeriod } from '../../voice/dashboards/use-voice-period.js';
import { DemosList } from './DemosList.js';
import { MigrationsList } from './MigrationsList.js';
import { NotesLists } from './NotesLists.js';
import { ReleasesByCapability } from './ReleasesByCapability.js';
import { PeriodPicker } from '../../voice/dashboards/PeriodPicker.js';
import { SummaryFigures } from './SummaryFigures.js';
import { VoteToReleaseList } from './VoteToReleaseList.js';

function Numbers({ query }: { query: { from: string; to: string } }) {
  const summary = useShippingSummary(query);
  if (summary.isPending) return <Loading variant="stats" count={6} label="Loading the shipping figures" />;
  if (summary.error && !summary.data)
    return <ErrorState error={summary.error} retry={() => void summary.refetch()} what="the shipping figures" />;
  const s = summary.data;
  return (
    <div className="stack" aria-busy={summary.isPlaceholderData}>
      <p className="muted small" data-testid="summary-period">
        Releases and demos dated {formatDate(s.from)} to {formatDate(new Date(Date.parse(s.to) - 1).toISOString())}{' '}
        (UTC); migrations as they stand today.
        {summary.isPlaceholderData ? ' Updating…' : ''}
      </p>
      <SummaryFigures s={s} />
      <ReleasesByCapability releases={s.releases} />
      <NotesLists s={s} />
      <VoteToReleaseList vote={s.voteToRelease} />
      <DemosList demos={s.demos} />
      {s.migrations ? <MigrationsList items={s.migrations.items} /> : null}
    </div>
  );
}

/** How well the platform ships in a period: releases, their notes and readers, waits, demos and migrations. */
export function SummaryPage() {
  const state = useVoicePeriod();
  const query = { from: state.period.from, to: state.period.to };
  return (
    <div className="page shipping-summary">
      <PageHeader
        title="Shipping summary"
        subtitle={
          <>
            Does what the platform ships reach the teams: notes written and read, requests answered by a release, demos
            that lead to adoption, migrations done on time? Each number opens the items behind it and is{' '}
            <Link to={DEFINITIONS_PATH}>defined here</Link>.
          </>
        }
      />
      <PeriodPicker state={state} />
      <Numbers query={query} />
    </div>
  );
}
