import { Link } from 'react-router-dom';
import type { Service } from '../api/types.js';
import { pathOfRef, shortRef } from '../lib/refs.js';
import { Badge } from './Badge.js';

/** A service or a capability: both name their owner the same way. */
type Owned = Pick<Service, 'owner' | 'ownerRef'>;

/** The owning team as a link; "unowned" with the raw reference when it points at no active team. */
export function OwnerLink({ entity }: { entity: Owned }) {
  if (entity.owner) {
    const to = pathOfRef(entity.owner.ref);
    const label = entity.owner.title || entity.owner.name;
    return to ? <Link to={to}>{label}</Link> : <span>{label}</span>;
  }
  if (entity.ownerRef) {
    return (
      <span className="owner-dangling">
        <Badge tone="warning" title="The owner reference points at no active team">
          unowned
        </Badge>{' '}
        <code>{shortRef(entity.ownerRef)}</code>
      </span>
    );
  }
  return <span className="muted">—</span>;
}
