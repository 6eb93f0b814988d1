import type { CapabilityAdoption } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { Chart } from '../../components/Chart.js';
import { DefinitionLink } from '../../components/DefinitionLink.js';
import { ADOPTION_COLORS } from '../../lib/adoption.js';
import { DEFINITION } from '../../lib/definitions.js';
import { formatPercent } from '../../lib/format.js';

const STEPS = [
  { key: 'eligible', label: 'Eligible', help: 'customer teams it is meant for', color: '#94a3b8' },
  { key: 'aware', label: 'Aware', help: 'viewed it or its release notes', color: '#0ea5e9' },
  { key: 'tried', label: 'Tried', help: 'sent a first signal', color: ADOPTION_COLORS.mandated },
  { key: 'active', label: 'Active', help: 'signal in the last 30 days', color: ADOPTION_COLORS.voluntary },
  {
    key: 'retained',
    label: 'Retained',
    help: 'were still active 90 days after adopting, whether or not they use it today',
    color: '#15803d',
  },
] as const;

/**
 * Aware → tried → active → retained, each as teams and as a share of eligible teams. Active is counted today and
 * retained at each team's 90th day (DOMAIN.md), so retained can exceed active once teams stop: the note says so.
 */
export function AdoptionFunnel({ funnel }: { funnel: CapabilityAdoption['funnel'] }) {
  const data = STEPS.map((s) => ({ step: s.key, teams: funnel[s.key] }));
  const label = (key: string) => STEPS.find((s) => s.key === key)?.label ?? key;
  return (
    <Card title="Funnel" className="adoption-funnel">
      <Chart
        kind="hbar"
        title="Adoption funnel, in teams"
        x="step"
        data={data}
        series={[{ key: 'teams', label: 'Teams' }]}
        max={Math.max(funnel.eligible, funnel.aware, funnel.tried, 1)}
        formatX={label}
        colorOf={(d) => STEPS.find((s) => s.key === d.step)?.color ?? ADOPTION_COLORS.eligible}
        annotate={(d) =>
          d.step === 'eligible'
            ? 'teams'
            : `· ${formatPercent(funnel.eligible ? Number(d.teams) / funnel.eligible : null)}`
        }
      />
      {funnel.retained > funnel.active ? (
        <p className="muted small" data-testid="funnel-retained-note">
          Retained ({funnel.retained}) is above active ({funnel.active}): {funnel.retained} teams were still using it 90
          days after adopting, and some of them have stopped since. Active counts only the teams using it today.
        </p>
      ) : null}
      <dl className="funnel-help">
        {STEPS.slice(1).map((s) => (
          <div key={s.key}>
            <dt>{s.label}</dt>
            <dd>{s.help}</dd>
          </div>
        ))}
      </dl>
      <DefinitionLink anchor={DEFINITION.funnel}>How the funnel is counted</DefinitionLink>
    </Card>
  );
}
