import { isProduction, productionPattern } from '../../shared/production.js';
import { deriveGitlabIssue } from '../issue-incidents.js';
import {
  both,
  DEFAULT_FEEDBACK_LABELS,
  type FeedbackLabels,
  gitlabIssueFeedback,
  gitlabNoteFeedback,
} from '../issue-feedback.js';
import {
  commitSha,
  type Derived,
  id,
  ignored,
  obj,
  processed,
  pushedChanges,
  text,
  time,
  UnusablePayload,
} from '../payload.js';
import { gitlabRelease } from '../release-facts.js';
import type { ServiceLookup } from '../service-lookup.js';

/**
 * The facts one GitLab delivery carries. Deployments come from the Deployment Hook only: GitLab
 * records a deployment (and sends that hook) for every job that deploys to an environment, so counting the jobs
 * listed in a Pipeline Hook as well would count each deployment twice. The Pipeline Hook gives changes: the head
 * commit of a pipeline on the default branch.
 */
export async function deriveGitlab(
  services: ServiceLookup,
  event: string,
  payload: unknown,
  production = productionPattern(),
  feedbackLabels: FeedbackLabels = DEFAULT_FEEDBACK_LABELS,
): Promise<Derived> {
  const body = obj(payload, 'payload');
  if (event === 'Deployment Hook') return deriveDeployment(services, body, production);
  if (event === 'Pipeline Hook') return derivePipeline(services, body);
  if (event === 'Push Hook') return derivePush(services, body);
  if (event === 'Issue Hook' || event === 'Confidential Issue Hook')
    return both(await deriveGitlabIssue(services, body), gitlabIssueFeedback(body, feedbackLabels));
  if (event === 'Note Hook' || event === 'Confidential Note Hook') return gitlabNoteFeedback(body, feedbackLabels);
  if (event === 'Release Hook') return gitlabRelease(body);
  return ignored(`Paved does not read ${event} events`);
}

async function deriveDeployment(
  services: ServiceLookup,
  body: Record<string, unknown>,
  production: string,
): Promise<Derived> {
  const slug = text(obj(body.project, 'project').path_with_namespace, 'project.path_with_namespace').toLowerCase();
  const status = text(body.status, 'status');
  const environment = text(body.environment, 'environment');
  if (status !== 'success') return ignored(`deployment status ${status}, not success`);
  if (!isProduction(environment, production)) return ignored(`environment ${environment} is not production`);
  // The hook carries only an 8-character `short_sha`; the full commit id ends `commit_url`.
  const commitUrl = text(body.commit_url, 'commit_url');
  const commit = commitSha(commitUrl.replace(/\/+$/, '').split('/').pop(), 'commit_url');
  if (typeof body.short_sha === 'string' && !commit.startsWith(body.short_sha.toLowerCase()))
    throw new UnusablePayload(`commit_url names ${commit}, not short_sha ${body.short_sha}`);
  return processed({
    kind: 'deployment',
    source: 'gitlab',
    externalId: id(body.deployment_id, 'deployment_id'),
    repository: slug,
    serviceId: (await services.repository('gitlab', slug))?.id ?? null,
    environment,
    commit,
    finishedAt: time(body.status_changed_at, 'status_changed_at'),
  });
}

async function derivePipeline(services: ServiceLookup, body: Record<string, unknown>): Promise<Derived> {
  const project = obj(body.project, 'project');
  const slug = text(project.path_with_namespace, 'project.path_with_namespace').toLowerCase();
  const pipeline = obj(body.object_attributes, 'object_attributes');
  const branch = text(project.default_branch, 'project.default_branch');
  if (pipeline.tag === true) return ignored(`pipeline for tag ${String(pipeline.ref)}`);
  if (pipeline.ref !== branch) return ignored(`pipeline for ${String(pipeline.ref)}, not the default branch ${branch}`);
  // A merge request pipeline runs on a merge ref, whose commit may never reach the default branch.
  if (pipeline.source === 'merge_request_event')
    return ignored('merge request pipelines do not run on the default branch');
  // Whatever its status, the pipeline's commit is on the default branch: a failed pipeline's commit still ships
  // with the next deployment.
  const commit = obj(body.commit, 'commit');
  const committedAt = time(commit.timestamp, 'commit.timestamp');
  return processed({
    kind: 'change',
    source: 'gitlab',
    repository: slug,
    serviceId: (await services.repository('gitlab', slug))?.id ?? null,
    commit: commitSha(commit.id, 'commit.id'),
    committedAt,
    position: committedAt.getTime() * 1000,
  });
}

/** A push to the default branch: its commits (GitLab lists at most 20; the pipeline of its head adds that one). */
async function derivePush(services: ServiceLookup, body: Record<string, unknown>): Promise<Derived> {
  const project = obj(body.project, 'project');
  const slug = text(project.path_with_namespace, 'project.path_with_namespace').toLowerCase();
  const branch = text(project.default_branch, 'project.default_branch');
  if (body.ref !== `refs/heads/${branch}`)
    return ignored(`push to ${String(body.ref)}, not the default branch ${branch}`);
  const commits: unknown[] = Array.isArray(body.commits) ? body.commits : [];
  if (commits.length === 0) return ignored('the push has no commits');
  return processed(...pushedChanges('gitlab', slug, (await services.repository('gitlab', slug))?.id ?? null, commits));
}
