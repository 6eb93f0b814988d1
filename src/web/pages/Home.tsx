import { Card } from '../components/Card.js';
import { EmptyState, ImportHint } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { Loading } from '../components/Loading.js';
import { PageHeader } from '../components/PageHeader.js';
import { useMe } from '../hooks/queries/use-me.js';
import { useOverview } from '../hooks/queries/use-overview.js';
import { CatalogStats, LifecycleChart } from './home/CatalogAtAGlance.js';
import { HOME_DAYS } from './home/compare.js';
import { HomeAdoption } from './home/HomeAdoption.js';
import { HomeAttention } from './home/HomeAttention.js';
import { HomeDelivery } from './home/HomeDelivery.js';
import { YourTeam } from './home/YourTeam.js';

/**
 * The platform's dashboard: a customer team's person sees their team first; then what changed in the last
 * 90 days (adoption, delivery, incidents, against the 90 before), what needs attention, and the catalog.
 */
export function HomePage() {
  const overview = useOverview();
  const me = useMe().data;
  const o = overview.data;

  return (
    <div className="page home">
      <PageHeader
        title="Your platform at a glance"
        subtitle={`What changed in the last ${HOME_DAYS} days, against the ${HOME_DAYS} before, and what needs attention.`}
      />
      {me?.teams[0] ? <YourTeam teamRef={me.teams[0]} /> : null}
      {overview.isPending ? (
        <Loading variant="stats" count={4} label="Loading headline numbers" />
      ) : overview.error ? (
        <ErrorState error={overview.error} retry={() => void overview.refetch()} what="the overview" />
      ) : o && o.services + o.capabilities + o.customerTeams + o.platformTeams === 0 ? (
        <Card>
          <EmptyState title="The catalog is empty">
            <ImportHint />
          </EmptyState>
        </Card>
      ) : o ? (
        <>
          <Card title="Adoption" className="home-adoption">
            <HomeAdoption />
          </Card>
          <div className="grid-2">
            <Card title="Delivery and incidents" className="home-delivery">
              <HomeDelivery />
            </Card>
            <Card title="Needs attention" className="home-attention">
              <HomeAttention />
            </Card>
          </div>
          <div className="grid-2">
            <Card title="Customers and capabilities">
              <CatalogStats o={o} />
            </Card>
            <Card title="Capabilities by lifecycle">
              <LifecycleChart o={o} />
            </Card>
          </div>
        </>
      ) : null}
    </div>
  );
}
