import { Link } from 'react-router-dom';
import type { TeamDetail } from '../../api/types.js';
import { TeamKindBadge } from '../../components/Badge.js';
import { entityPath, pathOfRef, shortRef } from '../../lib/refs.js';

/** Where the team sits: its parent above, its sub-teams below. */
export function TeamHierarchy({ detail }: { detail: TeamDetail }) {
  const { team, parent, children } = detail;
  const parentPath = parent
    ? entityPath('team', parent.name, team.namespace)
    : team.parentRef
      ? pathOfRef(team.parentRef)
      : null;
  return (
    <div className="hierarchy">
      <p className="hierarchy-label">Parent</p>
      {parent ? (
        <Link to={parentPath ?? '#'}>{parent.title || parent.name}</Link>
      ) : team.parentRef ? (
        <span>
          <code>{shortRef(team.parentRef)}</code> <span className="muted small">(not in the catalog)</span>
        </span>
      ) : (
        <span className="muted">Top level</span>
      )}
      <p className="hierarchy-label">Sub-teams</p>
      {children.length === 0 ? (
        <span className="muted">None</span>
      ) : (
        <ul className="plain-list">
          {children.map((c) => (
            <li key={c.ref} className="row row-tight">
              <Link to={entityPath('team', c.name, c.namespace) ?? '#'}>{c.title || c.name}</Link>
              <TeamKindBadge kind={c.teamKind} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
