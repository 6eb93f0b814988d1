import type { AdoptionInterval, CapabilityAdoption } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { Chart } from '../../components/Chart.js';
import { EmptyState } from '../../components/EmptyState.js';
import { IntervalToggle, Segmented } from '../../components/Segmented.js';
import { ADOPTION_COLORS, RANGES, type RangeMonths } from '../../lib/adoption.js';
import { formatPeriod } from '../../lib/format.js';

interface Props {
  adoption: CapabilityAdoption;
  range: RangeMonths;
  onRange: (months: RangeMonths) => void;
  onInterval: (interval: AdoptionInterval) => void;
  updating: boolean;
}

/** Adopting teams over time, voluntary and mandated stacked, under the line of eligible teams. */
export function AdoptionCurve({ adoption, range, onRange, onInterval, updating }: Props) {
  const { series, interval } = adoption;
  const data = series.map((p) => ({
    period: p.periodStart,
    voluntary: p.voluntaryTeams,
    mandated: p.mandatedTeams,
    eligible: p.eligibleTeams,
  }));
  const nobody = series.every((p) => p.adoptingTeams === 0);
  const controls = (
    <div className="row chart-controls">
      {updating ? (
        <span className="muted small" aria-live="polite">
          Updating…
        </span>
      ) : null}
      <Segmented
        label="Range"
        value={range}
        onChange={onRange}
        options={RANGES.map((m) => ({ value: m, label: `${m} mo` }))}
      />
      <IntervalToggle value={interval} onChange={onInterval} />
    </div>
  );
  return (
    <Card title="Adoption over time" actions={controls} className="adoption-curve">
      {nobody ? (
        <EmptyState compact title="No team used it in this period">
          <p>
            Adoption appears once a repository scan matches its detect rules, usage events arrive, or a team declares
            that it uses it.
          </p>
        </EmptyState>
      ) : (
        <Chart
          kind="area"
          stacked
          curve="linear"
          title={`Teams using it, per ${interval}`}
          x="period"
          data={data}
          height={280}
          formatX={(v) => formatPeriod(v, interval)}
          series={[
            { key: 'voluntary', label: 'Voluntary', color: ADOPTION_COLORS.voluntary },
            { key: 'mandated', label: 'Mandated', color: ADOPTION_COLORS.mandated },
            { key: 'eligible', label: 'Eligible teams', color: ADOPTION_COLORS.eligible, as: 'line', dashed: true },
          ]}
        />
      )}
      <p className="muted small">Teams using it at the end of each {interval}; churned teams leave the curve.</p>
    </Card>
  );
}
