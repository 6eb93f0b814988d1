/** What a delivery (or a backfill page) says happened, before Paved writes it: the shape every connector returns. */
export interface DeploymentFact {
  source: string;
  externalId: string;
  repository: string;
  serviceId: number | null;
  environment: string;
  commit: string;
  finishedAt: Date;
}

/**
 * What a delivery says happened, before it is written. A `runDeployment` (seen from a workflow run) only fills in
 * where nothing is recorded: a deployment status of the same run knows its environment and finish time, and takes
 * precedence whichever arrives first.
 */
export type Fact =
  | {
      kind: 'change';
      source: string;
      repository: string;
      serviceId: number | null;
      commit: string;
      committedAt: Date;
      position: number;
    }
  | ({ kind: 'deployment' } & DeploymentFact)
  | ({ kind: 'runDeployment' } & DeploymentFact)
  | {
      kind: 'incident';
      source: string;
      externalId: string;
      serviceId: number | null;
      externalService: string;
      title: string | null;
      severity: string | null;
      triggeredAt: Date;
      /** False when the event does not say when the incident was triggered: `triggeredAt` is then the event's time. */
      triggerTimeKnown?: boolean;
      /** Set by resolved, cleared (null) by reopened, left alone (undefined) by the other events. */
      resolvedAt: Date | null | undefined;
      /** Cause tags, when the sender has them (issue labels); undefined leaves them alone. */
      causes?: string[];
      /** The incident's page at the sender, when the event names it. */
      url?: string;
    }
  | { kind: 'incidentWithdrawn'; source: string; externalId: string }
  | {
      /** An issue with a feedback label (or that just lost it: `feedbackKind` null, its item goes). */
      kind: 'issue';
      source: 'github' | 'gitlab';
      /** `github:owner/repo#12`: the item's key. */
      externalId: string;
      /** The repository as the sender spells it. */
      repository: string;
      feedbackKind: 'bug' | 'request' | 'support' | null;
      title: string;
      body: string | null;
      /** From a label like `sev2`, `severity: 2` or `P2`; null leaves the item's alone. */
      severity: number | null;
      /** From a label `category: <name>`; null leaves the item's alone. */
      category: string | null;
      /** The issue author's login, when the event names it. */
      author: string | null;
      url: string | null;
      openedAt: Date;
      /** Null: open (or reopened). */
      closedAt: Date | null;
      /** Closed as not planned (GitHub's state_reason): a request declined rather than done. */
      declined: boolean;
    }
  | {
      kind: 'issueComment';
      source: 'github' | 'gitlab';
      issueExternalId: string;
      externalId: string;
      author: string | null;
      body: string;
      createdAt: Date;
      deleted: boolean;
    }
  | ReleaseFact;

/**
 * A release on a repository (GitHub `release`, GitLab Release Hook), published or changed, or deleted. Keyed by
 * the sender's release id; the writer maps the repository to a capability.
 */
export interface ReleaseFact {
  kind: 'release';
  source: 'github' | 'gitlab';
  /** The sender's release id. */
  externalId: string;
  /** The repository as the sender spells it. */
  repository: string;
  deleted: boolean;
  tag: string;
  /** The release's name, without a conventional prefix; null when it has none. */
  title: string | null;
  notes: string;
  type: 'feature' | 'fix' | 'breaking' | 'deprecation' | 'security';
  url: string | null;
  releasedAt: Date;
  author: string | null;
}
