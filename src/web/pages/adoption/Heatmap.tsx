import { Link } from 'react-router-dom';
import type { AdoptionMatrix } from '../../api/types.js';
import { entityPath, pathOfRef } from '../../lib/refs.js';
import { formatDate, formatMonth } from '../../lib/format.js';
import { evidencePath, type CellState, type MatrixRow } from './matrix-model.js';

const STATE_TEXT: Record<CellState, string> = {
  voluntary: 'voluntary',
  mandated: 'mandated',
  churned: 'churned',
  none: 'not adopted',
};

export function HeatmapLegend() {
  return (
    <ul className="heatmap-legend" aria-label="Legend">
      {(['voluntary', 'mandated', 'churned', 'none'] as const).map((s) => (
        <li key={s}>
          <span className={`heatmap-swatch heatmap-${s}`} aria-hidden="true" />
          {s === 'none' ? 'Not adopted' : s.charAt(0).toUpperCase() + s.slice(1)}
        </li>
      ))}
    </ul>
  );
}

/** Teams × capabilities; row and column headers stay in view while scrolling; a cell opens its evidence. */
export function Heatmap({ matrix, rows }: { matrix: AdoptionMatrix; rows: MatrixRow[] }) {
  const using = matrix.capabilities.map(
    (cap) =>
      rows.filter((r) =>
        r.cells.some((c) => c.capability === cap.name && (c.state === 'voluntary' || c.state === 'mandated')),
      ).length,
  );
  return (
    <div className="heatmap-wrap" tabIndex={0} aria-label="Adoption heatmap (scrolls)">
      <table className="heatmap">
        <caption className="visually-hidden">Adoption by customer team and capability</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-corner">
              Team
            </th>
            {matrix.capabilities.map((cap) => (
              <th key={cap.name} scope="col" className="heatmap-cap">
                <Link to={entityPath('capability', cap.name) ?? '#'} title={cap.title ?? cap.name}>
                  {cap.title || cap.name}
                </Link>
              </th>
            ))}
            <th scope="col" className="heatmap-count">
              Uses
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = row.team.title || row.team.name;
            return (
              <tr key={row.team.ref} data-team={row.team.name}>
                <th scope="row" className="heatmap-team">
                  <Link to={pathOfRef(row.team.ref) ?? '#'}>{label}</Link>
                </th>
                {row.cells.map((cell, i) => {
                  const cap = matrix.capabilities[i];
                  const capLabel = cap?.title || cell.capability;
                  const capPath = entityPath('capability', cell.capability);
                  const tip =
                    cell.state === 'none'
                      ? `${label} · ${capLabel}: not adopted`
                      : `${label} · ${capLabel}: ${STATE_TEXT[cell.state]}, adopted ${formatDate(cell.adoptedAt)}`;
                  return (
                    <td
                      key={cell.capability}
                      className="heatmap-cell-td"
                      data-capability={cell.capability}
                      data-state={cell.state}
                    >
                      {cell.state === 'none' || !capPath ? (
                        <span className={`heatmap-cell heatmap-${cell.state}`} data-tip={tip}>
                          <span className="visually-hidden">{tip}</span>
                        </span>
                      ) : (
                        <Link
                          to={evidencePath(capPath, row.team.name)}
                          className={`heatmap-cell heatmap-${cell.state}`}
                          data-tip={`${tip} · open the evidence`}
                        >
                          <span aria-hidden="true">
                            {cell.state === 'churned' ? 'churned' : formatMonth(cell.adoptedAt)}
                          </span>
                          <span className="visually-hidden">{tip}: the evidence</span>
                        </Link>
                      )}
                    </td>
                  );
                })}
                <td className="heatmap-count num">{row.uses}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="heatmap-team">
              Teams using it
            </th>
            {using.map((n, i) => (
              <td key={matrix.capabilities[i]?.name ?? i} className="num">
                {n}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
