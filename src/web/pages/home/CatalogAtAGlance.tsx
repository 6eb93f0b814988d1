import { Link } from 'react-router-dom';
import type { Overview } from '../../api/types.js';
import { Chart } from '../../components/Chart.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Stat } from '../../components/Stat.js';
import { plural } from '../../lib/format.js';
import { LIFECYCLE_COLORS, LIFECYCLES, lifecycleLabel } from '../../lib/lifecycle.js';

/** Who the platform serves and what it offers: the catalog's counts. */
export function CatalogStats({ o }: { o: Overview }) {
  return (
    <>
      <div className="stats">
        <Stat label="Customer teams" value={o.customerTeams} to="/teams?kind=customer" hint="own services" />
        <Stat label="Platform teams" value={o.platformTeams} to="/teams?kind=platform" hint="own capabilities" />
        <Stat label="Services" value={o.services} to="/services" />
        <Stat label="Capabilities" value={o.capabilities} to="/capabilities" />
      </div>
      <p className="muted small">
        {plural(o.users, 'person', 'people')} in the catalog
        {o.orphaned > 0
          ? ` · ${plural(o.orphaned, 'orphaned entity', 'orphaned entities')} (gone from their source, kept with history)`
          : null}
      </p>
    </>
  );
}

/** Capabilities by lifecycle, experimental to retired. */
export function LifecycleChart({ o }: { o: Overview }) {
  if (o.capabilitiesByLifecycle.length === 0)
    return (
      <EmptyState compact title="No capabilities yet">
        <p>Add a Capability descriptor to your catalog, or create one on the Capabilities page.</p>
      </EmptyState>
    );
  return (
    <>
      {/* Rows, not columns: five lifecycle names never fit side by side on a phone. */}
      <Chart
        kind="hbar"
        title="Capabilities by lifecycle"
        x="lifecycle"
        series={[{ key: 'count', label: 'Capabilities' }]}
        data={LIFECYCLES.map((l) => ({
          lifecycle: l,
          count: o.capabilitiesByLifecycle.find((c) => c.lifecycle === l)?.count ?? 0,
        }))}
        colorOf={(d) => LIFECYCLE_COLORS[String(d.lifecycle)] ?? '#64748b'}
        formatX={lifecycleLabel}
      />
      <p className="small">
        <Link to="/capabilities">Open the storefront →</Link>
      </p>
    </>
  );
}
