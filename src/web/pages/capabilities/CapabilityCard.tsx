import { Link } from 'react-router-dom';
import type { Capability } from '../../api/types.js';
import { LifecycleBadge, StatusBadge } from '../../components/Badge.js';
import { OwnerLink } from '../../components/OwnerLink.js';
import { entityPath, safeUrl } from '../../lib/refs.js';

/** One capability in the storefront: what it is, how mature, who runs it, where its docs are. */
export function CapabilityCard({ capability: c }: { capability: Capability }) {
  const docs = safeUrl(c.docs);
  return (
    <article className="card capability-card" aria-labelledby={`cap-${c.namespace}-${c.name}`}>
      <div className="capability-card-top">
        <h2 id={`cap-${c.namespace}-${c.name}`} className="capability-card-title">
          <Link to={entityPath('capability', c.name, c.namespace) ?? '#'} className="stretched">
            {c.title || c.name}
          </Link>
        </h2>
        <div className="badges">
          <LifecycleBadge lifecycle={c.lifecycle} />
          <StatusBadge status={c.status} />
        </div>
      </div>
      {c.title ? <p className="mono muted small">{c.name}</p> : null}
      <p className="capability-card-description">
        {c.description || <span className="muted">No description yet.</span>}
      </p>
      <dl className="capability-card-meta">
        <div>
          <dt>Owner</dt>
          <dd>
            <OwnerLink entity={c} />
          </dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{c.category ?? <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>Docs</dt>
          <dd>
            {docs ? (
              <a href={docs} target="_blank" rel="noreferrer noopener" className="raise">
                Documentation ↗
              </a>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}
