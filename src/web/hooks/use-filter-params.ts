import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Filters kept in the address bar, so a filtered list can be shared and survives reload. */
export function useFilterParams<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<K, string>;
  const set = useCallback(
    (name: K, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active = names.some((n) => values[n] !== '');
  return { values, set, clear, active };
}
