import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '../lib/format.js';

/** One headline number with its label; links to the list behind it. */
export function Stat({ label, value, to, hint }: { label: string; value: number; to?: string; hint?: ReactNode }) {
  const body = (
    <>
      <span className="stat-value" data-testid={`stat-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {formatNumber(value)}
      </span>
      <span className="stat-label">{label}</span>
      {hint ? <span className="stat-hint">{hint}</span> : null}
    </>
  );
  return to ? (
    <Link className="stat" to={to}>
      {body}
    </Link>
  ) : (
    <div className="stat">{body}</div>
  );
}
