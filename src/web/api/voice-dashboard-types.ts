// The shapes of the SLA, support and contact APIs, from the server's contracts (types only). Kept apart from
// types.ts so the Voice pages built in parallel do not all edit one file.
import type { z } from '@hono/zod-openapi';
import type { teamVoiceSchema } from '../../modules/voice/conversations/contract.js';
import type { ItemView } from '../../modules/voice/feedback/view.js';
import type { categorySchema, slaSchema } from '../../modules/voice/sla/contract.js';
import type { coverageSchema, seriesSchema, summarySchema } from '../../modules/voice/summary/contract.js';

export type {
  Conversation,
  ConversationInput,
  Engagement,
  EngagementInput,
} from '../../modules/voice/conversations/contract.js';
export type { SlaBody } from '../../modules/voice/sla/contract.js';

export type VoiceSummary = z.infer<typeof summarySchema>;
export type BugFigures = VoiceSummary['bugs'];
export type CapabilityBugs = BugFigures['byCapability'][number];
export type SupportFigures = VoiceSummary['support'];
export type Deflection = VoiceSummary['deflection'][number];
export type VoiceSeries = z.infer<typeof seriesSchema>;
export type VoiceWeek = VoiceSeries['weeks'][number];
export type ContactCoverage = z.infer<typeof coverageSchema>;
export type TalkToNext = ContactCoverage['talkToNext'][number];
export type TeamVoice = z.infer<typeof teamVoiceSchema>;
export type EngagementWithChange = TeamVoice['engagements'][number];
export type SlaPolicy = z.infer<typeof slaSchema>;
export type SupportCategory = z.infer<typeof categorySchema>;

export type PainItem = Extract<ItemView, { kind: 'pain' }>;
export type RequestItem = Extract<ItemView, { kind: 'request' }>;
export type BugItem = Extract<ItemView, { kind: 'bug' }>;
export type SupportItem = Extract<ItemView, { kind: 'support' }>;
/** The item lists' filters, as the query string of `/pains`, `/requests`, `/bugs` and `/support-requests`. */
export interface ItemFilters {
  team?: string | undefined;
  capability?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}
