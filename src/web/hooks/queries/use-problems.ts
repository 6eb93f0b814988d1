import type { Problem } from '../../api/voice-types.js';
import { usePaged } from './paged.js';
import { voiceKeys } from './voice-keys.js';

/** GET /problems, newest first, with reach, hours lost per week, severity and RICE. */
export function useProblems(filters: { status?: string | undefined }) {
  return usePaged<{ items: Problem[]; nextCursor: string | null }>(voiceKeys.problems(filters), '/problems', filters);
}
