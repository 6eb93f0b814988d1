import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SurveyWave } from '../../api/survey-types.js';
import { surveyKeys } from './survey-keys.js';

/** GET /surveys: every wave, newest first. */
export function useSurveys() {
  return useQuery({
    queryKey: surveyKeys.list,
    queryFn: ({ signal }) => api<{ items: SurveyWave[] }>('/surveys', { signal }),
  });
}
