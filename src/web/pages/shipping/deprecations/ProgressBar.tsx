import { formatPercent } from '../../../lib/format.js';

/** Migrated of affected services as a bar, with the count beside it. */
export function ProgressBar({ migrated, affected, label }: { migrated: number; affected: number; label: string }) {
  const ratio = affected === 0 ? null : migrated / affected;
  return (
    <div className="migration-progress">
      <div
        className="hbar-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={affected}
        aria-valuenow={migrated}
      >
        <span className="hbar-fill migration-fill" style={{ width: `${(ratio ?? 0) * 100}%` }} />
      </div>
      <span className="hbar-value">
        {migrated} of {affected} · {formatPercent(ratio)}
      </span>
    </div>
  );
}
