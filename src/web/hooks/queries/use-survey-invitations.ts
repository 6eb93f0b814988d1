import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { SurveyInvitation } from '../../api/survey-types.js';
import { surveyKeys } from './survey-keys.js';

/** GET /surveys/{id}/invitations (platform team members): the personal links, loaded when asked for. */
export function useSurveyInvitations(id: number, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.invitations(id),
    queryFn: ({ signal }) => api<{ items: SurveyInvitation[] }>(`/surveys/${id}/invitations`, { signal }),
    enabled,
  });
}
