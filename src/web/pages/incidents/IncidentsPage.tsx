import { Link, useLocation } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ScopePeriodPicker } from '../../components/ScopePeriodPicker.js';
import { Stat } from '../../components/Stat.js';
import { Tabs } from '../../components/Tabs.js';
import { useDora } from '../../hooks/queries/use-dora.js';
import { useScopePeriod, type ScopePeriod } from '../../hooks/use-scope-period.js';
import { carrySearch, scopeLabel } from '../../lib/delivery-scope.js';
import { formatHours, plural } from '../../lib/format.js';
import { ScopeKnown } from '../delivery/ScopeKnown.js';
import { UnknownScope } from '../delivery/UnknownScope.js';
import { IncidentList } from './IncidentList.js';

const STATUSES = ['open', 'resolved'] as const;
type Status = (typeof STATUSES)[number];

function withStatus(search: string, status: Status | null): string {
  const params = new URLSearchParams(search);
  if (status) params.set('status', status);
  else params.delete('status');
  const text = params.toString();
  return text ? `?${text}` : '?';
}

/** Incidents of the organisation, a team or a service: how long each took to resolve, and the deployment it followed. */
export function IncidentsPage() {
  const state = useScopePeriod();
  const { scope } = state;
  const search = useLocation().search;
  const raw = state.param('status');
  const status = (STATUSES as readonly string[]).includes(raw) ? (raw as Status) : undefined;

  return (
    <ScopeKnown scope={scope}>
      {(known) => (
        <div className="page incidents-page">
          <PageHeader
            title="Incidents"
            subtitle={
              <>
                {scopeLabel(scope)}: incidents triggered in the period, their recovery time and the deployment each is
                attributed to.
              </>
            }
            actions={
              <Link className="button" to={`/delivery${carrySearch(search)}`}>
                Delivery
              </Link>
            }
          />
          <ScopePeriodPicker state={state} />
          {scope.kind !== 'org' && known === false ? (
            <UnknownScope scope={scope} what="incidents" />
          ) : (
            <Incidents state={state} status={status} />
          )}
        </div>
      )}
    </ScopeKnown>
  );
}

function Incidents({ state, status }: { state: ScopePeriod; status: Status | undefined }) {
  const { query } = state;
  const search = useLocation().search;
  const dora = useDora(query);
  const r = dora.data?.incidentRecoveryTime;
  return (
    <>
      {dora.isPending ? (
        <Loading variant="stats" count={3} label="Loading recovery times" />
      ) : dora.error && !r ? (
        <ErrorState error={dora.error} retry={() => void dora.refetch()} what="recovery times" />
      ) : r ? (
        <div className="stats stats-3">
          <Stat label="Incidents" testId="incidents" value={r.n + r.unresolved} hint="triggered in the period" />
          <Stat
            label="Median recovery time"
            testId="incident-recovery-time"
            value={formatHours(r.medianHours)}
            hint={`resolved − triggered, over ${plural(r.n, 'resolved incident')}`}
          />
          <Stat label="Unresolved" testId="unresolved" value={r.unresolved} hint="not in the median until resolved" />
        </div>
      ) : null}
      <Card>
        <Tabs
          label="Incident status"
          items={[
            { label: 'All', to: withStatus(search, null), active: !status, count: r ? r.n + r.unresolved : undefined },
            { label: 'Open', to: withStatus(search, 'open'), active: status === 'open', count: r?.unresolved },
            { label: 'Resolved', to: withStatus(search, 'resolved'), active: status === 'resolved', count: r?.n },
          ]}
        />
        <IncidentList filters={{ ...query, status }} caption={status ? `${status} incidents` : 'Incidents'} />
      </Card>
    </>
  );
}
