import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import type { Dora } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { Tabs } from '../../components/Tabs.js';
import type { DoraQuery } from '../../hooks/queries/use-dora.js';
import { IncidentList } from '../incidents/IncidentList.js';
import { DeploymentList } from './DeploymentList.js';
import { drillSearch, type DrillList } from './drill.js';

const EXPLAIN: Record<DrillList, string> = {
  deployments:
    'Every production deployment that finished in the period: frequency counts them, lead time takes the median over the commits they shipped.',
  failed:
    'Deployments with at least one attributed incident (triggered within 7 days after it, before the next deployment): change fail rate and recovery time come from these.',
  rework: 'Deployments that finished while an incident of the same service was open.',
  incidents: 'Incidents triggered in the period; incident recovery time is the median over the resolved ones.',
};

/** The lists behind each number: a number a person cannot open is not trusted. */
export function BehindTheNumbers({ dora, query, list }: { dora: Dora; query: DoraQuery; list: DrillList }) {
  const { search, hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === '#behind-the-numbers') ref.current?.scrollIntoView({ block: 'start' });
  }, [hash, list]);
  const tab = (value: DrillList, label: string, count: number) => ({
    label,
    to: drillSearch(search, value),
    active: list === value,
    count,
  });
  const incidents = dora.incidentRecoveryTime.n + dora.incidentRecoveryTime.unresolved;

  return (
    <div ref={ref} id="behind-the-numbers" className="behind-the-numbers">
      <Card title="Behind the numbers">
        <Tabs
          label="Lists behind the numbers"
          items={[
            tab('deployments', 'Deployments', dora.deployments),
            tab('failed', 'Failed deployments', dora.changeFailRate.failed),
            tab('rework', 'Rework', dora.reworkRate.rework),
            tab('incidents', 'Incidents', incidents),
          ]}
        />
        <p className="muted small behind-explain">{EXPLAIN[list]}</p>
        {list === 'incidents' ? (
          <IncidentList filters={query} caption="Incidents triggered in the period" />
        ) : (
          <DeploymentList
            filters={{
              ...query,
              failed: list === 'failed' ? 'true' : undefined,
              rework: list === 'rework' ? 'true' : undefined,
            }}
            caption={
              list === 'failed'
                ? 'Failed deployments'
                : list === 'rework'
                  ? 'Deployments during an open incident'
                  : 'Production deployments'
            }
          />
        )}
      </Card>
    </div>
  );
}
