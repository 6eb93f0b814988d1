import type { Inbox } from '../../api/voice-types.js';
import { usePaged } from './paged.js';
import { voiceKeys } from './voice-keys.js';

/** GET /voice/inbox: open items in no problem, newest first, flagged teamless or unplaced. */
export function useVoiceInbox() {
  const paged = usePaged<Inbox>(voiceKeys.inbox, '/voice/inbox', {});
  return { ...paged, suggestions: paged.data?.pages[0]?.suggestions ?? 0 };
}
