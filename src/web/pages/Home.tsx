import { Link } from 'react-router-dom';
import { Card } from '../components/Card.js';
import { Chart } from '../components/Chart.js';
import { EmptyState, ImportHint } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { Loading } from '../components/Loading.js';
import { HomeAdoption } from './adoption/HomeAdoption.js';
import { PageHeader } from '../components/PageHeader.js';
import { Stat } from '../components/Stat.js';
import { useOverview } from '../hooks/queries/use-overview.js';
import { plural } from '../lib/format.js';
import { LIFECYCLE_COLORS, LIFECYCLES, lifecycleLabel } from '../lib/lifecycle.js';

/** The platform at a glance: who it serves, what it offers, and (later) how it is adopted and delivers. */
export function HomePage() {
  const overview = useOverview();
  const o = overview.data;

  return (
    <div className="page">
      <PageHeader title="Your platform at a glance" subtitle="Customers, capabilities and the catalog they live in." />
      {overview.isPending ? (
        <Loading variant="stats" count={4} label="Loading headline numbers" />
      ) : overview.error ? (
        <ErrorState error={overview.error} retry={() => void overview.refetch()} what="the overview" />
      ) : o ? (
        <>
          <div className="stats">
            <Stat label="Customer teams" value={o.customerTeams} to="/teams?kind=customer" hint="own services" />
            <Stat label="Platform teams" value={o.platformTeams} to="/teams?kind=platform" hint="own capabilities" />
            <Stat label="Services" value={o.services} to="/services" />
            <Stat label="Capabilities" value={o.capabilities} to="/capabilities" />
          </div>
          <p className="muted small">
            {plural(o.users, 'person', 'people')} in the catalog
            {o.orphaned > 0 ? (
              <>
                {' · '}
                {plural(o.orphaned, 'orphaned entity', 'orphaned entities')} (gone from their source, kept with history)
              </>
            ) : null}
          </p>
          {o.services + o.capabilities + o.customerTeams + o.platformTeams === 0 ? (
            <Card>
              <EmptyState title="The catalog is empty">
                <ImportHint />
              </EmptyState>
            </Card>
          ) : (
            <div className="grid-2">
              <Card title="Capabilities by lifecycle" actions={<Link to="/capabilities">Open the storefront →</Link>}>
                {o.capabilitiesByLifecycle.length === 0 ? (
                  <EmptyState compact title="No capabilities yet">
                    <p>Add a Capability descriptor to your catalog, or create one on the Capabilities page.</p>
                  </EmptyState>
                ) : (
                  <Chart
                    kind="bar"
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
                )}
              </Card>
              <Card title="Adoption and delivery">
                <HomeAdoption />
              </Card>
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
