import type { ChartProps } from './chart-types.js';
import { PALETTE } from './chart-palette.js';

/** Chart's `hbar` kind: one labelled row per datum, the bar's length proportional to its value. */
export function ChartBars({
  data,
  x,
  series,
  colorOf,
  formatX = String,
  formatValue = String,
  max,
  annotate,
}: ChartProps) {
  const s = series[0];
  if (!s) return null;
  const values = data.map((d) => Number(d[s.key] ?? 0));
  const full = max ?? Math.max(0, ...values);
  return (
    <ol className="hbars">
      {data.map((d, i) => {
        const value = values[i] ?? 0;
        const width = full > 0 ? Math.max(0, Math.min(100, (value / full) * 100)) : 0;
        const color = colorOf?.(d, i) ?? s.color ?? PALETTE[0];
        const label = formatX(String(d[x]));
        return (
          <li key={String(d[x])} className="hbar-row" data-bar={String(d[x])}>
            <span className="hbar-label">{label}</span>
            <span className="hbar-track" aria-hidden="true">
              <span className="hbar-fill" style={{ width: `${width}%`, background: color }} />
            </span>
            <span className="hbar-value">
              <strong data-testid={`bar-${String(d[x])}`}>{formatValue(value)}</strong>
              {annotate ? <span className="muted"> {annotate(d)}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
