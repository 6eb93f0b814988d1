import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useDora } from '../../hooks/queries/use-dora.js';
import { resolvePeriod } from '../../lib/delivery-scope.js';
import { formatFrequency, LEVEL_RULES } from '../../lib/dora.js';
import { formatHours, formatRate } from '../../lib/format.js';
import { LevelBadge } from './LevelBadge.js';

/** A team's or service's four key metrics over the last 90 days, with the way to its delivery page. */
export function DeliverySummary({ scope }: { scope: string }) {
  const period = resolvePeriod({ range: '90d' });
  const dora = useDora({ scope, from: period.from, to: period.to });
  const to = `/delivery?scope=${encodeURIComponent(scope)}`;
  const link = (
    <Link to={to} className="button button-small">
      Open delivery
    </Link>
  );
  const d = dora.data;
  const items: [string, string, ReactNode][] = d
    ? [
        [
          'Deployments',
          formatFrequency(d.deploymentFrequency),
          <LevelBadge
            level={d.levels.deploymentFrequency}
            rule={LEVEL_RULES.deploymentFrequency}
            testId="summary-deployment-frequency"
          />,
        ],
        [
          'Lead time',
          formatHours(d.changeLeadTime.medianHours),
          <LevelBadge
            level={d.levels.changeLeadTime}
            rule={LEVEL_RULES.changeLeadTime}
            testId="summary-change-lead-time"
          />,
        ],
        [
          'Change fail rate',
          formatRate(d.changeFailRate.value),
          <LevelBadge
            level={d.levels.changeFailRate}
            rule={LEVEL_RULES.changeFailRate}
            testId="summary-change-fail-rate"
          />,
        ],
        [
          'Recovery',
          formatHours(d.failedDeploymentRecoveryTime.medianHours),
          <LevelBadge level={d.levels.recoveryTime} rule={LEVEL_RULES.recoveryTime} testId="summary-recovery-time" />,
        ],
      ]
    : [];
  return (
    <Card title="Delivery" actions={link} className="delivery-summary">
      {dora.isPending ? (
        <Loading count={3} label="Loading delivery" />
      ) : dora.error && !d ? (
        <ErrorState error={dora.error} retry={() => void dora.refetch()} what="delivery" />
      ) : d ? (
        <>
          <p className="muted small">Last 90 days</p>
          <dl className="delivery-summary-list">
            {items.map(([label, value, badge]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  {value} {badge}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </Card>
  );
}
