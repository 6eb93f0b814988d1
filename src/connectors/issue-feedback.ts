import type { Fact } from './facts.js';
import { type Derived, freeText, id, ignored, obj, processed, text, time, webPage } from './payload.js';

/**
 * Feedback tracked as issues on a capability's repository: an issue labelled `bug` is a bug, `enhancement` or
 * `feature` a request, `support` or `question` a support request (the labels are settings). The event carries the
 * issue as it is now, so the item follows it: edited, relabelled, closed (fixed or resolved at the issue's
 * closed_at) or reopened. Comments come along, so Paved can tell when the platform team first answered.
 */
export type IssueFeedbackKind = 'bug' | 'request' | 'support';
export type FeedbackLabels = Record<IssueFeedbackKind, string[]>;

export const DEFAULT_FEEDBACK_LABELS: FeedbackLabels = {
  bug: ['bug'],
  request: ['enhancement', 'feature'],
  support: ['support', 'question'],
};

/** An issue carrying two kinds' labels is the first of these: a bug report that asks a question is still a bug. */
const PRECEDENCE: IssueFeedbackKind[] = ['bug', 'support', 'request'];
const SEVERITY = /^(?:sev(?:erity)?\s*[:_/-]*\s*|p)([1-4])$/i;
const CATEGORY = /^category\s*[:/]+\s*(\S.*)$/i;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The kind an issue's labels give it, or null. */
export function feedbackKindOf(labels: string[], config: FeedbackLabels): IssueFeedbackKind | null {
  return PRECEDENCE.find((kind) => labels.some((l) => config[kind].some((c) => same(l, c)))) ?? null;
}

const isFeedbackLabel = (label: string, config: FeedbackLabels) => feedbackKindOf([label], config) !== null;

/** Label names: GitHub's `[{ name }]`, GitLab's `[{ title }]`. */
export function labelNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((l: unknown) => {
    if (!l || typeof l !== 'object') return [];
    const { name, title } = l as { name?: unknown; title?: unknown };
    const label = typeof name === 'string' ? name : title;
    return typeof label === 'string' ? [(freeText(label, 200) as string).trim()] : [];
  });
}

type IssueFact = Extract<Fact, { kind: 'issue' }>;

interface IssueRead {
  source: 'github' | 'gitlab';
  repository: string;
  number: string;
  labels: string[];
  title: unknown;
  body: unknown;
  author: string | null;
  url: unknown;
  openedAt: Date;
  closedAt: Date | null;
  declined: boolean;
}

/** The issue key both senders share: `github:owner/repo#12`, `gitlab:group/project#3`. */
export const issueKey = (source: 'github' | 'gitlab', repository: string, number: string) =>
  `${source}:${repository.toLowerCase()}#${number}`;

function issueFact(issue: IssueRead, config: FeedbackLabels, deleted = false): IssueFact {
  const severity = issue.labels.map((l) => SEVERITY.exec(l)?.[1]).find(Boolean);
  const category = issue.labels.map((l) => CATEGORY.exec(l)?.[1]?.trim()).find(Boolean);
  return {
    kind: 'issue',
    source: issue.source,
    externalId: issueKey(issue.source, issue.repository, issue.number),
    repository: issue.repository,
    feedbackKind: deleted ? null : feedbackKindOf(issue.labels, config),
    title: freeText(issue.title, 200)?.trim() || `Issue #${issue.number}`,
    body: freeText(issue.body, 20_000),
    severity: severity ? Number(severity) : null,
    category: category ? category.slice(0, 80) : null,
    author: issue.author,
    url: webPage(issue.url).url ?? null,
    openedAt: issue.openedAt,
    closedAt: issue.closedAt,
    declined: issue.declined,
  };
}

const noLabel = (number: unknown, config: FeedbackLabels) =>
  `issue #${String(number)} has no feedback label (${[...config.bug, ...config.request, ...config.support].join(', ')})`;

const login = (user: unknown): string | null => {
  const value = user && typeof user === 'object' ? (user as { login?: unknown; username?: unknown }) : {};
  const name = value.login ?? value.username;
  return typeof name === 'string' && name !== '' ? (freeText(name, 200) as string) : null;
};

function readGithubIssue(issue: Record<string, unknown>, slug: string): IssueRead {
  const closed = issue.state === 'closed';
  return {
    source: 'github',
    repository: slug,
    number: id(issue.number, 'issue.number'),
    labels: labelNames(issue.labels),
    title: issue.title,
    body: issue.body,
    author: login(issue.user),
    url: issue.html_url,
    openedAt: time(issue.created_at, 'issue.created_at'),
    closedAt: closed ? time(issue.closed_at, 'issue.closed_at') : null,
    declined: closed && issue.state_reason === 'not_planned',
  };
}

/** GitHub `issues`: an issue with a feedback label, or one that just lost its last one (its item goes). */
export function githubIssueFeedback(body: Record<string, unknown>, slug: string, config: FeedbackLabels): Derived {
  const action = text(body.action, 'action');
  const issue = readGithubIssue(obj(body.issue, 'issue'), slug);
  const removed = action === 'unlabeled' ? labelNames([body.label]) : [];
  const hasLabel = feedbackKindOf(issue.labels, config) !== null;
  if (!hasLabel && !removed.some((l) => isFeedbackLabel(l, config))) return ignored(noLabel(issue.number, config));
  return processed(issueFact(issue, config, action === 'deleted'));
}

/** GitHub `issue_comment` on an issue with a feedback label: the issue as it is now, then the comment. */
export function githubCommentFeedback(body: Record<string, unknown>, slug: string, config: FeedbackLabels): Derived {
  const action = text(body.action, 'action');
  const rawIssue = obj(body.issue, 'issue');
  if (rawIssue.pull_request) return ignored('a comment on a pull request, not an issue');
  const issue = readGithubIssue(rawIssue, slug);
  if (feedbackKindOf(issue.labels, config) === null) return ignored(noLabel(issue.number, config));
  const comment = obj(body.comment, 'comment');
  const fact = issueFact(issue, config);
  return processed(fact, {
    kind: 'issueComment',
    source: 'github',
    issueExternalId: fact.externalId,
    externalId: `github:comment:${id(comment.id, 'comment.id')}`,
    author: login(comment.user),
    body: freeText(comment.body, 20_000) ?? '',
    createdAt: time(comment.created_at, 'comment.created_at'),
    deleted: action === 'deleted',
  });
}

/**
 * GitLab names only the issue author's id; the event's `user` is whoever acted, so the author's username is known
 * when they are the one acting (they opened, edited or commented on their own issue).
 */
function gitlabAuthor(body: Record<string, unknown>, authorId: unknown): string | null {
  const user = body.user && typeof body.user === 'object' ? (body.user as { id?: unknown }) : {};
  return authorId !== undefined && authorId !== null && user.id === authorId ? login(body.user) : null;
}

function readGitlabIssue(body: Record<string, unknown>, issue: Record<string, unknown>, field: string): IssueRead {
  const slug = text(obj(body.project, 'project').path_with_namespace, 'project.path_with_namespace');
  const closed = issue.state === 'closed';
  // Payloads before GitLab 15 have no closed_at: the close event's update time is when it was closed.
  const closedAt = issue.closed_at ?? (issue.action === 'close' ? issue.updated_at : undefined);
  return {
    source: 'gitlab',
    repository: slug,
    number: id(issue.iid, `${field}.iid`),
    labels: labelNames(field === 'object_attributes' ? (body.labels ?? issue.labels) : issue.labels),
    title: issue.title,
    body: issue.description,
    author: gitlabAuthor(body, issue.author_id),
    url: issue.url,
    openedAt: time(issue.created_at, `${field}.created_at`),
    closedAt: closed ? time(closedAt, `${field}.closed_at`) : null,
    declined: false,
  };
}

/** GitLab `Issue Hook`: `changes.labels.previous` tells a feedback label removed by this update. */
export function gitlabIssueFeedback(body: Record<string, unknown>, config: FeedbackLabels): Derived {
  const issue = readGitlabIssue(body, obj(body.object_attributes, 'object_attributes'), 'object_attributes');
  const changes =
    body.changes && typeof body.changes === 'object' ? (body.changes as { labels?: { previous?: unknown } }) : {};
  const hadLabel = labelNames(changes.labels?.previous).some((l) => isFeedbackLabel(l, config));
  if (feedbackKindOf(issue.labels, config) === null && !hadLabel) return ignored(noLabel(issue.number, config));
  return processed(issueFact(issue, config));
}

/** GitLab `Note Hook` on an issue with a feedback label (system notes, "changed the label", are not comments). */
export function gitlabNoteFeedback(body: Record<string, unknown>, config: FeedbackLabels): Derived {
  const note = obj(body.object_attributes, 'object_attributes');
  if (note.noteable_type !== 'Issue') return ignored(`a comment on a ${String(note.noteable_type)}, not an issue`);
  if (note.system === true) return ignored('a system note, not a comment');
  const issue = readGitlabIssue(body, obj(body.issue, 'issue'), 'issue');
  if (feedbackKindOf(issue.labels, config) === null) return ignored(noLabel(issue.number, config));
  const fact = issueFact(issue, config);
  return processed(fact, {
    kind: 'issueComment',
    source: 'gitlab',
    issueExternalId: fact.externalId,
    externalId: `gitlab:note:${id(note.id, 'object_attributes.id')}`,
    author: login(body.user),
    body: freeText(note.note, 20_000) ?? '',
    createdAt: time(note.created_at, 'object_attributes.created_at'),
    deleted: false,
  });
}

/** Two readings of one delivery (incident and feedback): the facts of both, or both reasons when neither has any. */
export function both(a: Derived, b: Derived): Derived {
  if (a.status === 'ignored' && b.status === 'ignored') return ignored(`${a.reason}; ${b.reason}`);
  return processed(...(a.status === 'processed' ? a.facts : []), ...(b.status === 'processed' ? b.facts : []));
}
