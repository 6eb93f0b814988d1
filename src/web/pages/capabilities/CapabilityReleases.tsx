import { Link } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { useCapabilityReleases } from '../../hooks/queries/use-capability-releases.js';
import { useAdministers } from '../../hooks/queries/use-me.js';
import { formatDate } from '../../lib/format.js';
import { takesAway } from '../../lib/release-kinds.js';
import { ReleaseTypeBadge, releasePath } from '../shipping/ReleaseParts.js';

const RECENT = 5;

/** The capability's newest releases, a link to all of them, and "New release" for its platform team. */
export function CapabilityReleases({ name, ownerRef }: { name: string; ownerRef: string | null }) {
  const releases = useCapabilityReleases(name, RECENT);
  const canWrite = useAdministers(ownerRef);
  const all = `/shipping?capability=${encodeURIComponent(name)}`;
  return (
    <Card
      title="Releases"
      className="capability-releases"
      actions={
        canWrite ? (
          <Link
            className="button button-small button-primary"
            to={`/shipping/releases/new?capability=${encodeURIComponent(name)}`}
          >
            New release
          </Link>
        ) : null
      }
    >
      {releases.isPending ? (
        <p className="muted small">Loading…</p>
      ) : releases.error ? (
        <p className="field-error">Could not load the releases: {releases.error.message}</p>
      ) : releases.data.items.length === 0 ? (
        <p className="muted">No release of this capability yet.</p>
      ) : (
        <>
          <ul className="voice-items" aria-label="Recent releases">
            {releases.data.items.map((r) => (
              <li key={r.id}>
                <Link to={releasePath(r.id)}>
                  {r.version}
                  {r.title ? ` · ${r.title}` : ''}
                </Link>
                <span className="voice-item-meta">
                  <ReleaseTypeBadge type={r.type} /> {formatDate(r.date)}
                  {takesAway(r.type) && r.deadline ? ` · deadline ${formatDate(r.deadline)}` : ''}
                </span>
              </li>
            ))}
          </ul>
          <Link className="voice-more" to={all}>
            All its releases →
          </Link>
        </>
      )}
    </Card>
  );
}
