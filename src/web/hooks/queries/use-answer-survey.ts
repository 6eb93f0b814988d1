import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AnswerBody } from '../../api/survey-types.js';
import { surveyKeys } from './survey-keys.js';

/** POST /surveys/answer (no sign-in): store, or replace, the answer of a personal link. */
export function useAnswerSurvey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerBody) => api<{ answered: true }>('/surveys/answer', { method: 'POST', body }),
    onSuccess: (_, body) => client.invalidateQueries({ queryKey: surveyKeys.questions(body.token) }),
  });
}
