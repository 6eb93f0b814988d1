import { Link } from 'react-router-dom';
import type { AdoptionChanges, CapabilityChange } from '../../api/types.js';
import { LifecycleBadge } from '../../components/Badge.js';
import { entityPath } from '../../lib/refs.js';
import { HOME_DAYS } from './compare.js';

function Capability({ c, children }: { c: CapabilityChange; children: React.ReactNode }) {
  return (
    <li data-capability={c.name}>
      <Link to={entityPath('capability', c.name) ?? '#'}>{c.title || c.name}</Link>{' '}
      <LifecycleBadge lifecycle={c.lifecycle} /> <span className="muted">{children}</span>
    </li>
  );
}

/** The capabilities that gained the most teams in the period, and those on offer that gained none. */
export function AdoptionMovers({ changes }: { changes: AdoptionChanges }) {
  const byName = new Map(changes.capabilities.map((c) => [c.name, c]));
  const pick = (names: string[]) => names.map((n) => byName.get(n)).filter((c): c is CapabilityChange => !!c);
  const growing = pick(changes.fastestGrowing);
  const stalling = pick(changes.stalling);
  return (
    <div className="grid-2 home-movers">
      <section aria-labelledby="home-growing">
        <h3 className="subheading" id="home-growing">
          Fastest-growing, last {HOME_DAYS} days
        </h3>
        {growing.length ? (
          <ul className="home-list" aria-label="Fastest-growing capabilities">
            {growing.map((c) => (
              <Capability key={c.name} c={c}>
                +{c.change} {c.change === 1 ? 'team' : 'teams'} ({c.adoptingBefore} → {c.adoptingNow} of{' '}
                {c.eligibleTeams})
              </Capability>
            ))}
          </ul>
        ) : (
          <p className="muted small">No capability gained a team.</p>
        )}
      </section>
      <section aria-labelledby="home-stalling">
        <h3 className="subheading" id="home-stalling">
          Stalling
        </h3>
        {stalling.length ? (
          <ul className="home-list" aria-label="Stalling capabilities">
            {stalling.map((c) => (
              <Capability key={c.name} c={c}>
                {c.change < 0 ? `${c.change} ` : 'no new '}
                {Math.abs(c.change) === 1 ? 'team' : 'teams'} · {c.adoptingNow} of {c.eligibleTeams} use it
              </Capability>
            ))}
          </ul>
        ) : (
          <p className="muted small">
            Every capability on offer gained a team or is used by half its eligible teams or more.
          </p>
        )}
        <p className="muted small">
          On offer (experimental, beta, GA), no team gained, used by fewer than half their eligible teams.
        </p>
      </section>
    </div>
  );
}
