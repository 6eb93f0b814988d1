import type { VoiceWeek } from '../../../api/voice-dashboard-types.js';
import { Card } from '../../../components/Card.js';
import { Chart, type ChartProps } from '../../../components/Chart.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { useVoiceSeries } from '../../../hooks/queries/use-voice-series.js';
import type { VoiceQuery } from '../../../hooks/queries/use-voice-summary.js';
import { formatDate, formatNumber, formatTenths } from '../../../lib/format.js';

interface Trend {
  key: string;
  title: string;
  kind: ChartProps['kind'];
  series: ChartProps['series'];
  curve?: ChartProps['curve'];
  formatValue?: (v: number) => string;
}

const TRENDS: Trend[] = [
  {
    key: 'bugs',
    title: 'Bugs reported and fixed',
    kind: 'bar',
    series: [
      { key: 'bugsReported', label: 'Reported', color: '#db2777' },
      { key: 'bugsFixed', label: 'Fixed', color: '#15803d' },
    ],
  },
  {
    key: 'support',
    title: 'Support requests opened and resolved',
    kind: 'bar',
    series: [
      { key: 'supportOpened', label: 'Opened', color: '#4f46e5' },
      { key: 'supportResolved', label: 'Resolved', color: '#0d9488' },
    ],
  },
  {
    key: 'queue',
    title: 'Support queue at the week’s end',
    kind: 'area',
    curve: 'step',
    series: [{ key: 'queue', label: 'Open requests', color: '#d97706' }],
  },
  {
    key: 'first-response',
    title: 'Median first response (hours)',
    kind: 'bar',
    series: [{ key: 'medianHoursToFirstResponse', label: 'Median hours to first response', color: '#0ea5e9' }],
    formatValue: (v) => `${formatTenths(v)} h`,
  },
];

/** Weekly trends of bugs and support, each drawn through the one Chart wrapper. */
export function VoiceTrends({ query }: { query: VoiceQuery }) {
  const series = useVoiceSeries(query);
  return (
    <Card title="Week by week" className="voice-trends">
      {series.isPending ? (
        <div className="trend-grid voice-trend-grid">
          {TRENDS.map((t) => (
            <div key={t.key} className="skeleton" style={{ height: 200 }} />
          ))}
        </div>
      ) : series.error && !series.data ? (
        <ErrorState error={series.error} retry={() => void series.refetch()} what="the weekly trends" />
      ) : (
        <div className="trend-grid voice-trend-grid">
          {TRENDS.map((t) => (
            <div key={t.key} className="trend" data-trend={t.key}>
              <h3 className="trend-title">{t.title}</h3>
              <Chart
                kind={t.kind}
                title={`${t.title}, per week`}
                x="week"
                data={series.data.weeks.map((w: VoiceWeek) => ({ ...w }))}
                height={180}
                series={t.series}
                {...(t.curve ? { curve: t.curve } : {})}
                formatX={formatDate}
                formatValue={t.formatValue ?? formatNumber}
              />
            </div>
          ))}
        </div>
      )}
      <p className="muted small">
        Weeks start on Monday (UTC); the first and last may be partial. A week without an answered request has no
        median.
      </p>
    </Card>
  );
}
