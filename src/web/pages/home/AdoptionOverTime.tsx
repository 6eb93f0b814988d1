import type { AdoptionChanges } from '../../api/types.js';
import { Chart } from '../../components/Chart.js';
import { formatPeriod } from '../../lib/format.js';

/** Every capability's adopting teams at the end of each of the last 12 months, one line each. */
export function AdoptionOverTime({ changes }: { changes: AdoptionChanges }) {
  const caps = changes.capabilities.filter((c) => c.series.some((p) => p.adoptingTeams > 0));
  if (caps.length === 0) return null;
  const starts = caps[0]?.series.map((p) => p.periodStart) ?? [];
  const data = starts.map((start, i) => ({
    period: start,
    ...Object.fromEntries(caps.map((c) => [c.name, c.series[i]?.adoptingTeams ?? null])),
  }));
  return (
    <Chart
      kind="line"
      title="Adopting teams per capability, last 12 months"
      x="period"
      curve="step"
      // The legend shares the chart's height: with a dozen capabilities it takes several lines on a phone.
      height={220 + 12 * caps.length}
      data={data}
      series={caps.map((c) => ({ key: c.name, label: c.title || c.name, dashed: c.lifecycle === 'deprecated' }))}
      formatX={(v) => formatPeriod(v, 'month')}
    />
  );
}
