import { Link } from 'react-router-dom';
import type { Deflection } from '../../../api/voice-dashboard-types.js';
import { Card } from '../../../components/Card.js';
import { DefinitionLink } from '../../../components/DefinitionLink.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { useIsAdmin } from '../../../hooks/queries/use-me.js';
import { DEFINITION } from '../../../lib/definitions.js';
import { formatDate, formatNumber, formatPer } from '../../../lib/format.js';
import { parseRef } from '../../../lib/refs.js';
import { deflectionReading } from './deflection-reading.js';
import { itemsPath } from './item-links.js';
import { LinkCategoryForm } from './LinkCategoryForm.js';

const per = (v: number | null) => (v === null ? '—' : formatPer(v));

/** Each category made self-service: requests per customer team-month before and after the capability's GA date. */
export function DeflectionCard({ rows }: { rows: Deflection[] }) {
  const isAdmin = useIsAdmin();
  return (
    <Card
      title="Deflection: support made self-service"
      actions={<DefinitionLink anchor={DEFINITION.deflection}>How it is counted</DefinitionLink>}
    >
      {rows.length === 0 ? (
        <EmptyState compact title="No support category is linked to a self-service capability yet">
          <p>
            When a capability answers a kind of support request (say “access”), link that category to it: Paved then
            compares the category’s requests per customer team a month in the 6 months before the capability’s GA date
            and after it.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="plain-list voice-readings" aria-label="Deflection in plain words">
            {rows.map((d) => (
              <li key={d.category} data-testid="deflection-reading">
                {deflectionReading(d)}
              </li>
            ))}
          </ul>
          <div className="table-wrap">
            <table className="table table-compact voice-table" aria-label="Deflection per category">
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Capability</th>
                  <th scope="col">GA date</th>
                  <th scope="col">Before (per team-month)</th>
                  <th scope="col">After (per team-month)</th>
                  <th scope="col">Ratio</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.category} data-row={d.category}>
                    <th scope="row">{d.category}</th>
                    <td>
                      <Link to={`/capabilities/${encodeURIComponent(d.capability)}`}>{d.capability}</Link>
                    </td>
                    <td>{d.gaDate ? formatDate(d.gaDate) : '—'}</td>
                    <td data-cell="before">
                      {per(d.before)}{' '}
                      <span className="muted small">
                        ({formatNumber(d.requestsBefore)} in 6 months, {d.teams} teams)
                      </span>
                    </td>
                    <td data-cell="after">
                      {per(d.after)}{' '}
                      <span className="muted small">
                        ({formatNumber(d.requestsAfter)} in {d.afterMonths} months)
                      </span>
                    </td>
                    <td data-cell="ratio">{d.ratio === null ? '—' : formatPer(d.ratio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.map((d) =>
            d.byTeam.length > 0 ? (
              <details key={d.category} className="voice-details">
                <summary>
                  “{d.category}” requests per team ({d.byTeam.length} teams asked)
                </summary>
                <div className="table-wrap">
                  <table className="table table-compact" aria-label={`Deflection of ${d.category} per team`}>
                    <thead>
                      <tr>
                        <th scope="col">Team</th>
                        <th scope="col">Before, a month</th>
                        <th scope="col">After, a month</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.byTeam.map((t) => (
                        <tr key={t.team}>
                          <th scope="row">
                            <Link to={itemsPath('support', { team: parseRef(t.team).name })}>
                              {parseRef(t.team).name}
                            </Link>
                          </th>
                          <td>{formatPer(t.before)}</td>
                          <td>{per(t.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            ) : null,
          )}
        </>
      )}
      {isAdmin ? <LinkCategoryForm /> : null}
    </Card>
  );
}
