import { Link } from 'react-router-dom';
import type { Service } from '../../api/types.js';
import { LifecycleBadge, StatusBadge } from '../../components/Badge.js';
import { OwnerLink } from '../../components/OwnerLink.js';
import { entityPath, safeUrl, shortRef } from '../../lib/refs.js';

export function RepoLink({ repository }: { repository: Service['repository'] }) {
  const href = safeUrl(repository?.url);
  if (!repository) return <span className="muted">—</span>;
  return href ? (
    <a href={href} target="_blank" rel="noreferrer noopener" className="mono">
      {repository.slug} ↗
    </a>
  ) : (
    <span className="mono">{repository.slug}</span>
  );
}

/** Services as a table: used by the services list and a team's page (which hides the owner column). */
export function ServiceTable({
  services,
  showOwner = true,
  caption,
}: {
  services: Service[];
  showOwner?: boolean;
  caption?: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Service</th>
            {showOwner ? <th scope="col">Owner</th> : null}
            <th scope="col">Type</th>
            <th scope="col">Lifecycle</th>
            <th scope="col">System</th>
            <th scope="col">Repository</th>
            <th scope="col">PagerDuty</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.ref}>
              <th scope="row">
                <Link to={entityPath('service', s.name, s.namespace) ?? '#'}>{s.title || s.name}</Link>{' '}
                <StatusBadge status={s.status} />
                {s.title ? <div className="mono muted small">{s.name}</div> : null}
              </th>
              {showOwner ? (
                <td>
                  <OwnerLink entity={s} />
                </td>
              ) : null}
              <td>{s.type ?? <span className="muted">—</span>}</td>
              <td>{s.lifecycle ? <LifecycleBadge lifecycle={s.lifecycle} /> : <span className="muted">—</span>}</td>
              <td>
                {s.systemRef ? <span className="mono">{shortRef(s.systemRef)}</span> : <span className="muted">—</span>}
              </td>
              <td>
                <RepoLink repository={s.repository} />
              </td>
              <td>{s.pagerdutyServiceId ? <code>{s.pagerdutyServiceId}</code> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
