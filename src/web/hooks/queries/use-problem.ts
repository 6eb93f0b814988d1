import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Problem } from '../../api/voice-types.js';
import { voiceKeys } from './voice-keys.js';

/** GET /problems/{id}: its items, teams, reach, hours lost per week, severity and RICE. */
export function useProblem(id: number) {
  return useQuery({
    queryKey: voiceKeys.problem(id),
    queryFn: ({ signal }) => api<Problem>(`/problems/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}
