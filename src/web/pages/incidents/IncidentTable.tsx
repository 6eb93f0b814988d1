import type { IncidentRow } from '../../api/types.js';
import { Badge } from '../../components/Badge.js';
import { formatDateTime, formatHours } from '../../lib/format.js';
import { Commit, RefLink } from '../delivery/TeamServiceCells.js';

// The headers name the zone once.
const COLUMN = { zone: false };

/** Incidents with their recovery time and the deployment each is attributed to (DOMAIN.md: attribution). */
export function IncidentTable({ incidents, caption }: { incidents: IncidentRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table incidents">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Service · team</th>
            <th scope="col">Triggered (UTC)</th>
            <th scope="col">Resolved (UTC)</th>
            <th scope="col" className="num">
              Recovery
            </th>
            <th scope="col">Attributed deployment (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} data-incident={i.externalId} data-open={i.resolvedAt === null}>
              <th scope="row">
                {i.url ? (
                  <a href={i.url} target="_blank" rel="noreferrer noopener" title={`Open in ${i.source}`}>
                    {i.title ?? 'untitled'}
                  </a>
                ) : (
                  (i.title ?? <span className="muted">untitled</span>)
                )}
                <div className="muted small incident-facts">
                  {i.severity ? <Badge title="Severity">{i.severity}</Badge> : null}
                  <span className="mono">{i.externalId}</span>
                  <span>via {i.source}</span>
                  {i.causes.length ? <span>causes: {i.causes.join(', ')}</span> : null}
                </div>
              </th>
              <td data-cell="service" className="wrap">
                <RefLink value={i.service} kind="component" />
                <div className="small">
                  <RefLink value={i.team} kind="group" />
                </div>
              </td>
              <td data-cell="triggered">
                {i.triggerTimeKnown ? (
                  <time dateTime={i.triggeredAt}>{formatDateTime(i.triggeredAt, COLUMN)}</time>
                ) : (
                  <span
                    className="muted"
                    title={`No event has said when it was triggered yet (no later than ${formatDateTime(i.triggeredAt)}); it counts in no recovery time until one does`}
                  >
                    trigger time unknown
                  </span>
                )}
              </td>
              <td>
                {i.resolvedAt ? (
                  <time dateTime={i.resolvedAt}>{formatDateTime(i.resolvedAt, COLUMN)}</time>
                ) : (
                  <Badge tone="danger" title="Not resolved yet">
                    open
                  </Badge>
                )}
              </td>
              <td className="num" data-cell="recovery">
                {formatHours(i.recoveryHours)}
              </td>
              <td data-cell="deployment">
                {i.deployment ? (
                  <>
                    <time dateTime={i.deployment.finishedAt} className="nowrap">
                      {formatDateTime(i.deployment.finishedAt, COLUMN)}
                    </time>
                    <div>
                      <Commit sha={i.deployment.commit} />
                    </div>
                  </>
                ) : (
                  <span
                    className="muted"
                    title="No production deployment of the service finished in the 7 days before it"
                  >
                    none
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
