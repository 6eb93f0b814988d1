/** Where the definitions document (docs/definitions.md) is shown in the app. */
export const DEFINITIONS_PATH = '/docs/definitions';

/**
 * The sections of docs/definitions.md a number can link to; each is the GitHub anchor of its heading, so the same
 * link works in the app and on the repository. markdown.test.ts checks that every one exists in the document.
 */
export const DEFINITION = {
  periods: 'periods-and-time',
  numberFormat: 'how-numbers-are-written',
  eligibleTeams: 'eligible-teams',
  adopting: 'adopting',
  voluntaryMandated: 'voluntary-and-mandated',
  churned: 'churned',
  adoptionRate: 'adoption-rate',
  voluntaryShare: 'voluntary-share',
  funnel: 'funnel',
  daysFromGa: 'days-from-ga',
  production: 'what-counts-as-production',
  deploymentFrequency: 'deployment-frequency',
  changeLeadTime: 'change-lead-time',
  attribution: 'attribution',
  changeFailRate: 'change-fail-rate',
  recoveryTime: 'failed-deployment-recovery-time',
  reworkRate: 'rework-rate',
  incidentRecoveryTime: 'incident-recovery-time',
  levels: 'levels',
  previousPeriod: 'change-against-the-previous-period',
  medians: 'medians',
  slaPolicy: 'sla-policy',
  ackWithinSla: 'acknowledged-within-sla',
  fixWithinSla: 'fixed-within-sla',
  timeToFix: 'time-to-fix',
  pastSla: 'past-sla',
  firstResponse: 'time-to-first-response',
  timeToResolve: 'time-to-resolve',
  supportQueue: 'support-queue',
  deflection: 'deflection',
  contactCoverage: 'contact-coverage',
  nps: 'nps',
  csat: 'csat',
  release: 'release',
  whatsNew: 'whats-new-for-a-team',
  notesShare: 'share-of-releases-with-notes',
  notesViews: 'notes-views-per-release',
  firstVoteToRelease: 'first-vote-to-release',
  demoConversion: 'demo-conversion',
  migrationProgress: 'migration-progress',
} as const;

export type DefinitionAnchor = (typeof DEFINITION)[keyof typeof DEFINITION];

/** The app's link to one definition: `definitionLink('adoption-rate')` → `/docs/definitions#adoption-rate`. */
export function definitionLink(anchor: DefinitionAnchor): string {
  return `${DEFINITIONS_PATH}#${anchor}`;
}
