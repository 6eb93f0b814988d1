import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { DoraQuery } from './queries/use-dora.js';
import { parseScope, resolvePeriod, scopeParam, type Period, type Scope } from '../lib/delivery-scope.js';

export interface ScopePeriod {
  scope: Scope;
  period: Period;
  /** What the delivery endpoints take: `scope`, `from`, `to`. */
  query: DoraQuery;
  /** A page's other address-bar values (e.g. `list`, `status`). */
  param: (name: string) => string;
  /** Sets (or, with '' or null, removes) address-bar values; the view stays shareable and survives reload. */
  update: (changes: Record<string, string | null>) => void;
}

/** The scope (`?scope=org|team:x|service:x`) and period (`?range=`, `?quarter=2025-Q1` or `?from=&to=`) of the delivery pages. */
export function useScopePeriod(): ScopePeriod {
  const [params, setParams] = useSearchParams();
  const rawScope = params.get('scope');
  const range = params.get('range') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const quarter = params.get('quarter') ?? '';
  const scope = useMemo(() => parseScope(rawScope), [rawScope]);
  const period = useMemo(() => resolvePeriod({ range, from, to, quarter }), [range, from, to, quarter]);
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
  return {
    scope,
    period,
    query: { scope: scopeParam(scope), from: period.from, to: period.to },
    param: (name) => params.get(name) ?? '',
    update,
  };
}
