import { useLocation } from 'react-router-dom';
import type { Dora } from '../../api/types.js';
import { Stat } from '../../components/Stat.js';
import { formatFrequency, formatPer, formatRate, LEVEL_RULES } from '../../lib/dora.js';
import { formatHours, plural } from '../../lib/format.js';
import { drillSearch } from './drill.js';
import { LevelBadge } from './LevelBadge.js';

/** One of the four key metrics: its value, its level with the rule behind it, and what it is made of. */
function KeyMetric(p: {
  label: string;
  testId: string;
  value: string;
  to: string;
  level: Dora['levels'][keyof Dora['levels']];
  rule: string;
  detail: string;
}) {
  return (
    <Stat
      label={p.label}
      testId={p.testId}
      value={p.value}
      to={p.to}
      hint={
        <>
          <LevelBadge level={p.level} rule={p.rule} testId={p.testId} />{' '}
          <span data-testid={`n-${p.testId}`}>{p.detail}</span>
        </>
      }
    />
  );
}

/** The four key metrics with their levels, then rework rate and incident recovery time; each opens the list behind it. */
export function DoraMetrics({ dora: d }: { dora: Dora }) {
  const search = useLocation().search;
  const to = (list: Parameters<typeof drillSearch>[1]) => `${drillSearch(search, list)}#behind-the-numbers`;
  return (
    <div className="dora-metrics">
      <div className="stats">
        <KeyMetric
          label="Deployment frequency"
          testId="deployment-frequency"
          value={formatFrequency(d.deploymentFrequency)}
          to={to('deployments')}
          level={d.levels.deploymentFrequency}
          rule={LEVEL_RULES.deploymentFrequency}
          detail={`${plural(d.deployments, 'deployment')} · ${formatPer(d.deploymentFrequency.perDay)} a day, ${formatPer(d.deploymentFrequency.perWeek)} a week`}
        />
        <KeyMetric
          label="Change lead time"
          testId="change-lead-time"
          value={formatHours(d.changeLeadTime.medianHours)}
          to={to('deployments')}
          level={d.levels.changeLeadTime}
          rule={LEVEL_RULES.changeLeadTime}
          detail={`median of ${plural(d.changeLeadTime.n, 'commit')} shipped`}
        />
        <KeyMetric
          label="Change fail rate"
          testId="change-fail-rate"
          value={formatRate(d.changeFailRate.value)}
          to={to('failed')}
          level={d.levels.changeFailRate}
          rule={LEVEL_RULES.changeFailRate}
          detail={`${d.changeFailRate.failed} of ${plural(d.changeFailRate.total, 'deployment')} caused an incident`}
        />
        <KeyMetric
          label="Failed deployment recovery"
          testId="recovery-time"
          value={formatHours(d.failedDeploymentRecoveryTime.medianHours)}
          to={to('failed')}
          level={d.levels.recoveryTime}
          rule={LEVEL_RULES.recoveryTime}
          detail={`median of ${plural(d.failedDeploymentRecoveryTime.n, 'recovered deployment')}`}
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
              {d.incidentRecoveryTime.unresolved > 0
                ? ` · ${d.incidentRecoveryTime.unresolved} unresolved`
                : ' · all resolved'}
            </span>
          }
        />
      </div>
    </div>
  );
}
