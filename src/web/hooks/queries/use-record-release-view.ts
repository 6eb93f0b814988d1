import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/client.js';
import { releaseKeys } from './release-keys.js';

/**
 * POST /releases/{id}/views once per opening of a release page: a read of its notes feeds the funnel's "aware"
 * (the server counts a person once a day). Fire and forget, as useRecordView: a lost view never disturbs the page.
 */
export function useRecordReleaseView(id: number) {
  const client = useQueryClient();
  const recorded = useRef<number | null>(null);
  useEffect(() => {
    if (!(id > 0) || recorded.current === id) return;
    recorded.current = id;
    api<{ recorded: boolean }>(`/releases/${id}/views`, { method: 'POST' })
      .then((r) => (r.recorded ? client.invalidateQueries({ queryKey: releaseKeys.one(id) }) : undefined))
      .catch(() => undefined);
  }, [id, client]);
}
