import { Link } from 'react-router-dom';
import type { CapabilityBugs } from '../../../api/voice-dashboard-types.js';
import { Card } from '../../../components/Card.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { formatHours, formatNumber, formatRate } from '../../../lib/format.js';
import { closedIn, itemsPath, UNRESOLVED, type ItemListFilters } from './item-links.js';

const capabilityPath = (name: string) => `/capabilities/${encodeURIComponent(name)}`;

/** A share with its sample, "75% (3 of 4)", or "—" with nothing decided. */
function Share({ value, met, n, to }: { value: number | null; met: number; n: number; to: string }) {
  if (n === 0) return <span className="muted">—</span>;
  return (
    <Link to={to}>
      {formatRate(value)}{' '}
      <span className="muted small">
        ({met} of {n})
      </span>
    </Link>
  );
}

/** Bug figures per capability; every number opens that capability's bugs. */
export function BugsByCapability({ rows, period }: { rows: CapabilityBugs[]; period: ItemListFilters }) {
  return (
    <Card title="Bugs per capability">
      {rows.length === 0 ? (
        <EmptyState compact title="No bug in this period">
          <p>Bugs reported, fixed or still open past their SLA appear here per capability.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact voice-table" aria-label="Bugs per capability">
            <thead>
              <tr>
                <th scope="col">Capability</th>
                <th scope="col">Reported</th>
                <th scope="col">Ack within SLA</th>
                <th scope="col">Fixed within SLA</th>
                <th scope="col">Median time to fix</th>
                <th scope="col">Past SLA</th>
                <th scope="col">Without SLA</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const reported = itemsPath('bugs', { capability: r.capability, ...period });
                return (
                  <tr key={r.capability} data-capability={r.capability}>
                    <th scope="row">
                      <Link to={capabilityPath(r.capability)}>{r.capability}</Link>
                    </th>
                    <td data-cell="n">
                      <Link to={reported}>{formatNumber(r.n)}</Link>
                    </td>
                    <td data-cell="ack">
                      <Share value={r.ackWithinSla} met={r.ackMet} n={r.ackN} to={reported} />
                    </td>
                    <td data-cell="fix">
                      <Share value={r.fixWithinSla} met={r.fixMet} n={r.fixN} to={reported} />
                    </td>
                    <td data-cell="time-to-fix">
                      {r.fixedN === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <Link to={itemsPath('bugs', { capability: r.capability, ...closedIn(period) })}>
                          {formatHours(r.medianHoursToFix)} <span className="muted small">({r.fixedN} fixed)</span>
                        </Link>
                      )}
                    </td>
                    <td data-cell="past-sla">
                      <Link
                        className={r.pastSla > 0 ? 'voice-alarm' : undefined}
                        to={itemsPath('bugs', { capability: r.capability, status: UNRESOLVED })}
                      >
                        {formatNumber(r.pastSla)}
                      </Link>
                    </td>
                    <td data-cell="without-sla">{formatNumber(r.withoutSla)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
