import type { UnmappedName } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { CopyButton } from '../../components/CopyButton.js';
import { formatDateTime } from '../../lib/format.js';

const SOURCE: Record<UnmappedName['source'], string> = {
  github: 'GitHub repository',
  gitlab: 'GitLab project',
  pagerduty: 'PagerDuty service',
};

/** Each outside name with what arrived under it, and the catalog annotation that would map it to a service. */
export function UnmappedNames({ items }: { items: UnmappedName[] }) {
  return (
    <div className="table-wrap">
      <table className="table unmapped">
        <caption className="visually-hidden">Outside names that map to no service</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Deployments
            </th>
            <th scope="col" className="num">
              Changes
            </th>
            <th scope="col" className="num">
              Incidents
            </th>
            <th scope="col">Last seen</th>
            <th scope="col">Annotation to add to the service</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => {
            const line = `${u.annotation}: ${u.name}`;
            return (
              <tr key={`${u.source}:${u.name}`} data-unmapped={u.name}>
                <th scope="row">
                  <span className="mono break">{u.name}</span>
                  <div>
                    <Badge>{SOURCE[u.source]}</Badge>
                  </div>
                </th>
                <td className="num">{u.deployments}</td>
                <td className="num">{u.changes}</td>
                <td className="num">{u.incidents}</td>
                <td className="nowrap">{formatDateTime(u.lastSeen)}</td>
                <td>
                  <div className="annotation-line">
                    <code data-testid="annotation">{line}</code>
                    <CopyButton text={line} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
