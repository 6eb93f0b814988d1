import { useParams, useSearchParams } from 'react-router-dom';
import { LifecycleBadge, StatusBadge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DetailList } from '../../components/DetailList.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { History } from '../../components/History.js';
import { Loading } from '../../components/Loading.js';
import { OwnerLink } from '../../components/OwnerLink.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Links, Tags } from '../../components/Tags.js';
import { useService } from '../../hooks/queries/use-service.js';
import { entityScope } from '../../lib/delivery-scope.js';
import { formatDateTime } from '../../lib/format.js';
import { shortRef } from '../../lib/refs.js';
import { DeliverySummary } from '../delivery/DeliverySummary.js';
import { RecentFacts } from './RecentFacts.js';
import { ServiceAdoption } from './ServiceAdoption.js';
import { RepoLink } from './ServiceTable.js';

export function ServiceDetailPage() {
  const { name = '' } = useParams();
  const namespace = useSearchParams()[0].get('namespace') ?? 'default';
  const query = useService(name, namespace);
  const back = { to: '/services', label: 'Services' };

  if (query.isPending || query.error) {
    return (
      <div className="page">
        <PageHeader title={name} back={back} />
        {query.error ? (
          <ErrorState error={query.error} retry={() => void query.refetch()} what="the service" />
        ) : (
          <Loading count={5} label="Loading the service" />
        )}
      </div>
    );
  }

  const { service: s, history } = query.data;
  const annotations = Object.entries(s.annotations).sort(([a], [b]) => a.localeCompare(b));

  return (
    <div className="page">
      <PageHeader
        back={back}
        title={s.title || s.name}
        badges={
          <>
            <LifecycleBadge lifecycle={s.lifecycle} />
            <StatusBadge status={s.status} />
          </>
        }
        subtitle={<code>{s.ref}</code>}
      />
      <div className="detail-grid">
        <div className="stack">
          <Card title="About">
            <p className="prose">{s.description || <span className="muted">No description in the catalog.</span>}</p>
            <Tags tags={s.tags} />
          </Card>
          <ServiceAdoption name={s.name} namespace={s.namespace} />
          <DeliverySummary scope={entityScope('service', s.name, s.namespace)} />
          <RecentFacts scope={entityScope('service', s.name, s.namespace)} />
          <Card title="Annotations">
            {annotations.length === 0 ? (
              <EmptyState compact title="No annotations">
                <p>
                  Add <code>github.com/project-slug</code> or <code>pagerduty.com/service-id</code> to link this service
                  to its repository and incidents.
                </p>
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table table-compact">
                  <caption className="visually-hidden">Annotations</caption>
                  <tbody>
                    {annotations.map(([k, v]) => (
                      <tr key={k}>
                        <th scope="row" className="mono">
                          {k}
                        </th>
                        <td className="mono break">{v}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <Card title="History">
            <History events={history} />
          </Card>
        </div>
        <Card title="Details" className="sidebar">
          <DetailList
            items={[
              ['Owner', <OwnerLink key="o" entity={s} />],
              ['Type', s.type],
              ['Lifecycle', s.lifecycle],
              ['System', s.systemRef ? <span className="mono">{shortRef(s.systemRef)}</span> : null],
              ['Repository', s.repository ? <RepoLink key="r" repository={s.repository} /> : null],
              ['PagerDuty', s.pagerdutyServiceId ? <code>{s.pagerdutyServiceId}</code> : null],
              ['Links', s.links.length ? <Links key="l" links={s.links} /> : null],
              ['Source', <code key="s">{s.source}</code>],
              ['Updated', formatDateTime(s.updatedAt)],
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
