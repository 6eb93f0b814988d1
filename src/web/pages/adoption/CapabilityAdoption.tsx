import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useCapabilityAdoption } from '../../hooks/queries/use-capability-adoption.js';
import { useMandates } from '../../hooks/queries/use-mandates.js';
import { useRecordView } from '../../hooks/queries/use-record-view.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { RANGES, rangeStart, type RangeMonths } from '../../lib/adoption.js';
import { AdoptingTeams } from './AdoptingTeams.js';
import { AdoptionCurve } from './AdoptionCurve.js';
import { AdoptionFunnel } from './AdoptionFunnel.js';
import { AdoptionHeadline } from './AdoptionHeadline.js';
import { DeclareUse } from './DeclareUse.js';
import { Mandates } from './Mandates.js';
import { NotAdoptedTeams } from './NotAdoptedTeams.js';

const PARAMS = ['range', 'interval'] as const;

/** The Adoption section of a capability page: numbers, curve, funnel, teams with evidence, mandates, declarations. */
export function CapabilityAdoption({ name, title, namespace }: { name: string; title: string; namespace: string }) {
  useRecordView(name);
  const params = useFilterParams(PARAMS);
  const range = (RANGES as readonly number[]).includes(Number(params.values.range))
    ? (Number(params.values.range) as RangeMonths)
    : 12;
  const interval = params.values.interval === 'week' ? 'week' : 'month';
  const query = useCapabilityAdoption(name, { from: rangeStart(range), interval }, namespace);
  const mandates = useMandates(name);

  const heading = (
    <div className="section-header">
      <h2 id="adoption-heading">Adoption</h2>
      <p className="muted small">Measured from repository scans, usage events and declarations, as of today.</p>
    </div>
  );

  if (query.isPending) {
    return (
      <section className="adoption" aria-labelledby="adoption-heading">
        {heading}
        <Loading variant="stats" count={5} label="Loading adoption" />
        <div className="skeleton" style={{ height: 320 }} />
      </section>
    );
  }
  if (query.error && !query.data) {
    return (
      <section className="adoption" aria-labelledby="adoption-heading">
        {heading}
        <ErrorState error={query.error} retry={() => void query.refetch()} what="adoption" />
      </section>
    );
  }

  const a = query.data;
  const teams = [
    ...a.teams.map((t) => ({ ref: t.teamRef, label: t.title || t.team })),
    ...a.notAdopted.map((t) => ({ ref: t.teamRef, label: t.title || t.team })),
  ].sort((x, y) => x.label.localeCompare(y.label));

  return (
    <section className="adoption" aria-labelledby="adoption-heading">
      {heading}
      {a.summary.eligibleTeams === 0 && a.teams.length === 0 ? (
        <Card>
          <EmptyState title="No customer team is eligible yet">
            <p>
              Eligible teams are customer teams owning at least one service{'; '}a capability’s audience can narrow them
              to some component types.
            </p>
          </EmptyState>
        </Card>
      ) : (
        <>
          <AdoptionHeadline summary={a.summary} />
          <div className="grid-2 adoption-charts">
            <AdoptionCurve
              adoption={a}
              range={range}
              updating={query.isPlaceholderData}
              onRange={(m) => params.set('range', m === 12 ? '' : String(m))}
              onInterval={(i) => params.set('interval', i === 'month' ? '' : i)}
            />
            <AdoptionFunnel funnel={a.funnel} />
          </div>
          <AdoptingTeams teams={a.teams} />
          <NotAdoptedTeams teams={a.notAdopted} mandates={mandates.data?.items ?? []} />
        </>
      )}
      <div className="grid-2 adoption-admin">
        <Mandates capability={name} teams={teams} />
        <DeclareUse capability={name} title={title} teams={teams} />
      </div>
    </section>
  );
}
