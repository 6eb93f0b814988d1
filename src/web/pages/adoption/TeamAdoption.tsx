import { Link } from 'react-router-dom';
import { LifecycleBadge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useTeamAdoption } from '../../hooks/queries/use-team-adoption.js';
import { formatDate } from '../../lib/format.js';
import { entityPath } from '../../lib/refs.js';
import { AdoptionKindBadge, RequiredBadge, UseStatus } from './AdoptionBadges.js';

/** A team page's Adoption section: what it uses since when, and what it has not adopted yet. */
export function TeamAdoption({ name, namespace, customer }: { name: string; namespace: string; customer: boolean }) {
  const query = useTeamAdoption(name, namespace);
  if (query.isPending) {
    return (
      <Card title="Adoption">
        <Loading variant="table" count={3} label="Loading the team’s adoption" />
      </Card>
    );
  }
  if (query.error) {
    return (
      <Card title="Adoption">
        <ErrorState error={query.error} retry={() => void query.refetch()} what="the team’s adoption" />
      </Card>
    );
  }
  const { uses, notYet } = query.data;
  // The API orders them: required first, then GA, beta, experimental; it leaves deprecated and retired ones out.
  const required = notYet.filter((c) => c.mandated).length;
  const experimental = notYet.filter((c) => c.lifecycle === 'experimental').length;
  const capLink = (capability: string, title: string | null) => (
    <Link to={entityPath('capability', capability) ?? '#'}>{title || capability}</Link>
  );

  if (uses.length === 0 && notYet.length === 0) {
    return (
      <Card title="Adoption">
        <EmptyState compact title={customer ? 'No capabilities to adopt yet' : 'Not a customer team'}>
          <p>
            {customer
              ? 'Capabilities appear here once the platform offers some to this team.'
              : 'Adoption is measured for customer teams: teams that own services and no capability.'}
          </p>
        </EmptyState>
      </Card>
    );
  }

  return (
    <Card title={`Adoption (${uses.length} in use)`} className="team-adoption">
      {uses.length === 0 ? (
        <EmptyState compact title="Uses no capability yet" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Capabilities {name} uses</caption>
            <thead>
              <tr>
                <th scope="col">Capability</th>
                <th scope="col">Since</th>
                <th scope="col">How</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Services
                </th>
              </tr>
            </thead>
            <tbody>
              {uses.map((u) => (
                <tr key={u.capability} data-capability={u.capability}>
                  <th scope="row">{capLink(u.capability, u.title)}</th>
                  <td className="nowrap">{formatDate(u.adoptedAt)}</td>
                  <td>
                    <AdoptionKindBadge kind={u.kind} />
                  </td>
                  <td>
                    <UseStatus status={u.status} />
                  </td>
                  <td className="num">{u.services}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notYet.length ? (
        <div className="not-yet">
          <h3 className="subheading">
            Not adopted yet ({notYet.length}){required ? <span className="muted">, {required} required</span> : null}
          </h3>
          <p className="muted small">
            Suggestions, generally available first
            {experimental ? `; ${experimental} experimental (may still change)` : ''}. Deprecated and retired
            capabilities are not suggested.
          </p>
          <ul className="team-chips" aria-label="Capabilities not adopted yet">
            {notYet.map((c) => (
              <li key={c.capability} data-capability={c.capability}>
                {capLink(c.capability, c.title)}
                <LifecycleBadge lifecycle={c.lifecycle} />
                {c.mandated ? <RequiredBadge /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
