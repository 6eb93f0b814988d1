import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { ShippingSummary } from '../../api/shipping-summary-types.js';

/** GET /shipping/summary: releases, notes, views, first vote to release, demos and migrations for [from, to). */
export function useShippingSummary(query: { from: string; to: string }) {
  return useQuery({
    queryKey: ['shipping', 'summary', query],
    queryFn: ({ signal }) => api<ShippingSummary>(withQuery('/shipping/summary', { ...query }), { signal }),
    placeholderData: keepPreviousData,
  });
}
