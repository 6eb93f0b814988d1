import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { SupportFigures } from '../../../api/voice-dashboard-types.js';
import { Card } from '../../../components/Card.js';
import { formatHours, formatNumber, formatPer } from '../../../lib/format.js';
import { itemsPath, UNRESOLVED, type ItemListFilters } from './item-links.js';

/** A row of a breakdown, with the list filter that opens its requests. */
type Row = Omit<SupportFigures, 'byPlatformTeam' | 'byCategory'> & {
  key: string;
  name: ReactNode;
  filter: ItemListFilters;
};

/** A median with what it leaves out beside it: "3 h (1 not yet)". */
function Median({ hours, missing, what }: { hours: number | null; missing: number; what: string }) {
  return (
    <>
      {formatHours(hours)}
      {missing > 0 ? (
        <span className="muted small">
          {' '}
          ({missing} {what})
        </span>
      ) : null}
    </>
  );
}

function SupportTable({
  label,
  head,
  rows,
  period,
}: {
  label: string;
  head: string;
  rows: Row[];
  period: ItemListFilters;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-compact voice-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">Opened</th>
            <th scope="col">A week</th>
            <th scope="col">Median first response</th>
            <th scope="col">Median time to resolve</th>
            <th scope="col">Open queue</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.name}</th>
              <td data-cell="n">
                <Link to={itemsPath('support', { ...r.filter, ...period })}>{formatNumber(r.n)}</Link>
              </td>
              <td>{formatPer(r.perWeek)}</td>
              <td data-cell="first-response">
                <Median hours={r.medianHoursToFirstResponse} missing={r.unanswered} what="not yet answered" />
              </td>
              <td data-cell="resolve">
                <Median hours={r.medianHoursToResolve} missing={r.unresolved} what="still open" />
              </td>
              <td data-cell="open">
                <Link to={itemsPath('support', { ...r.filter, status: UNRESOLVED })}>{formatNumber(r.open)}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Support per platform team asked and per category: who is the bottleneck, and for what. */
export function SupportBreakdown({ support, period }: { support: SupportFigures; period: ItemListFilters }) {
  const teams: Row[] = support.byPlatformTeam.map((r) => ({
    ...r,
    key: r.platformTeam ?? '',
    filter: { platformTeam: r.platformTeam },
    name: r.platformTeam ? (
      <Link to={`/teams/${encodeURIComponent(r.platformTeam)}`}>{r.platformTeam}</Link>
    ) : (
      <span className="muted">no platform team</span>
    ),
  }));
  const categories: Row[] = support.byCategory.map((r) => ({
    ...r,
    key: r.category ?? '',
    filter: { category: r.category },
    name: r.category ?? <span className="muted">no category</span>,
  }));
  return (
    <Card title="Support per platform team and category">
      <h3 className="subheading">Per platform team asked</h3>
      <SupportTable label="Support per platform team" head="Platform team" rows={teams} period={period} />
      <h3 className="subheading">Per category</h3>
      <SupportTable label="Support per category" head="Category" rows={categories} period={period} />
    </Card>
  );
}
