import { useParams, useSearchParams } from 'react-router-dom';
import { StatusBadge, TeamKindBadge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DetailList } from '../../components/DetailList.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { History } from '../../components/History.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Links, Tags } from '../../components/Tags.js';
import { useTeam } from '../../hooks/queries/use-team.js';
import { entityScope } from '../../lib/delivery-scope.js';
import { formatDateTime, plural } from '../../lib/format.js';
import { TeamAdoption } from '../adoption/TeamAdoption.js';
import { CapabilityCard } from '../capabilities/CapabilityCard.js';
import { DeliverySummary } from '../delivery/DeliverySummary.js';
import { ServiceTable } from '../services/ServiceTable.js';
import { TeamHierarchy } from './TeamHierarchy.js';
import { TeamVoice } from './TeamVoice.js';
import { TeamWhatsNew } from './TeamWhatsNew.js';

export function TeamDetailPage() {
  const { name = '' } = useParams();
  const namespace = useSearchParams()[0].get('namespace') ?? 'default';
  const query = useTeam(name, namespace);
  const back = { to: '/teams', label: 'Teams' };

  if (query.isPending || query.error) {
    return (
      <div className="page">
        <PageHeader title={name} back={back} />
        {query.error ? (
          <ErrorState error={query.error} retry={() => void query.refetch()} what="the team" />
        ) : (
          <Loading count={5} label="Loading the team" />
        )}
      </div>
    );
  }

  const detail = query.data;
  const { team, members, services, capabilities, history } = detail;

  return (
    <div className="page">
      <PageHeader
        back={back}
        title={team.title || team.name}
        badges={
          <>
            <TeamKindBadge kind={team.teamKind} />
            <StatusBadge status={team.status} />
          </>
        }
        subtitle={
          <>
            <code>{team.ref}</code> · {plural(services.length, 'service')} ·{' '}
            {plural(capabilities.length, 'capability', 'capabilities')} · {plural(members.length, 'member')}
          </>
        }
      />
      {team.description ? <p className="prose lead">{team.description}</p> : null}
      <div className="detail-grid">
        <div className="stack">
          {team.teamKind !== 'platform' ? (
            <TeamAdoption name={team.name} namespace={namespace} customer={team.teamKind === 'customer'} />
          ) : null}
          {team.teamKind !== 'platform' && namespace === 'default' ? <TeamVoice name={team.name} /> : null}
          {team.teamKind === 'customer' && namespace === 'default' ? <TeamWhatsNew name={team.name} /> : null}
          <Card title={`Services (${services.length})`}>
            {services.length === 0 ? (
              <EmptyState compact title="This team owns no services">
                <p>
                  Services name their team in <code>spec.owner</code>.
                </p>
              </EmptyState>
            ) : (
              <ServiceTable services={services} showOwner={false} caption={`Services owned by ${team.name}`} />
            )}
          </Card>
          {capabilities.length > 0 || team.teamKind === 'platform' ? (
            <Card title={`Capabilities offered (${capabilities.length})`}>
              <div className="card-grid card-grid-small">
                {capabilities.map((c) => (
                  <CapabilityCard key={c.ref} capability={c} />
                ))}
              </div>
            </Card>
          ) : null}
          <Card title={`Members (${members.length})`}>
            {members.length === 0 ? (
              <EmptyState compact title="No members listed">
                <p>
                  People join a team through <code>spec.memberOf</code> on their User entity.
                </p>
              </EmptyState>
            ) : (
              <ul className="members">
                {members.map((m) => (
                  <li key={m.ref}>
                    <span className="avatar" aria-hidden="true">
                      {m.displayName.slice(0, 1).toUpperCase()}
                    </span>
                    <span>
                      <span className="member-name">{m.displayName}</span>
                      <span className="muted small">{m.email ?? m.name}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="stack">
          <Card title="Hierarchy">
            <TeamHierarchy detail={detail} />
          </Card>
          {services.length > 0 ? <DeliverySummary scope={entityScope('team', team.name, namespace)} /> : null}
          <Card title="Details">
            <DetailList
              items={[
                ['Email', detail.email ? <a href={`mailto:${detail.email}`}>{detail.email}</a> : null],
                ['Type', team.type],
                ['Tags', team.tags.length ? <Tags key="t" tags={team.tags} /> : null],
                ['Links', team.links.length ? <Links key="l" links={team.links} /> : null],
                ['Source', <code key="s">{team.source}</code>],
                ['Updated', formatDateTime(team.updatedAt)],
              ]}
            />
          </Card>
          <Card title="History">
            <History events={history} />
          </Card>
        </div>
      </div>
    </div>
  );
}
