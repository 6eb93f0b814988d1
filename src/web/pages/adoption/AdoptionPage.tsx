import type { AdoptionMatrix } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { EmptyState, ImportHint } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Segmented } from '../../components/Segmented.js';
import { Stat } from '../../components/Stat.js';
import { useAdoptionMatrix } from '../../hooks/queries/use-adoption-matrix.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { Heatmap, HeatmapLegend } from './Heatmap.js';
import { matrixHeadline, matrixRows, type MatrixSort } from './matrix-model.js';
import { formatPercent } from '../../lib/format.js';

const PARAMS = ['sort'] as const;

/** Who uses what across the platform: customer teams × capabilities, by choice or by mandate. */
export function AdoptionPage() {
  const matrix = useAdoptionMatrix();
  const params = useFilterParams(PARAMS);
  const sort: MatrixSort = params.values.sort === 'uses' ? 'uses' : 'name';
  const m = matrix.data;

  return (
    <div className="page">
      <PageHeader
        title="Adoption"
        subtitle="Which customer teams use which capabilities, and whether they chose them or were required to."
      />
      {matrix.isPending ? (
        <>
          <Loading variant="stats" count={4} label="Loading adoption" />
          <Loading variant="table" count={6} label="Loading the heatmap" />
        </>
      ) : matrix.error ? (
        <ErrorState error={matrix.error} retry={() => void matrix.refetch()} what="the adoption matrix" />
      ) : m && (m.teams.length === 0 || m.capabilities.length === 0) ? (
        <EmptyState title={m.teams.length === 0 ? 'No customer teams yet' : 'No capabilities yet'}>
          <p>The heatmap needs customer teams (teams owning services) and capabilities.</p>
          <ImportHint />
        </EmptyState>
      ) : m ? (
        <AdoptionOverview matrix={m} sort={sort} onSort={(s) => params.set('sort', s === 'name' ? '' : s)} />
      ) : null}
    </div>
  );
}

function AdoptionOverview({
  matrix,
  sort,
  onSort,
}: {
  matrix: AdoptionMatrix;
  sort: MatrixSort;
  onSort: (s: MatrixSort) => void;
}) {
  const h = matrixHeadline(matrix);
  return (
    <>
      <div className="stats">
        <Stat
          label="Teams using the platform"
          testId="teams-using"
          value={`${h.teamsUsing} / ${h.customerTeams}`}
          hint={`${formatPercent(h.teamRate)} of customer teams use at least one capability`}
        />
        <Stat label="Adoptions" testId="adoptions" value={h.adoptions} hint="team × capability pairs in use" />
        <Stat
          label="Voluntary share"
          testId="matrix-voluntary-share"
          value={formatPercent(h.voluntaryShare)}
          hint={`${h.voluntary} of ${h.adoptions} chosen freely`}
        />
        <Stat label="Churned" testId="matrix-churned" value={h.churned} hint="team × capability pairs that stopped" />
      </div>
      <Card
        title="Teams × capabilities"
        actions={
          <Segmented
            label="Sort teams by"
            value={sort}
            onChange={onSort}
            options={[
              { value: 'name', label: 'Team name' },
              { value: 'uses', label: 'Capabilities used' },
            ]}
          />
        }
      >
        <HeatmapLegend />
        <Heatmap matrix={matrix} rows={matrixRows(matrix, sort)} />
      </Card>
    </>
  );
}
