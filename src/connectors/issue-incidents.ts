import type { Fact } from './facts.js';
import { type Derived, freeText, id, ignored, obj, processed, text, time, webPage } from './payload.js';
import type { ServiceLookup } from './service-lookup.js';

/**
 * Incidents tracked as issues (DOMAIN.md): a GitHub or GitLab issue labelled `incident` (or, on GitLab, of type
 * Incident) is an incident of the service whose repository it is in. It was triggered when the issue was opened
 * and resolved when it was closed; GitLab's own severity, else labels like `sev1`, `severity: high` or `P1`, give
 * its severity, and labels `cause: <tag>` its cause tags. Losing the label (or the issue) takes the incident away
 * again.
 */
const INCIDENT_LABEL = 'incident';
const SEVERITY_LABEL = /^(?:sev(?:erity)?(?:[\s:_-]+\S.*|\d.*)|p[0-5])$/i;
const CAUSE_LABEL = /^cause\s*[:/]\s*(\S.*)$/i;

/** Label names: GitHub's `[{ name }]`, GitLab's `[{ title }]`. */
function labelNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((l: unknown) => {
    if (!l || typeof l !== 'object') return [];
    const { name, title } = l as { name?: unknown; title?: unknown };
    const label = typeof name === 'string' ? name : title;
    return typeof label === 'string' ? [(freeText(label, 200) as string).trim()] : [];
  });
}

const isIncidentLabel = (label: unknown) => typeof label === 'string' && label.trim().toLowerCase() === INCIDENT_LABEL;

interface IssueState {
  source: 'github' | 'gitlab';
  slug: string;
  externalId: string;
  title: unknown;
  labels: string[];
  /** The severity the tracker keeps itself (GitLab's `object_attributes.severity`); labels are the fallback. */
  severity?: string | null;
  url: unknown;
  triggeredAt: Date;
  /** The resolve time this event gives: a time, null (reopened), or undefined (not this event's business). */
  resolvedAt: Date | null | undefined;
}

async function incident(services: ServiceLookup, issue: IssueState): Promise<Derived> {
  const severity = issue.severity ?? issue.labels.find((l) => SEVERITY_LABEL.test(l)) ?? null;
  const causes = issue.labels.flatMap((l) => CAUSE_LABEL.exec(l)?.[1]?.trim().toLowerCase() ?? []);
  const fact: Fact = {
    kind: 'incident',
    source: issue.source,
    externalId: issue.externalId,
    serviceId: (await services.repository(issue.source, issue.slug))?.id ?? null,
    externalService: issue.slug,
    title: freeText(issue.title),
    severity,
    triggeredAt: issue.triggeredAt,
    resolvedAt: issue.resolvedAt,
    causes: [...new Set(causes)].sort(),
    ...webPage(issue.url),
  };
  return processed(fact);
}

/**
 * GitLab's own severity of an incident: `low`, `medium`, `high`, `critical`, or `unknown`, the value every issue
 * has until someone sets one, which says nothing, so it leaves the labels to speak.
 */
function gitlabSeverity(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const severity = (freeText(raw, 100) as string).trim().toLowerCase();
  return severity === '' || severity === 'unknown' ? null : severity;
}

const withdrawn = (source: 'github' | 'gitlab', externalId: string): Derived =>
  processed({ kind: 'incidentWithdrawn', source, externalId });

/** GitHub `issues`: opened, closed, reopened, labeled, unlabeled, deleted, edited, …; the payload carries the issue as it is now. */
export async function deriveGithubIssue(
  services: ServiceLookup,
  body: Record<string, unknown>,
  slug: string,
): Promise<Derived> {
  const action = text(body.action, 'action');
  const issue = obj(body.issue, 'issue');
  const externalId = id(issue.id, 'issue.id');
  const labels = labelNames(issue.labels);
  const label = body.label && typeof body.label === 'object' ? (body.label as { name?: unknown }).name : undefined;
  const wasIncident = labels.some(isIncidentLabel) || (action === 'unlabeled' && isIncidentLabel(label));
  if (!wasIncident) return ignored(`issue #${String(issue.number)} is not labelled ${INCIDENT_LABEL}`);
  if (action === 'deleted' || !labels.some(isIncidentLabel)) return withdrawn('github', externalId);
  const resolvedAt =
    action === 'reopened' ? null : issue.state === 'closed' ? time(issue.closed_at, 'issue.closed_at') : undefined;
  return incident(services, {
    source: 'github',
    slug,
    externalId,
    title: issue.title,
    labels,
    url: issue.html_url,
    triggeredAt: time(issue.created_at, 'issue.created_at'),
    resolvedAt,
  });
}

/**
 * GitLab `Issue Hook` (and `Confidential Issue Hook`): `object_attributes.action` open, close, reopen or update;
 * `changes.labels` tells a label removed by this update.
 */
export async function deriveGitlabIssue(services: ServiceLookup, body: Record<string, unknown>): Promise<Derived> {
  const slug = text(obj(body.project, 'project').path_with_namespace, 'project.path_with_namespace').toLowerCase();
  const attributes = obj(body.object_attributes, 'object_attributes');
  const externalId = id(attributes.id, 'object_attributes.id');
  const labels = labelNames(body.labels ?? attributes.labels);
  const typed = typeof attributes.type === 'string' && attributes.type.toLowerCase() === 'incident';
  const changes =
    body.changes && typeof body.changes === 'object' ? (body.changes as { labels?: { previous?: unknown } }) : {};
  const isIncident = typed || labels.some(isIncidentLabel);
  if (!isIncident)
    return labelNames(changes.labels?.previous).some(isIncidentLabel)
      ? withdrawn('gitlab', externalId)
      : ignored(`issue #${String(attributes.iid)} is not an incident`);
  // Payloads before GitLab 15 have no closed_at: the close event's update time is when it was closed.
  const closedAt = attributes.closed_at ?? (attributes.action === 'close' ? attributes.updated_at : undefined);
  const resolvedAt =
    attributes.action === 'reopen'
      ? null
      : attributes.state === 'closed'
        ? time(closedAt, 'object_attributes.closed_at')
        : undefined;
  const triggeredAt = time(attributes.created_at, 'object_attributes.created_at');
  return incident(services, {
    source: 'gitlab',
    slug,
    externalId,
    title: attributes.title,
    labels,
    severity: gitlabSeverity(attributes.severity),
    url: attributes.url,
    triggeredAt,
    resolvedAt,
  });
}
