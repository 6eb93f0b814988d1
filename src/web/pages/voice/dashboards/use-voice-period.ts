import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { resolvePeriod, type Period } from '../../../lib/delivery-scope.js';

export interface VoicePeriod {
  period: Period;
  capability: string;
  platformTeam: string;
  /** Sets (or, with '' or null, removes) address-bar values, so the view stays shareable. */
  update: (changes: Record<string, string | null>) => void;
}

/** The period (`?range=`, `?quarter=` or `?from=&to=`, as on the delivery pages) and filters of the SLA page. */
export function useVoicePeriod(): VoicePeriod {
  const [params, setParams] = useSearchParams();
  const [range, from, to, quarter] = ['range', 'from', 'to', 'quarter'].map((k) => params.get(k) ?? '');
  const period = useMemo(
    () => resolvePeriod({ range: range ?? '', from: from ?? '', to: to ?? '', quarter: quarter ?? '' }),
    [range, from, to, quarter],
  );
  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { period, capability: params.get('capability') ?? '', platformTeam: params.get('platformTeam') ?? '', update };
}
