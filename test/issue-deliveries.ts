import { createHmac } from 'node:crypto';
import type { App } from '../src/server/app.js';
import { githubExample } from './github-examples.js';

type Payload = Record<string, any>;

/**
 * GitHub's own `issues` example (@octokit/webhooks-examples: issue #1 of Codertocat/Hello-World, opened by
 * Codertocat), made into another issue: its number, labels, action, author, times and repository.
 */
export function githubIssue(o: {
  number: number;
  action: string;
  labels: string[];
  author?: string;
  title?: string;
  createdAt: string;
  closedAt?: string;
  stateReason?: string;
  removed?: string;
  repository?: string;
}): Payload {
  const payload = githubExample('issues', (e) => e.action === 'opened');
  const label = payload.issue.labels[0];
  payload.action = o.action;
  payload.issue.id = 900_000 + o.number;
  payload.issue.number = o.number;
  if (o.title) payload.issue.title = o.title;
  payload.issue.labels = o.labels.map((name, i) => ({ ...label, id: i + 1, name }));
  payload.issue.user = { ...payload.issue.user, login: o.author ?? payload.issue.user.login };
  payload.issue.created_at = o.createdAt;
  payload.issue.state = o.closedAt ? 'closed' : 'open';
  payload.issue.closed_at = o.closedAt ?? null;
  if (o.stateReason) payload.issue.state_reason = o.stateReason;
  if (o.removed) payload.label = { ...label, name: o.removed };
  if (o.repository) {
    payload.repository = { ...payload.repository, full_name: o.repository };
    payload.issue.html_url = `https://github.com/${o.repository}/issues/${o.number}`;
  } else payload.issue.html_url = `https://github.com/Codertocat/Hello-World/issues/${o.number}`;
  return payload;
}

/** GitHub's own `issue_comment` example, on the issue `issue` (a githubIssue payload), by `author` at `at`. */
export function githubComment(issue: Payload, o: { id: number; author: string; at: string; body?: string }): Payload {
  const payload = githubExample('issue_comment', (e) => e.action === 'created');
  payload.issue = structuredClone(issue.issue);
  payload.repository = structuredClone(issue.repository);
  payload.comment.id = o.id;
  payload.comment.user = { ...payload.comment.user, login: o.author };
  payload.comment.created_at = o.at;
  payload.comment.updated_at = o.at;
  if (o.body) payload.comment.body = o.body;
  return payload;
}

const gitlabUser = (id: number, username: string) => ({
  id,
  name: username,
  username,
  avatar_url: 'http://www.gravatar.com/avatar/e64c7d89f26bd1972efa854d13d7dd61?s=40&d=identicon',
  email: '[REDACTED]',
});
const gitlabProject = (slug: string) => ({
  id: 1,
  name: slug.split('/').at(-1),
  web_url: `http://example.com/${slug}`,
  path_with_namespace: slug,
  default_branch: 'main',
});
const gitlabLabels = (labels: string[]) =>
  labels.map((title, i) => ({
    id: 200 + i,
    title,
    color: '#FF0000',
    project_id: 1,
    type: 'ProjectLabel',
    group_id: null,
  }));

/** A GitLab Issue Hook as GitLab documents it; `user` is who acted (the author when `by` is their id). */
export function gitlabIssue(o: {
  iid: number;
  action: string;
  labels: string[];
  author: { id: number; username: string };
  by?: { id: number; username: string };
  project: string;
  createdAt: string;
  closedAt?: string;
}): Payload {
  const labels = gitlabLabels(o.labels);
  const by = o.by ?? o.author;
  return {
    object_kind: 'issue',
    event_type: 'issue',
    user: gitlabUser(by.id, by.username),
    project: gitlabProject(o.project),
    object_attributes: {
      id: 7000 + o.iid,
      iid: o.iid,
      title: 'Deploys stall at the approval step',
      description: 'Since Monday every deploy waits 20 minutes.',
      author_id: o.author.id,
      project_id: 1,
      created_at: o.createdAt,
      updated_at: o.closedAt ?? o.createdAt,
      closed_at: o.closedAt ?? null,
      state: o.closedAt ? 'closed' : 'opened',
      action: o.action,
      type: 'Issue',
      severity: 'unknown',
      labels,
      url: `http://example.com/${o.project}/-/issues/${o.iid}`,
    },
    labels,
    changes: {},
  };
}

/** A GitLab Note Hook on the issue of `issueHook` (a gitlabIssue payload), as GitLab documents it. */
export function gitlabNote(
  issueHook: Payload,
  o: { id: number; by: { id: number; username: string }; at: string; note?: string },
): Payload {
  const issue = issueHook.object_attributes;
  return {
    object_kind: 'note',
    event_type: 'note',
    user: gitlabUser(o.by.id, o.by.username),
    project_id: 1,
    project: issueHook.project,
    object_attributes: {
      id: o.id,
      note: o.note ?? 'Looking into it.',
      noteable_type: 'Issue',
      author_id: o.by.id,
      created_at: o.at,
      updated_at: o.at,
      project_id: 1,
      noteable_id: issue.id,
      system: false,
      url: `${issue.url}#note_${o.id}`,
      action: 'create',
    },
    issue: { ...structuredClone(issue), labels: issueHook.labels },
  };
}

/** Signed deliveries to the app: GitHub's HMAC of the body, GitLab's token. Answers the delivery's status. */
export function webhookSender(app: App, secrets: { github: string; gitlab: string }) {
  return {
    async github(event: string, payload: unknown, deliveryId: string): Promise<string> {
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac('sha256', secrets.github).update(body).digest('hex')}`;
      const res = await app.request('/webhooks/github', {
        method: 'POST',
        headers: { 'x-github-event': event, 'x-github-delivery': deliveryId, 'x-hub-signature-256': signature },
        body,
      });
      return ((await res.json()) as { status: string }).status;
    },
    async gitlab(event: string, payload: unknown, key: string): Promise<string> {
      const res = await app.request('/webhooks/gitlab', {
        method: 'POST',
        headers: { 'x-gitlab-event': event, 'x-gitlab-token': secrets.gitlab, 'idempotency-key': key },
        body: JSON.stringify(payload),
      });
      return ((await res.json()) as { status: string }).status;
    },
  };
}
