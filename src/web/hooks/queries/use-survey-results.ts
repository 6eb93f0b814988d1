import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SurveyResults } from '../../api/survey-types.js';
import { surveyKeys } from './survey-keys.js';

/** GET /surveys/{id}/results: NPS, CSAT, response rate, team breakdown and comments. */
export function useSurveyResults(id: number) {
  return useQuery({
    queryKey: surveyKeys.results(id),
    queryFn: ({ signal }) => api<SurveyResults>(`/surveys/${id}/results`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
