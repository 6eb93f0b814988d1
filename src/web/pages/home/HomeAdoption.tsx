import { Link } from 'react-router-dom';
import type { AdoptionChanges } from '../../api/types.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { DefinedStat } from '../../components/DefinedStat.js';
import { DEFINITION } from '../../lib/definitions.js';
import { useAdoptionChanges } from '../../hooks/queries/use-adoption-changes.js';
import { median } from '../../../shared/median.js';
import { AdoptionMovers } from './AdoptionMovers.js';
import { AdoptionOverTime } from './AdoptionOverTime.js';
import { Change } from './Change.js';
import { HOME_DAYS } from './compare.js';
import { formatPercent } from '../../lib/format.js';

/** GA capabilities' adoption rates (adopting / eligible teams, DOMAIN.md), and their median. */
function gaRates(changes: AdoptionChanges) {
  const ga = changes.capabilities.filter((c) => c.lifecycle === 'ga' && c.eligibleTeams > 0);
  return { count: ga.length, median: median(ga.map((c) => c.adoptingNow / c.eligibleTeams)) };
}

/** Adoption now against 90 days ago: the totals, every capability's curve, the fastest-growing and the stalling. */
export function HomeAdoption() {
  const query = useAdoptionChanges(HOME_DAYS);
  if (query.isPending) return <Loading variant="stats" count={2} label="Loading adoption" />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} what="adoption" />;
  const c = query.data;
  if (c.capabilities.length === 0)
    return <p className="muted">No capability yet: adoption appears once the platform offers one.</p>;
  const ga = gaRates(c);
  const gained = c.adoptingNow - c.adoptingBefore;
  return (
    <>
      <div className="stats stats-2">
        <DefinedStat
          definition={DEFINITION.adopting}
          label="Adoptions in use"
          testId="home-adoptions"
          to="/adoption"
          value={c.adoptingNow}
          hint={
            <>
              customer team × capability pairs in use today
              <br />
              <Change
                now={c.adoptingNow}
                before={c.adoptingBefore}
                good="up"
                testId="home-adoptions-change"
                text={`${gained > 0 ? '+' : gained < 0 ? '−' : '±'}${Math.abs(gained)} since ${HOME_DAYS} days ago (${c.adoptingBefore})`}
              />
            </>
          }
        />
        <DefinedStat
          definition={DEFINITION.adoptionRate}
          label="Median adoption of GA capabilities"
          testId="home-ga-adoption"
          to="/capabilities?lifecycle=ga"
          value={formatPercent(ga.median)}
          hint={
            ga.count
              ? `half of the ${ga.count} GA capabilities are used by at least this share of their eligible teams`
              : 'no GA capability yet'
          }
        />
      </div>
      <AdoptionOverTime changes={c} />
      <AdoptionMovers changes={c} />
      <p className="small">
        <Link to="/adoption">See who uses what →</Link>
      </p>
    </>
  );
}
