import { lazy, Suspense } from 'react';
import { ChartBars } from './ChartBars.js';

const ChartDrawing = lazy(() => import('./ChartDrawing.js'));

export type Datum = Record<string, string | number | null>;

export interface Series {
  key: string;
  label: string;
  color?: string;
  /** In an area chart, draw this series as a line over the stacked areas (a total, a ceiling). */
  as?: 'line';
  dashed?: boolean;
}

export interface ChartProps {
  /** `hbar`: labelled horizontal bars in HTML (funnels, rankings); the others are drawn by recharts. */
  kind: 'bar' | 'line' | 'pie' | 'area' | 'hbar';
  data: Datum[];
  /** The category key: x axis for bar, line and area, slice name for pie, bar label for hbar. */
  x: string;
  /** Value keys; pie and hbar use the first. */
  series: Series[];
  /** Accessible name, and the caption of the data table screen readers get instead of the drawing. */
  title: string;
  height?: number;
  /** Stack the bar or area series (those not drawn `as: 'line'`) on one another. */
  stacked?: boolean;
  /** How lines and areas join their points: smooth (default), straight, or in steps (counts that change at a date). */
  curve?: 'smooth' | 'linear' | 'step';
  /** Per-category colour (single-series bars, hbar rows and pie slices). */
  colorOf?: (datum: Datum, index: number) => string;
  formatX?: (value: string) => string;
  formatValue?: (value: number) => string;
  /** hbar: the value of a full-width bar (default: the largest value). */
  max?: number;
  /** hbar: a second, quieter figure after the value, e.g. "75 % of eligible". */
  annotate?: (datum: Datum) => string;
}

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
