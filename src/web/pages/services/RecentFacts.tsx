import { Link } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useDeployments } from '../../hooks/queries/use-deployments.js';
import { useIncidents } from '../../hooks/queries/use-incidents.js';
import { resolvePeriod } from '../../lib/delivery-scope.js';
import { formatDateTime, formatHours } from '../../lib/format.js';
import { shortSha } from '../../lib/adoption.js';

const SHOWN = 5;

/** The service's latest production deployments and incidents of the last 90 days, with the way to the full lists. */
export function RecentFacts({ scope }: { scope: string }) {
  const period = resolvePeriod({ range: '90d' });
  const query = { scope, from: period.from, to: period.to };
  const deployments = useDeployments(query);
  const incidents = useIncidents(query);
  const q = `?scope=${encodeURIComponent(scope)}`;
  return (
    <div className="grid-2 recent-facts">
      <Card title="Recent deployments" actions={<Link to={`/delivery${q}`}>All on Delivery →</Link>}>
        {deployments.isPending ? (
          <Loading count={3} label="Loading deployments" />
        ) : deployments.error ? (
          <ErrorState error={deployments.error} retry={() => void deployments.refetch()} what="deployments" />
        ) : deployments.items.length === 0 ? (
          <p className="muted">No production deployment in the last 90 days.</p>
        ) : (
          <ul className="home-list" aria-label="Recent deployments">
            {deployments.items.slice(0, SHOWN).map((d) => (
              <li key={d.id}>
                {formatDateTime(d.finishedAt)} · <code>{d.commit ? shortSha(d.commit) : 'no commit'}</code>
                {d.failed ? <span className="change change-bad"> · caused an incident</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Recent incidents" actions={<Link to={`/incidents${q}`}>All on Incidents →</Link>}>
        {incidents.isPending ? (
          <Loading count={3} label="Loading incidents" />
        ) : incidents.error ? (
          <ErrorState error={incidents.error} retry={() => void incidents.refetch()} what="incidents" />
        ) : incidents.items.length === 0 ? (
          <p className="muted">No incident in the last 90 days.</p>
        ) : (
          <ul className="home-list" aria-label="Recent incidents">
            {incidents.items.slice(0, SHOWN).map((i) => (
              <li key={i.id}>
                {formatDateTime(i.triggeredAt)} · {i.title || i.externalId}
                <span className="muted">
                  {' '}
                  · {i.resolvedAt ? `resolved in ${formatHours(i.recoveryHours)}` : 'open'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
