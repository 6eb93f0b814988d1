import type { DeploymentRow } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { formatDateTime, formatHours } from '../../lib/format.js';
import { Commit, RefLink } from './TeamServiceCells.js';

/** Production deployments with what each shipped, how fast, and the incidents attributed to it. */
export function DeploymentTable({ deployments, caption }: { deployments: DeploymentRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table deployments">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Finished (UTC)</th>
            <th scope="col">Service</th>
            <th scope="col">Team</th>
            <th scope="col">Commit</th>
            <th scope="col" className="num">
              Shipped
            </th>
            <th scope="col" className="num">
              Lead time
            </th>
            <th scope="col">Incidents</th>
            <th scope="col" className="num">
              Recovery
            </th>
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => (
            <tr key={d.id} data-deployment={d.externalId} data-failed={d.failed} data-rework={d.rework}>
              <th scope="row" className="nowrap">
                <time dateTime={d.finishedAt}>{formatDateTime(d.finishedAt, { zone: false })}</time>
                <div className="row row-tight">
                  {d.failed ? <Badge tone="danger">failed</Badge> : null}
                  {d.rework ? (
                    <Badge tone="warning" title="Finished while an incident of the service was open">
                      rework
                    </Badge>
                  ) : null}
                </div>
              </th>
              <td>
                <RefLink value={d.service} kind="component" />
              </td>
              <td>
                <RefLink value={d.team} kind="group" />
              </td>
              <td>
                <Commit sha={d.commit} />
              </td>
              <td className="num" data-cell="shipped">
                {d.shipped}
              </td>
              <td className="num nowrap" data-cell="lead-time" title="Median over the commits it shipped">
                {formatHours(d.leadTimeMedianHours)}
              </td>
              <td data-cell="incidents">
                {d.incidents.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="plain-list small">
                    {d.incidents.map((i) => (
                      <li key={i.id}>
                        {i.title ?? <span className="muted">untitled</span>}{' '}
                        <span className="muted nowrap">{i.resolvedAt ? '' : '· unresolved'}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="num nowrap" data-cell="recovery">
                {d.failed && d.recoveryHours === null ? (
                  <span className="muted">unresolved</span>
                ) : (
                  formatHours(d.recoveryHours)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
