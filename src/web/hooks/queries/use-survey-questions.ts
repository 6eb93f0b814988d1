import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { SurveyQuestions } from '../../api/survey-types.js';
import { surveyKeys } from './survey-keys.js';

/** GET /surveys/answer?token= (no sign-in): the questions behind a personal link and the answer so far. */
export function useSurveyQuestions(token: string) {
  return useQuery({
    queryKey: surveyKeys.questions(token),
    queryFn: ({ signal }) => api<SurveyQuestions>(withQuery('/surveys/answer', { token }), { signal }),
    enabled: token !== '',
  });
}
