import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Dora } from '../../api/types.js';
import { Stat } from '../../components/Stat.js';
import { DEFINITION, definitionLink, type DefinitionAnchor } from '../../lib/definitions.js';
import { formatFrequency, LEVEL_RULES } from '../../lib/dora.js';
import { doraChanges, type Change, type ChangedMetric } from '../../lib/dora-change.js';
import { formatHours, formatPer, formatRate, plural } from '../../lib/format.js';
import { drillSearch } from './drill.js';
import { LevelBadge } from './LevelBadge.js';

/** The change against the previous period, green when it is good news; nothing when there is nothing to compare. */
function ChangeNote({ change, days, testId }: { change: Change | null | undefined; days: number; testId: string }) {
  if (!change) return null;
  return (
    <span
      className={`change change-${change.tone}`}
      data-testid={`change-${testId}`}
      title={`Against the ${days} days before this period`}
    >
      {change.text} vs previous {days} days
    </span>
  );
}

/** A headline number, with what it is made of, how it moved, and the link to its definition (outside the stat's own link). */
function Metric(p: {
  label: string;
  testId: string;
  value: string;
  to: string;
  badge?: ReactNode;
  detail: ReactNode;
  change: Change | null | undefined;
  days: number;
  definition: DefinitionAnchor;
}) {
  return (
    <div className="metric">
      <Stat
        label={p.label}
        testId={p.testId}
        value={p.value}
        to={p.to}
        hint={
          <>
            {p.badge}
            {p.badge ? ' ' : null}
            <span data-testid={`n-${p.testId}`}>{p.detail}</span>
            <ChangeNote change={p.change} days={p.days} testId={p.testId} />
          </>
        }
      />
      <Link className="definition-link" to={definitionLink(p.definition)} data-testid={`define-${p.testId}`}>
        How {p.label.toLowerCase()} is counted
      </Link>
    </div>
  );
}

/**
 * The four key metrics with their levels, then rework rate and incident recovery time; each opens the list behind
 * it, shows its change against the previous period of the same length (when known), and links to its definition.
 */
export function DoraMetrics({ dora: d, previous, days }: { dora: Dora; previous: Dora | undefined; days: number }) {
  const search = useLocation().search;
  const to = (list: Parameters<typeof drillSearch>[1]) => `${drillSearch(search, list)}#behind-the-numbers`;
  const changes = previous ? doraChanges(d, previous) : null;
  const common = (metric: ChangedMetric) => ({ change: changes?.[metric], days });
  return (
    <div className="dora-metrics">
      <div className="stats">
        <Metric
          label="Deployment frequency"
          testId="deployment-frequency"
          value={formatFrequency(d.deploymentFrequency)}
          to={to('deployments')}
          badge={
            <LevelBadge
              level={d.levels.deploymentFrequency}
              rule={LEVEL_RULES.deploymentFrequency}
              testId="deployment-frequency"
            />
          }
          detail={`${plural(d.deployments, 'deployment')} · ${formatPer(d.deploymentFrequency.perDay)} a day, ${formatPer(d.deploymentFrequency.perWeek)} a week`}
          definition={DEFINITION.deploymentFrequency}
          {...common('deploymentFrequency')}
        />
        <Metric
          label="Change lead time"
          testId="change-lead-time"
          value={formatHours(d.changeLeadTime.medianHours)}
          to={to('deployments')}
          badge={
            <LevelBadge level={d.levels.changeLeadTime} rule={LEVEL_RULES.changeLeadTime} testId="change-lead-time" />
          }
          detail={`median of ${plural(d.changeLeadTime.n, 'commit')} shipped`}
          definition={DEFINITION.changeLeadTime}
          {...common('changeLeadTime')}
        />
        <Metric
          label="Change fail rate"
          testId="change-fail-rate"
          value={formatRate(d.changeFailRate.value)}
          to={to('failed')}
          badge={
            <LevelBadge level={d.levels.changeFailRate} rule={LEVEL_RULES.changeFailRate} testId="change-fail-rate" />
          }
          detail={`${d.changeFailRate.failed} of ${plural(d.changeFailRate.total, 'deployment')} caused an incident`}
          definition={DEFINITION.changeFailRate}
          {...common('changeFailRate')}
        />
        <Metric
          label="Failed deployment recovery"
          testId="recovery-time"
          value={formatHours(d.failedDeploymentRecoveryTime.medianHours)}
          to={to('failed')}
          badge={<LevelBadge level={d.levels.recoveryTime} rule={LEVEL_RULES.recoveryTime} testId="recovery-time" />}
          detail={`median of ${plural(d.failedDeploymentRecoveryTime.n, 'recovered deployment')}`}
          definition={DEFINITION.recoveryTime}
          {...common('recoveryTime')}
        />
      </div>
      <div className="stats stats-2">
        <Metric
          label="Rework rate"
          testId="rework-rate"
          value={formatRate(d.reworkRate.value)}
          to={to('rework')}
          detail={`${d.reworkRate.rework} of ${plural(d.reworkRate.total, 'deployment')} made while an incident was open`}
          definition={DEFINITION.reworkRate}
          {...common('reworkRate')}
        />
        <Metric
          label="Incident recovery time"
          testId="incident-recovery-time"
          value={formatHours(d.incidentRecoveryTime.medianHours)}
          to={to('incidents')}
          detail={`median of ${plural(d.incidentRecoveryTime.n, 'resolved incident')}${
            d.incidentRecoveryTime.unresolved > 0
              ? ` · ${d.incidentRecoveryTime.unresolved} unresolved`
              : ' · all resolved'
          }`}
          definition={DEFINITION.incidentRecoveryTime}
          {...common('incidentRecoveryTime')}
        />
      </div>
    </div>
  );
}
