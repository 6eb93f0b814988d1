/**
 * The demo organisation's voice of the customer as plain data. `generateDemoVoice(catalog, adoption, seed, today)`
 * builds it; `seedDemoVoice` writes it. Times are ISO 8601 UTC strings, days `YYYY-MM-DD`; nothing happens on or
 * after `today`. Teams, capabilities and people are named as in the demo catalog (`checkout`, `golden-ci`,
 * `jane.doe`); items, problems and roadmap items point at each other by `key`.
 */
import type { FeedbackKind } from '../../db/schema/voice.js';

export interface DemoRice {
  impact: number;
  confidence: number;
  effort: number;
}

export interface DemoFeedbackItem {
  /** Unique in the plan; the stored item's external id ends with it. */
  key: string;
  kind: FeedbackKind;
  /** The theme it is about; null for the odd item about nothing the platform plans. */
  theme: string | null;
  /** Customer team; null: a GitHub author Paved could not place. */
  team: string | null;
  capability: string | null;
  /** Support: the platform team asked. */
  platformTeam: string | null;
  /** Catalog user name of the author; null when unknown. */
  author: string | null;
  title: string;
  body: string | null;
  category: string | null;
  severity: number | null;
  hoursLostPerWeek: number | null;
  openedAt: string;
  respondedAt: string | null;
  closedAt: string | null;
  /** Requests only: the status the platform team set. */
  requestStatus: 'open' | 'planned' | 'done' | 'declined' | null;
  /** Key of the problem it was placed in. */
  problem: string | null;
  /** Requests only: the RICE estimates set in the backlog. */
  rice: DemoRice | null;
  /** Came from a GitHub issue on the capability's repository. */
  github: { repository: string; url: string; login: string } | null;
}

export interface DemoVote {
  request: string;
  /** Catalog user name. */
  person: string;
  team: string;
  at: string;
}

export interface DemoProblem extends DemoRice {
  key: string;
  title: string;
  description: string;
  capability: string | null;
  status: 'open' | 'solved';
  createdAt: string;
  /** Email of the platform member who accepted it. */
  by: string;
}

export interface DemoRoadmapItem extends DemoRice {
  title: string;
  description: string;
  capability: string | null;
  status: 'now' | 'next' | 'later' | 'done';
  targetQuarter: string | null;
  problems: string[];
  /** Keys of the requests it answers. */
  requests: string[];
  createdAt: string;
  by: string;
}

export interface DemoConversation {
  team: string;
  platformTeam: string;
  on: string;
  /** Display names, the customer team's first. */
  people: string[];
  channel: string;
  notes: string;
  /** Keys of the team's pains raised there. */
  pains: string[];
  by: string;
}

export interface DemoEngagement {
  team: string;
  platformTeam: string;
  /** The embedded platform engineer's display name. */
  engineer: string;
  startsOn: string;
  endsOn: string | null;
  goals: string;
  by: string;
}

export interface DemoSurveyAnswer {
  /** Catalog user name. */
  person: string;
  nps: number;
  comment: string | null;
  answeredAt: string;
  csat: { capability: string; score: number }[];
}

export interface DemoWave {
  title: string;
  opensAt: string;
  closesAt: string;
  capabilities: string[];
  /** Every person of the customer teams, with their team. */
  invited: { person: string; team: string }[];
  answers: DemoSurveyAnswer[];
  by: string;
}

export interface DemoVoicePlan {
  seed: number;
  /** The UTC day the plan was made for. */
  today: string;
  /** `today` minus 24 months. Only history that explains a capability shipped earlier is older. */
  windowStart: string;
  slaPolicies: { capability: string; severities: { severity: number; acknowledgeHours: number; fixHours: number }[] }[];
  supportCategories: { category: string; capability: string | null }[];
  problems: DemoProblem[];
  /** Oldest first. */
  items: DemoFeedbackItem[];
  votes: DemoVote[];
  conversations: DemoConversation[];
  engagements: DemoEngagement[];
  roadmap: DemoRoadmapItem[];
  /** Oldest first. */
  waves: DemoWave[];
}
