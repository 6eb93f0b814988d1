import type { FeedbackKind } from '../../../db/schema/voice.js';

/** Each kind's collection under /api/v1, and what its list is called. */
export const KINDS: { kind: FeedbackKind; path: string; plural: string }[] = [
  { kind: 'pain', path: 'pains', plural: 'Pain points' },
  { kind: 'request', path: 'requests', plural: 'Feature requests' },
  { kind: 'bug', path: 'bugs', plural: 'Bugs' },
  { kind: 'support', path: 'support-requests', plural: 'Support requests' },
];
