import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { RoadmapCreate, RoadmapItem, RoadmapPatch } from '../../api/voice-types.js';
import { voiceKeys } from './voice-keys.js';

/** GET /roadmap; with a team, each item lists the team's pains and requests it answers. */
export function useRoadmap(team?: string) {
  const filters = team ? { team } : {};
  return useQuery({
    queryKey: voiceKeys.roadmap(filters),
    queryFn: ({ signal }) => api<{ items: RoadmapItem[] }>(withQuery('/roadmap', filters), { signal }),
  });
}

/** POST /roadmap (owners of the capability, or any platform member for an item without one). */
export function useCreateRoadmapItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RoadmapCreate) => api<RoadmapItem>('/roadmap', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}

/** PATCH /roadmap/{id}: move it (status), or change its fields and links. */
export function useChangeRoadmapItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: RoadmapPatch }) =>
      api<RoadmapItem>(`/roadmap/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: voiceKeys.all }),
  });
}
