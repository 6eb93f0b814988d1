import { useEffect, useRef } from 'react';
import { api } from '../../api/client.js';
import type { CapabilityView } from '../../api/types.js';

/**
 * POST /capabilities/{name}/views once per opening of a capability page: it feeds the funnel's "aware".
 * Fire and forget: a lost view must never disturb the page.
 */
export function useRecordView(name: string, kind: NonNullable<CapabilityView['kind']> = 'page') {
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!name || recorded.current === name) return;
    recorded.current = name;
    api<void>(`/capabilities/${encodeURIComponent(name)}/views`, {
      method: 'POST',
      body: { kind } satisfies CapabilityView,
    }).catch(() => undefined);
  }, [name, kind]);
}
