import { useLocation } from 'react-router-dom';
import type { Dora } from '../../api/types.js';
import { Stat } from '../../components/Stat.js';
import { formatFrequency, formatPer, formatRate, LEVEL_RULES } from '../../lib/dora.js';
import { formatHours, plural } from '../../lib/format.js';
import { drillSearch } from './drill.js';
import { LevelBadge } from './LevelBadge.js';

/** The four key metrics with their levels, then rework rate and incident recovery time; each opens the list behind it. */
export function DoraMetrics({ dora: d }: { dora: Dora }) {
  const search = useLocation().search;
  const to = (list: Parameters<typeof drillSearch>[1]) => `${drillSearch(search, list)}#behind-the-numbers`;
  return (
    <div className="dora-metrics">
      <div className="stats">
        <Stat
          label="Deployment frequency"
          testId="deployment-frequency"
          value={formatFrequency(d.deploymentFrequency)}
          to={to('deployments')}
          hint={
            <>
              <LevelBadge level={d.levels.deploymentFrequency} rule={LEVEL_RULES.deploymentFrequency} testId="deployment-frequency" />{' '}
              <span data-testid="n-deployment-frequency">
                {plural(d.deployments, 'deployment')} · {formatPer(d.deploymentFrequency.perDay)} a day, {formatPer(d.deploymentFrequency.perWeek)} a week
              </span>
            </>
          }
        />
        <Stat
          label="Change lead time"
          testId="change-lead-time"
          value={formatHours(d.changeLeadTime.medianHours)}
          to={to('deployments')}
          hint={
            <>
              <LevelBadge level={d.levels.changeLeadTime} rule={LEVEL_RULES.changeLeadTime} testId="change-lead-time" />{' '}
              <span data-testid="n-change-lead-time">median of {plural(d.changeLeadTime.n, 'commit')} shipped</span>
            </>
          }
        />
        <Stat
          label="Change fail rate"
          testId="change-fail-rate"
          value={formatRate(d.changeFailRate.value)}
          to={to('failed')}
          hint={
            <>
              <LevelBadge level={d.levels.changeFailRate} rule={LEVEL_RULES.changeFailRate} testId="change-fail-rate" />{' '}
              <span data-testid="n-change-fail-rate">
                {d.changeFailRate.failed} of {plural(d.changeFailRate.total, 'deployment')} caused an incident
              </span>
            </>
          }
        />
        <Stat
          label="Failed deployment recovery"
          testId="recovery-time"
          value={formatHours(d.failedDeploymentRecoveryTime.medianHours)}
          to={to('failed')}
          hint={
            <>
              <LevelBadge level={d.levels.recoveryTime} rule={LEVEL_RULES.recoveryTime} testId="recovery-time" />{' '}
              <span data-testid="n-recovery-time">median of {plural(d.failedDeploymentRecoveryTime.n, 'recovered deployment')}</span>
            </>
          }
        />
      </div>
      <div className="stats stats-2">
        <Stat
          label="Rework rate"
          testId="rework-rate"
          value={formatRate(d.reworkRate.value)}
          to={to('rework')}
          hint={
            <span data-testid="n-rework-rate">
              {d.reworkRate.rework} of {plural(d.reworkRate.total, 'deployment')} made while an incident was open
            </span>
          }
        />
        <Stat
          label="Incident recovery time"
          testId="incident-recovery-time"
          value={formatHours(d.incidentRecoveryTime.medianHours)}
          to={to('incidents')}
          hint={
            <span data-testid="n-incident-recovery-time">
              median of {plural(d.incidentRecoveryTime.n, 'resolved incident')}
              {d.incidentRecoveryTime.unresolved > 0 ? ` · ${d.incidentRecoveryTime.unresolved} unresolved` : ' · all resolved'}
            </span>
          }
        />
      </div>
    </div>
  );
}
