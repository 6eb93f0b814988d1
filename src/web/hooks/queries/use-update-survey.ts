import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SurveyWave, UpdateWave } from '../../api/survey-types.js';
import { surveyKeys } from './survey-keys.js';

/** PATCH /surveys/{id} (platform team members): close a wave, or rename it. */
export function useUpdateSurvey(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWave) => api<SurveyWave>(`/surveys/${id}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}
