/** Survey query keys (see keys.ts for the rest), so a survey write invalidates exactly the survey queries. */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  results: (id: number) => ['surveys', 'results', id] as const,
  invitations: (id: number) => ['surveys', 'invitations', id] as const,
  questions: (token: string) => ['survey-questions', token] as const,
};
