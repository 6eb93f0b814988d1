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
  | { kind: 'incidentWithdrawn'; source: string; externalId: string };
