import { lazy, Suspense } from 'react';
import { ChartBars } from './ChartBars.js';
import type { ChartProps } from './chart-types.js';

const ChartDrawing = lazy(() => import('./ChartDrawing.js'));

export type { ChartProps, Datum, Series } from './chart-types.js';

/** The one chart wrapper: every chart in Paved goes through here, so they look and behave alike. */
export function Chart(props: ChartProps) {
  const { kind, data, x, series, title, height = 260, formatX = String, formatValue = String } = props;
  if (kind === 'hbar') {
    return (
      <figure className="chart" aria-label={title}>
        <ChartBars {...props} />
      </figure>
    );
  }
  return (
    <figure className="chart" aria-label={title}>
      <div aria-hidden="true" style={{ width: '100%', height }}>
        <Suspense fallback={<div className="skeleton" style={{ height: '100%' }} />}>
          <ChartDrawing {...props} />
        </Suspense>
      </div>
      {/* A table is never narrower than its content, so the 1-pixel box that hides it is a div around it: a table
          hidden by itself widened the page past the window. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{x}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((d, i) => (
              <tr key={i}>
                <th scope="row">{formatX(String(d[x]))}</th>
                {series.map((s) => (
                  <td key={s.key}>
                    {d[s.key] === null || d[s.key] === undefined ? '—' : formatValue(Number(d[s.key]))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
