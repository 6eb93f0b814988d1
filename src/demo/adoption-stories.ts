/**
 * How each demo capability spread. Fixed, like the capabilities themselves: the seed decides which teams
 * and which days, this table decides the plot. Fractions of time are of the span from the day adoption
 * could start (GA, or the window's start if GA is older) to today.
 */
import type { AdoptionStoryKind } from './adoption-plan.js';

export interface SCurve {
  /** Share of eligible teams that have adopted by today. */
  reach: number;
  /** Where the curve is steepest, as a fraction of the span. */
  mid: number;
  /** Spread of the curve, as a fraction of the span: small is a sharp S. */
  width: number;
}

export interface StorySpec {
  capability: string;
  kind: AdoptionStoryKind;
  summary: string;
  /** Voluntary adoption (for `mandated-teams`: of the teams outside the mandate). */
  curve?: SCurve;
  /** Share of a team's other candidate services that follow its first one, and within how many days. */
  follow: { share: [number, number]; days: number };
  /** Running services send usage events: about `perWeek` (drawn per service) of this action. */
  events?: { action: string; perWeek: [number, number] };
  /** Beta and experimental: months since the beta opened; `teams` early adopters. */
  beta?: { months: number; teams: number };
  /** `pushed`: teams that adopted before the mandate; when (fraction of the span) it took effect; months to the deadline. */
  push?: { early: number; at: number; deadlineMonths: number; note: string };
  /** `mandated-teams`: how many teams of `department` the mandate names. */
  teamMandate?: { department: string; teams: number; at: number; deadlineMonths: number; note: string };
  /** Teams whose use shows only in declarations: some say "using", `stopped` of them later say they stopped. */
  declared?: { using: number; stopped: number; note: string; stoppedNote?: string };
  /** `churning`: at most this many teams were on it; they leave as they move to `replacedBy`. */
  churn?: { teams: number; replacedBy: string };
  /** Share of the teams that have not adopted that looked at the capability anyway. */
  aware: number;
}

export const STORIES: readonly StorySpec[] = [
  {
    capability: 'golden-ci',
    kind: 'pulled',
    summary: 'Pulled: teams moved to the Golden CI pipeline on their own, slowly at first, then most customer teams.',
    curve: { reach: 0.87, mid: 0.33, width: 0.1 },
    follow: { share: [0.7, 1], days: 150 },
    aware: 0.8,
  },
  {
    capability: 'jenkins-shared-library',
    kind: 'churning',
    summary: 'Churning: deprecated; teams remove the Jenkinsfile when they move to Golden CI, legacy services keep it.',
    follow: { share: [0.8, 1], days: 30 },
    churn: { teams: 13, replacedBy: 'golden-ci' },
    aware: 0.2,
  },
  {
    capability: 'base-images',
    kind: 'pulled',
    summary: 'Pulled: a steady climb; teams switch base images service by service when they next touch a Dockerfile.',
    curve: { reach: 0.63, mid: 0.35, width: 0.18 },
    follow: { share: [0.4, 0.9], days: 200 },
    aware: 0.5,
  },
  {
    capability: 'progressive-delivery',
    kind: 'pushed',
    summary: 'Pushed: a few early teams, then a mandate for every customer team with a deadline, and a jump after it.',
    follow: { share: [0.5, 1], days: 90 },
    push: {
      early: 5,
      at: 0.5,
      deadlineMonths: 6,
      note: 'Every production rollout goes through canary analysis after the 2025 checkout outage.',
    },
    aware: 0.9,
  },
  {
    capability: 'secrets-injection',
    kind: 'mandated-teams',
    summary: 'Mostly pulled, but mandated for the payment teams in PCI scope after an audit finding.',
    curve: { reach: 0.3, mid: 0.45, width: 0.2 },
    follow: { share: [0.3, 0.8], days: 120 },
    teamMandate: {
      department: 'finance',
      teams: 4,
      at: 0.4,
      deadlineMonths: 4,
      note: 'PCI DSS audit: no static secrets in services that handle card data.',
    },
    aware: 0.4,
  },
  {
    capability: 'service-telemetry',
    kind: 'pulled',
    summary:
      'Pulled: the telemetry SDK spread fast once the first teams showed their traces; most teams send events daily.',
    curve: { reach: 0.8, mid: 0.3, width: 0.09 },
    follow: { share: [0.5, 1], days: 120 },
    events: { action: 'init', perWeek: [2, 5] },
    aware: 0.8,
  },
  {
    capability: 'slo-as-code',
    kind: 'early-adopters',
    summary: 'Early adopters: in beta; a handful of teams keep their SLOs in the repository.',
    follow: { share: [0, 0.3], days: 60 },
    beta: { months: 9, teams: 4 },
    aware: 0.35,
  },
  {
    capability: 'managed-postgres',
    kind: 'pulled',
    summary:
      'Pulled, slowly: teams move a database when they have a reason to; two say so because their clusters live elsewhere.',
    curve: { reach: 0.2, mid: 0.5, width: 0.2 },
    follow: { share: [0, 0.2], days: 120 },
    declared: {
      using: 2,
      stopped: 0,
      note: 'Our clusters are declared in the shared infra repository, which is not scanned.',
    },
    aware: 0.45,
  },
  {
    capability: 'event-streaming',
    kind: 'early-adopters',
    summary: 'Early adopters: in beta; three teams publish events, one tried it and went back to its old queue.',
    follow: { share: [0, 0.3], days: 60 },
    events: { action: 'publish', perWeek: [3, 6] },
    beta: { months: 11, teams: 3 },
    declared: {
      using: 1,
      stopped: 1,
      note: 'Trying it for one of our event flows.',
      stoppedNote: 'Back on our own queue until consumer groups are supported.',
    },
    aware: 0.3,
  },
  {
    capability: 'feature-flags',
    kind: 'pulled',
    summary: 'Pulled: younger; half way up its S-curve, evaluated in production every day.',
    curve: { reach: 0.5, mid: 0.45, width: 0.15 },
    follow: { share: [0.3, 0.8], days: 120 },
    events: { action: 'evaluate', perWeek: [2, 4] },
    aware: 0.5,
  },
  {
    capability: 'service-templates',
    kind: 'pulled',
    summary: 'Pulled: new, used by the teams that started a service since GA.',
    curve: { reach: 0.2, mid: 0.5, width: 0.25 },
    follow: { share: [0, 0.2], days: 60 },
    aware: 0.4,
  },
  {
    capability: 'dev-environments',
    kind: 'not-adopted',
    summary: 'Not adopted yet: experimental; a third of the teams looked, nobody has tried it.',
    follow: { share: [0, 0], days: 0 },
    beta: { months: 3, teams: 0 },
    aware: 0.33,
  },
];
