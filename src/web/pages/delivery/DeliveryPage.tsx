import { Link, useLocation } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ScopePeriodPicker } from '../../components/ScopePeriodPicker.js';
import { useDora } from '../../hooks/queries/use-dora.js';
import { useScopePeriod, type ScopePeriod } from '../../hooks/use-scope-period.js';
import { DEFINITIONS_PATH } from '../../lib/definitions.js';
import { carrySearch, defaultInterval, previousPeriod, scopeLabel, scopePagePath } from '../../lib/delivery-scope.js';
import { doraReading } from '../../lib/dora.js';
import { BehindTheNumbers } from './BehindTheNumbers.js';
import { DoraMetrics } from './DoraMetrics.js';
import { DoraTrends } from './DoraTrends.js';
import { parseList } from './drill.js';
import { ScopeKnown } from './ScopeKnown.js';
import { UnknownScope } from './UnknownScope.js';

function DeliveryNumbers({ state }: { state: ScopePeriod }) {
  const { scope, period, query } = state;
  const dora = useDora(query);
  const previous = useDora({ ...query, ...previousPeriod(period) });
  const list = parseList(state.param('list'));
  const chosen = state.param('interval');
  const interval = chosen === 'week' || chosen === 'month' ? chosen : defaultInterval(period);
  const d = dora.data;

  if (dora.isPending) return <Loading variant="stats" count={4} label="Loading the delivery metrics" />;
  if (dora.error && !d)
    return <ErrorState error={dora.error} retry={() => void dora.refetch()} what="the delivery metrics" />;
  if (!d) return null;
  if (d.deployments === 0 && d.incidentRecoveryTime.n + d.incidentRecoveryTime.unresolved === 0)
    return (
      <EmptyState title="No deployment and no incident in this period">
        <p>
          Paved counts successful production deployments and incidents of the services in this scope, from GitHub,
          GitLab and PagerDuty webhooks or <code>POST /api/v1/deployments</code>, <code>/changes</code> and{' '}
          <code>/incidents</code>. Try a longer period, or look for facts whose repository or PagerDuty service maps to
          no service on the <Link to="/unmapped">Unmapped</Link> page.
        </p>
      </EmptyState>
    );
  return (
    <>
      <p className="adoption-reading" data-testid="dora-reading" aria-busy={dora.isPlaceholderData}>
        {doraReading(scopeLabel(scope), d)}
        {dora.isPlaceholderData ? <span className="muted small"> Updating…</span> : null}
      </p>
      <DoraMetrics dora={d} previous={previous.isPlaceholderData ? undefined : previous.data} days={period.days} />
      <DoraTrends
        query={query}
        interval={interval}
        onInterval={(i) => state.update({ interval: i === defaultInterval(period) ? null : i })}
      />
      <BehindTheNumbers dora={d} query={query} list={list} />
    </>
  );
}

/** Delivery for the organisation, a team or a service: the DORA key metrics, their levels, trends, and the facts behind them. */
export function DeliveryPage() {
  const state = useScopePeriod();
  const { scope } = state;
  const search = useLocation().search;
  const catalogPage = scopePagePath(scope);

  return (
    <ScopeKnown scope={scope}>
      {(known) => (
        <div className="page delivery">
          <PageHeader
            title="Delivery"
            subtitle={
              <>
                {scopeLabel(scope)}: how often and how safely it ships, and how fast it recovers (the DORA key metrics,
                as <Link to={DEFINITIONS_PATH}>defined here</Link>).
              </>
            }
            actions={
              <>
                {catalogPage && known ? (
                  <Link className="button" to={catalogPage}>
                    {scope.kind === 'team' ? 'Team page' : 'Service page'}
                  </Link>
                ) : null}
                <Link className="button" to={`/incidents${carrySearch(search)}`}>
                  Incidents
                </Link>
              </>
            }
          />
          <ScopePeriodPicker state={state} />
          {scope.kind !== 'org' && known === false ? (
            <UnknownScope scope={scope} what="delivery numbers" />
          ) : (
            <DeliveryNumbers state={state} />
          )}
        </div>
      )}
    </ScopeKnown>
  );
}
