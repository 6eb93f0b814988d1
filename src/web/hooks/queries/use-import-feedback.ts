import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { FeedbackImportResult } from '../../../modules/voice/feedback/sources/import-feedback.js';

/** POST /imports/feedback: a CSV file's text, all or nothing (the error's details name each bad line). */
export function useImportFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api<FeedbackImportResult>('/imports/feedback', {
        method: 'POST',
        body: { csv: await file.text(), source: file.name },
      }),
    // New items may show on any list of feedback.
    onSuccess: () => client.invalidateQueries(),
  });
}
