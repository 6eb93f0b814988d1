import { Link, useParams, useSearchParams } from 'react-router-dom';
import { LifecycleBadge, StatusBadge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { History } from '../../components/History.js';
import { Loading } from '../../components/Loading.js';
import { OwnerLink } from '../../components/OwnerLink.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Links, Tags } from '../../components/Tags.js';
import { useCapability } from '../../hooks/queries/use-capability.js';
import { useAdministers } from '../../hooks/queries/use-me.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { safeUrl } from '../../lib/refs.js';
import { CapabilityAdoption } from '../adoption/CapabilityAdoption.js';
import { CapabilityReleases } from './CapabilityReleases.js';
import { CapabilityVoice } from './CapabilityVoice.js';
import { CapabilityDemosLine } from '../shipping/demos/CapabilityDemosLine.js';
import { DetectRules } from './DetectRules.js';
import { FollowButton } from './FollowButton.js';

export function CapabilityDetailPage() {
  const { name = '' } = useParams();
  const namespace = useSearchParams()[0].get('namespace') ?? 'default';
  const query = useCapability(name, namespace);
  const isAdmin = useAdministers(query.data?.capability.ownerRef);
  const back = { to: '/capabilities', label: 'Capabilities' };

  if (query.isPending) {
    return (
      <div className="page">
        <PageHeader title={name} back={back} />
        <Loading label="Loading the capability" count={5} />
      </div>
    );
  }
  if (query.error) {
    return (
      <div className="page">
        <PageHeader title={name} back={back} />
        <ErrorState error={query.error} retry={() => void query.refetch()} what="the capability" />
      </div>
    );
  }

  const { capability: c, history } = query.data;
  const docs = safeUrl(c.docs);
  const editPath = `/capabilities/${encodeURIComponent(c.name)}/edit${namespace === 'default' ? '' : `?namespace=${encodeURIComponent(namespace)}`}`;

  return (
    <div className="page">
      <PageHeader
        back={back}
        title={c.title || c.name}
        badges={
          <>
            <LifecycleBadge lifecycle={c.lifecycle} />
            <StatusBadge status={c.status} />
          </>
        }
        subtitle={<code>{c.ref}</code>}
        actions={
          <>
            {namespace === 'default' ? <FollowButton name={c.name} /> : null}
            {isAdmin ? (
              <Link className="button button-primary" to={editPath}>
                Edit
              </Link>
            ) : null}
          </>
        }
      />
      <CapabilityAdoption name={c.name} title={c.title || c.name} namespace={namespace} />
      {namespace === 'default' ? <CapabilityVoice name={c.name} ownerRef={c.ownerRef} /> : null}
      {namespace === 'default' ? <CapabilityDemosLine name={c.name} /> : null}
      {namespace === 'default' ? <CapabilityReleases name={c.name} ownerRef={c.ownerRef} /> : null}
      <div className="detail-grid">
        <div className="stack">
          <Card title="About">
            <p className="prose" data-testid="capability-description">
              {c.description || <span className="muted">No description yet.</span>}
            </p>
          </Card>
          <Card title="Detect rules">
            <DetectRules rules={c.detect} />
          </Card>
          <Card title="History">
            <History events={history} />
          </Card>
        </div>
        <Card title="Details" className="sidebar">
          <DetailList
            items={[
              ['Owner', <OwnerLink key="o" entity={c} />],
              ['Lifecycle', <LifecycleBadge key="l" lifecycle={c.lifecycle} />],
              ['Category', c.category],
              ['GA date', c.gaDate ? formatDate(c.gaDate) : null],
              [
                'Docs',
                docs ? (
                  <a key="d" href={docs} target="_blank" rel="noreferrer noopener">
                    {docs} ↗
                  </a>
                ) : (
                  c.docs
                ),
              ],
              ['Audience', c.audience.length ? c.audience.join(', ') : 'All customer teams owning a service'],
              ['Tags', c.tags.length ? <Tags key="t" tags={c.tags} /> : null],
              ['Links', c.links.length ? <Links key="k" links={c.links} /> : null],
              ['Source', <code key="s">{c.source}</code>],
              ['Updated', formatDateTime(c.updatedAt)],
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
