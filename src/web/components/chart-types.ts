/** The props every chart takes; apart from Chart.tsx so the drawings it loads need not import it. */
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
