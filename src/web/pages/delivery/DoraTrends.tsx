import type { DoraInterval, DoraPoint } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { Chart, type Datum } from '../../components/Chart.js';
import { ErrorState } from '../../components/ErrorState.js';
import { IntervalToggle } from '../../components/Segmented.js';
import { useDoraSeries } from '../../hooks/queries/use-dora-series.js';
import type { DoraQuery } from '../../hooks/queries/use-dora.js';
import { formatNumber, formatPeriod, formatTenths } from '../../lib/format.js';

interface Trend {
  key: string;
  title: string;
  value: (p: DoraPoint) => number | null;
  unit: 'count' | 'hours' | 'rate';
  color: string;
}

const TRENDS: Trend[] = [
  { key: 'deployments', title: 'Deployments', value: (p) => p.deployments, unit: 'count', color: '#4f46e5' },
  {
    key: 'lead-time',
    title: 'Change lead time (median)',
    value: (p) => p.changeLeadTime.medianHours,
    unit: 'hours',
    color: '#0ea5e9',
  },
  {
    key: 'change-fail-rate',
    title: 'Change fail rate',
    value: (p) => p.changeFailRate.value,
    unit: 'rate',
    color: '#db2777',
  },
  {
    key: 'recovery-time',
    title: 'Failed deployment recovery (median)',
    value: (p) => p.failedDeploymentRecoveryTime.medianHours,
    unit: 'hours',
    color: '#d97706',
  },
  { key: 'rework-rate', title: 'Rework rate', value: (p) => p.reworkRate.value, unit: 'rate', color: '#9333ea' },
  {
    key: 'incident-recovery',
    title: 'Incident recovery time (median)',
    value: (p) => p.incidentRecoveryTime.medianHours,
    unit: 'hours',
    color: '#0d9488',
  },
];

/**
 * The values to draw and how to label them. The axis is narrow, so durations are drawn in hours, or in days when
 * some period reaches three days; rates in percent.
 */
function scaled(t: Trend, points: DoraPoint[]): { data: Datum[]; format: (v: number) => string } {
  const values = points.map((p) => t.value(p));
  let toChart = (v: number) => v;
  let format = formatNumber;
  if (t.unit === 'rate') {
    toChart = (v) => Math.round(v * 1000) / 10;
    format = (v) => `${formatTenths(v)}%`;
  } else if (t.unit === 'hours') {
    const days = values.some((v) => v !== null && v >= 72);
    toChart = (v) => (days ? v / 24 : v);
    format = (v) => `${formatTenths(v)} ${days ? 'd' : 'h'}`;
  }
  return {
    data: points.map((p, i) => ({ period: p.start, value: values[i] == null ? null : toChart(values[i] as number) })),
    format,
  };
}

/** One small bar chart per metric and calendar week or month; a period with nothing to measure has no bar. */
export function DoraTrends({
  query,
  interval,
  onInterval,
}: {
  query: DoraQuery;
  interval: DoraInterval;
  onInterval: (i: DoraInterval) => void;
}) {
  const series = useDoraSeries({ ...query, interval });
  const controls = (
    <div className="row chart-controls">
      {series.isPlaceholderData ? (
        <span className="muted small" aria-live="polite">
          Updating…
        </span>
      ) : null}
      <IntervalToggle value={interval} onChange={onInterval} />
    </div>
  );
  return (
    <Card title="Trends" actions={controls} className="dora-trends">
      {series.isPending ? (
        <div className="trend-grid">
          {TRENDS.map((t) => (
            <div key={t.key} className="skeleton" style={{ height: 200 }} />
          ))}
        </div>
      ) : series.error && !series.data ? (
        <ErrorState error={series.error} retry={() => void series.refetch()} what="the trends" />
      ) : (
        <div className="trend-grid">
          {TRENDS.map((t) => {
            const { data, format } = scaled(t, series.data.points);
            return (
              <div key={t.key} className="trend" data-trend={t.key}>
                <h3 className="trend-title">{t.title}</h3>
                <Chart
                  kind="bar"
                  title={`${t.title}, per ${series.data.interval}`}
                  x="period"
                  data={data}
                  height={170}
                  series={[{ key: 'value', label: t.title, color: t.color }]}
                  formatX={(v) => formatPeriod(v, series.data.interval)}
                  formatValue={format}
                />
              </div>
            );
          })}
        </div>
      )}
      <p className="muted small">
        Calendar {interval}s in UTC; the last one may be partial. Medians and rates need at least one deployment or
        incident in the {interval}.
      </p>
    </Card>
  );
}
