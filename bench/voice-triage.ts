/**
 * What triage does to the voice pages at scale: a vote, then the backlog (its request's reach is read again); an
 * item placed in a problem, then the inbox and the suggestions (the suggestion index is rebuilt, in the background
 * at this scale: the inbox says `suggestionsStale` meanwhile), and how long until they are exact again.
 */
import type { Client } from './voice-http.js';
import { httpClient, timed } from './voice-http.js';
import { VOTER } from './voice-catalog.js';

export interface TriageResult {
  backlogAfterVote: number;
  /** The reach the backlog gave the request before and after the vote. */
  reach: [number, number];
  inboxAfterPlacing: number;
  staleAfterPlacing: boolean;
  suggestionsAfterPlacing: number;
  exactAgainAfter: number;
  placedLeft: boolean;
}

interface BacklogBody {
  items: { kind: string; id: number; reach: number }[];
}
interface SuggestionsBody {
  items: { items: { kind: string; id: number }[] }[];
  stale: boolean;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function triage(baseUrl: string, admin: Client): Promise<TriageResult> {
  const { token } = (await admin.post('/api/v1/tokens', { name: 'bench-voter', user: VOTER })) as { token: string };
  const voter = httpClient(baseUrl, token);
  try {
    const before = (await admin.get('/api/v1/backlog?limit=500')) as BacklogBody;
    const target = before.items.find((r) => r.kind === 'request') as BacklogBody['items'][number];
    await voter.post(`/api/v1/requests/${target.id}/votes`, {});
    const afterVote = await timed(() => admin.get('/api/v1/backlog?limit=500') as Promise<BacklogBody>);
    const reach = afterVote.value.items.find((r) => r.kind === 'request' && r.id === target.id)?.reach ?? -1;

    const suggestions = (await admin.get('/api/v1/problems/suggestions')) as SuggestionsBody;
    const placed = suggestions.items[0]?.items[0] as { kind: string; id: number };
    await admin.post('/api/v1/problems', { title: 'Placed by the bench', items: [placed] });
    const inbox = await timed(() => admin.get('/api/v1/voice/inbox') as Promise<{ suggestionsStale: boolean }>);
    const after = await timed(() => admin.get('/api/v1/problems/suggestions') as Promise<SuggestionsBody>);
    const placedLeft = !after.value.items.some((s) => s.items.some((i) => i.id === placed.id));
    const started = performance.now();
    let stale = after.value.stale;
    // Polled through the inbox: its answer is small, where the suggestions' are megabytes at this scale.
    while (stale) {
      await pause(100);
      stale = ((await admin.get('/api/v1/voice/inbox?limit=1')) as { suggestionsStale: boolean }).suggestionsStale;
    }
    return {
      backlogAfterVote: afterVote.ms,
      reach: [target.reach, reach],
      inboxAfterPlacing: inbox.ms,
      staleAfterPlacing: inbox.value.suggestionsStale,
      suggestionsAfterPlacing: after.ms,
      exactAgainAfter: performance.now() - started + inbox.ms + after.ms,
      placedLeft,
    };
  } finally {
    voter.close();
  }
}
