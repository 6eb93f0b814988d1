import { Link } from 'react-router-dom';
import type { NamedRef } from '../../api/types.js';
import { pathOfRef } from '../../lib/refs.js';

/** A service or team named in a delivery row, linked to its catalog page. */
export function RefLink({ value, kind }: { value: NamedRef | null; kind: 'component' | 'group' }) {
  if (!value) return <span className="muted">—</span>;
  const to = pathOfRef(value.ref, kind);
  return to ? <Link to={to}>{value.name}</Link> : <span>{value.name}</span>;
}

/** A commit id, short, with the whole id on hover. */
export function Commit({ sha }: { sha: string | null }) {
  return sha ? (
    <code title={sha} className="commit">
      {sha.slice(0, 7)}
    </code>
  ) : (
    <span className="muted">—</span>
  );
}
