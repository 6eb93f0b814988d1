import { Link } from 'react-router-dom';
import { useAdoptionMatrix } from '../../hooks/queries/use-adoption-matrix.js';
import { formatPercent } from '../../lib/adoption.js';
import { matrixHeadline } from './matrix-model.js';

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className={value === '—' ? 'placeholder-stat' : 'placeholder-stat placeholder-stat-live'}>
      <span className={value === '—' ? 'stat-value muted' : 'stat-value'} data-testid={testId}>
        {value}
      </span>
      <span className="stat-label">{label}</span>
      {hint ? <span className="stat-hint">{hint}</span> : null}
    </div>
  );
}

/** The home page's adoption headlines, from the matrix; delivery stays a placeholder until deployments arrive. */
export function HomeAdoption() {
  const matrix = useAdoptionMatrix();
  const h = matrix.data ? matrixHeadline(matrix.data) : null;
  const loading = matrix.isPending ? '…' : '—';
  return (
    <>
      <div className="placeholder-grid">
        <Figure
          label="Adoption rate"
          testId="home-adoption-rate"
          value={h ? formatPercent(h.teamRate) : loading}
          hint={h ? `${h.teamsUsing} of ${h.customerTeams} customer teams use a capability` : undefined}
        />
        <Figure
          label="Voluntary share"
          testId="home-voluntary-share"
          value={h ? formatPercent(h.voluntaryShare) : loading}
          hint={h ? `${h.voluntary} of ${h.adoptions} adoptions chosen freely` : undefined}
        />
        <Figure label="Deployment frequency" value="—" />
        <Figure label="Change lead time" value="—" />
      </div>
      <p className="muted small">
        {matrix.error ? 'Adoption could not be loaded. ' : null}
        {h ? (
          <>
            <Link to="/adoption">See who uses what →</Link> ·{' '}
          </>
        ) : null}
        Delivery appears once deployments arrive.
      </p>
    </>
  );
}
