import { Link } from 'react-router-dom';
import type { Dora } from '../../api/types.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { DefinedStat } from '../../components/DefinedStat.js';
import { DEFINITION } from '../../lib/definitions.js';
import { useDora } from '../../hooks/queries/use-dora.js';
import { formatFrequency } from '../../lib/dora.js';
import { formatHours, formatNumber, formatRate } from '../../lib/format.js';
import { Change } from './Change.js';
import { HOME_DAYS, homePeriods, percentChange } from './compare.js';

const VS = `vs previous ${HOME_DAYS} days`;

/** Incidents triggered in the period: those resolved (their recovery counted) and those still open. */
const incidentsOf = (d: Dora) => d.incidentRecoveryTime.n + d.incidentRecoveryTime.unresolved;

/** Deployments, lead time, change fail rate and incidents over the last 90 days, each against the 90 before. */
export function HomeDelivery({ scope = 'org' }: { scope?: string }) {
  const periods = homePeriods();
  const current = useDora({ scope, ...periods.current });
  const previous = useDora({ scope, ...periods.previous });
  const d = current.data;
  const p = previous.data;
  const q = `?scope=${encodeURIComponent(scope)}`;

  if (current.isPending) return <Loading variant="stats" count={4} label="Loading delivery" />;
  if (current.error || !d)
    return <ErrorState error={current.error} retry={() => void current.refetch()} what="delivery" />;
  if (d.deployments === 0 && incidentsOf(d) === 0 && (!p || p.deployments === 0))
    return (
      <p className="muted" data-testid="home-delivery-empty">
        No production deployment or incident in the last {HOME_DAYS} days. Connect GitHub, GitLab or PagerDuty, or send
        facts to the deployments API.
      </p>
    );

  const count = (now: number, before: number | undefined) =>
    before === undefined ? 'previous period loading' : `${percentChange(now, before) ?? `was ${before}`} ${VS}`;
  const hours = (before: number | null | undefined) =>
    before === undefined ? '' : before === null ? `no figure before` : `was ${formatHours(before)}`;
  return (
    <div className="stats home-stats">
      <DefinedStat
        definition={DEFINITION.deploymentFrequency}
        label={`Deployments, ${HOME_DAYS} days`}
        testId="home-deployments"
        value={formatNumber(d.deployments)}
        to={`/delivery${q}`}
        hint={
          <>
            {formatFrequency(d.deploymentFrequency)}
            <br />
            <Change
              now={d.deployments}
              before={p?.deployments ?? null}
              good="up"
              text={count(d.deployments, p?.deployments)}
            />
          </>
        }
      />
      <DefinedStat
        definition={DEFINITION.changeLeadTime}
        label="Change lead time"
        testId="home-lead-time"
        value={formatHours(d.changeLeadTime.medianHours)}
        to={`/delivery${q}`}
        hint={
          <>
            median over {formatNumber(d.changeLeadTime.n)} commits
            <br />
            <Change
              now={d.changeLeadTime.medianHours}
              before={p?.changeLeadTime.medianHours ?? null}
              good="down"
              text={hours(p?.changeLeadTime.medianHours)}
            />
          </>
        }
      />
      <DefinedStat
        definition={DEFINITION.changeFailRate}
        label="Change fail rate"
        testId="home-change-fail-rate"
        value={formatRate(d.changeFailRate.value)}
        to={`/delivery${q}&list=failed`}
        hint={
          <>
            {formatNumber(d.changeFailRate.failed)} of {formatNumber(d.changeFailRate.total)} deployments caused an
            incident
            <br />
            <Change
              now={d.changeFailRate.value}
              before={p?.changeFailRate.value ?? null}
              good="down"
              text={p ? `was ${formatRate(p.changeFailRate.value)}` : ''}
            />
          </>
        }
      />
      <DefinedStat
        definition={DEFINITION.incidentRecoveryTime}
        label={`Incidents, ${HOME_DAYS} days`}
        testId="home-incidents"
        value={formatNumber(incidentsOf(d))}
        to={`/incidents${q}`}
        hint={
          <>
            {d.incidentRecoveryTime.unresolved} open · median recovery {formatHours(d.incidentRecoveryTime.medianHours)}
            <br />
            <Change
              now={incidentsOf(d)}
              before={p ? incidentsOf(p) : null}
              good="down"
              text={count(incidentsOf(d), p ? incidentsOf(p) : undefined)}
            />
          </>
        }
      />
      <p className="muted small home-stats-note">
        {HOME_DAYS} days to the end of today (UTC), as the <Link to={`/delivery${q}`}>Delivery page</Link> counts them.
      </p>
    </div>
  );
}
