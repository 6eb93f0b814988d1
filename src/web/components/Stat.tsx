import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '../lib/format.js';

/** One headline number with its label; links to the list behind it. A value already formatted ("75 %") is shown as is. */
export function Stat({
  label,
  value,
  to,
  hint,
  testId,
}: {
  label: string;
  value: number | string;
  to?: string;
  hint?: ReactNode;
  testId?: string;
}) {
  const body = (
    <>
      <span className="stat-value" data-testid={`stat-${testId ?? label.toLowerCase().replace(/\s+/g, '-')}`}>
        {typeof value === 'number' ? formatNumber(value) : value}
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
