/**
 * The events Paved reads, by sender; others are stored, acknowledged and ignored. Every PagerDuty event is read:
 * the derivation ignores the ones that are not about incidents.
 */
export const READ_EVENTS = {
  github: [
    'push',
    'deployment',
    'deployment_status',
    'workflow_run',
    'pull_request',
    'issues',
    'issue_comment',
    'release',
  ],
  gitlab: [
    'Push Hook',
    'Pipeline Hook',
    'Deployment Hook',
    'Issue Hook',
    'Confidential Issue Hook',
    'Note Hook',
    'Confidential Note Hook',
    'Release Hook',
  ],
} as const;

export const readsEvent = (source: 'github' | 'gitlab' | 'pagerduty', event: string) =>
  source === 'pagerduty' || (READ_EVENTS[source] as readonly string[]).includes(event);
