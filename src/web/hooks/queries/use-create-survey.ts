import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { CreateWave, SurveyWave } from '../../api/survey-types.js';
import { surveyKeys } from './survey-keys.js';

/** POST /surveys (platform team members): a wave and its personal links. */
export function useCreateSurvey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWave) => api<SurveyWave>('/surveys', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}
