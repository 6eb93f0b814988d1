import { Link } from 'react-router-dom';
import { LifecycleBadge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useServiceAdoption } from '../../hooks/queries/use-service-adoption.js';
import { formatDate } from '../../lib/format.js';
import { entityPath } from '../../lib/refs.js';
import { UseStatus } from '../adoption/AdoptionBadges.js';
import { EvidenceList } from '../adoption/EvidenceList.js';

/** The capabilities this service uses or used, since when, and the repository lines or events that show it. */
export function ServiceAdoption({ name, namespace }: { name: string; namespace: string }) {
  const query = useServiceAdoption(name, namespace);
  const active = query.data?.uses.filter((u) => u.status === 'active').length ?? 0;
  return (
    <Card title={query.data ? `Capabilities (${active} in use)` : 'Capabilities'} className="service-adoption">
      {query.isPending ? (
        <Loading variant="table" count={3} label="Loading the service’s capabilities" />
      ) : query.error ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} what="the service’s capabilities" />
      ) : query.data.uses.length === 0 ? (
        <EmptyState compact title="Uses no capability yet">
          <p>A capability shows here once a repository scan matches its rules or a usage event names this service.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Capabilities {name} uses or used</caption>
            <thead>
              <tr>
                <th scope="col">Capability</th>
                <th scope="col">Since</th>
                <th scope="col">Status</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {query.data.uses.map((u) => (
                <tr key={u.capability} data-capability={u.capability}>
                  <th scope="row">
                    <Link to={entityPath('capability', u.capability) ?? '#'}>{u.title || u.capability}</Link>{' '}
                    <LifecycleBadge lifecycle={u.lifecycle} />
                  </th>
                  <td className="nowrap">{formatDate(u.adoptedAt)}</td>
                  <td className="nowrap">
                    <UseStatus status={u.status} churnedAt={u.churnedAt} />
                  </td>
                  <td>
                    <EvidenceList evidence={u.evidence} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
