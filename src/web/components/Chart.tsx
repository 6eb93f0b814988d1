import { lazy, Suspense } from 'react';

const ChartDrawing = lazy(() => import('./ChartDrawing.js'));

export type Datum = Record<string, string | number | null>;

export interface Series {
  key: string;
  label: string;
  color?: string;
}

export interface ChartProps {
  kind: 'bar' | 'line' | 'pie';
  data: Datum[];
  /** The category key: x axis for bar and line, slice name for pie. */
  x: string;
  /** Value keys; pie uses the first. */
  series: Series[];
  /** Accessible name, and the caption of the data table screen readers get instead of the drawing. */
  title: string;
  height?: number;
  /** Per-category colour (single-series bars and pie slices). */
  colorOf?: (datum: Datum, index: number) => string;
  formatX?: (value: string) => string;
  formatValue?: (value: number) => string;
}

/** The one chart wrapper: every chart in Paved goes through here, so they look and behave alike. */
export function Chart(props: ChartProps) {
  const { data, x, series, title, height = 260, formatX = String, formatValue = String } = props;
  return (
    <figure className="chart" aria-label={title}>
      <div aria-hidden="true" style={{ width: '100%', height }}>
        <Suspense fallback={<div className="skeleton" style={{ height: '100%' }} />}>
          <ChartDrawing {...props} />
        </Suspense>
      </div>
      <table className="visually-hidden">
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
                <td key={s.key}>{d[s.key] === null || d[s.key] === undefined ? '—' : formatValue(Number(d[s.key]))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
