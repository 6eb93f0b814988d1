import { globSource, isProduction, productionPattern } from '../../shared/production.js';
import { deriveGithubIssue } from '../issue-incidents.js';
import {
  both,
  DEFAULT_FEEDBACK_LABELS,
  type FeedbackLabels,
  githubCommentFeedback,
  githubIssueFeedback,
} from '../issue-feedback.js';
import { githubRelease } from '../release-facts.js';
import { commitSha, type Derived, id, ignored, obj, processed, pushedChanges, text, time } from '../payload.js';
import type { ServiceLookup } from '../service-lookup.js';

/** Deploy workflows when PAVED_DEPLOY_WORKFLOWS is unset: any workflow whose name contains "deploy". */
export const DEFAULT_DEPLOY_WORKFLOWS = ['*deploy*'];

export interface GithubSettings {
  /** Workflow name globs (case-insensitive) whose successful runs on the default branch are production deployments. */
  deployWorkflows: string[];
  /** Which environments are production (`productionPattern`). */
  production: string;
  /** Issue labels that make feedback items; absent: DEFAULT_FEEDBACK_LABELS. */
  feedbackLabels?: FeedbackLabels;
}

/** `*` any run of characters, `?` one; the whole name must match, ignoring case. */
export const matchesGlob = (name: string, glob: string) => new RegExp(`^${globSource(glob)}$`, 'i').test(name);

export const parseGlobs = (list: string) =>
  list
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);

/** A deployment made by a GitHub Actions run is one deployment, however it reaches us (its run or its statuses). */
const runKey = (runId: string) => `workflow_run:${runId}`;

/**
 * The facts one GitHub delivery carries, keyed by GitHub's own ids and commit shas so that writing them again
 * changes nothing. Events and actions that carry no fact Paved uses are ignored, with the reason.
 */
export async function deriveGithub(
  services: ServiceLookup,
  event: string,
  payload: unknown,
  settings: GithubSettings = { deployWorkflows: DEFAULT_DEPLOY_WORKFLOWS, production: productionPattern() },
): Promise<Derived> {
  const body = obj(payload, 'payload');
  if (event === 'deployment') return ignored('a deployment counts when its deployment_status succeeds');
  if (event === 'pull_request')
    return ignored('changes come from pushes to the default branch (or the API), not pull requests');
  const repository = obj(body.repository, 'repository');
  const slug = text(repository.full_name, 'repository.full_name').toLowerCase();
  if (event === 'push') {
    const branch = text(repository.default_branch, 'repository.default_branch');
    if (body.ref !== `refs/heads/${branch}`)
      return ignored(`push to ${String(body.ref)}, not the default branch ${branch}`);
    const commits: unknown[] = Array.isArray(body.commits) ? body.commits : [];
    if (commits.length === 0) return ignored('the push has no commits');
    return processed(
      ...pushedChanges('github', slug, (await services.repository('github', slug))?.id ?? null, commits),
    );
  }
  if (event === 'deployment_status') {
    const status = obj(body.deployment_status, 'deployment_status');
    const deployment = obj(body.deployment, 'deployment');
    const environment = text(deployment.environment ?? status.environment, 'deployment.environment');
    if (status.state !== 'success') return ignored(`deployment state ${String(status.state)}, not success`);
    if (!isProduction(environment, settings.production)) return ignored(`environment ${environment} is not production`);
    const run =
      body.workflow_run && typeof body.workflow_run === 'object'
        ? (body.workflow_run as Record<string, unknown>)
        : null;
    return processed({
      kind: 'deployment',
      source: 'github',
      externalId: run ? runKey(id(run.id, 'workflow_run.id')) : id(deployment.id, 'deployment.id'),
      repository: slug,
      serviceId: (await services.repository('github', slug))?.id ?? null,
      environment,
      commit: text(deployment.sha, 'deployment.sha').toLowerCase(),
      finishedAt: time(status.updated_at ?? status.created_at, 'deployment_status.updated_at'),
    });
  }
  if (event === 'workflow_run') return deriveWorkflowRun(services, body, repository, slug, settings);
  const labels = settings.feedbackLabels ?? DEFAULT_FEEDBACK_LABELS;
  // Feedback keeps the repository's name as GitHub spells it, for people to read.
  const name = text(repository.full_name, 'repository.full_name');
  if (event === 'issues')
    return both(await deriveGithubIssue(services, body, slug), githubIssueFeedback(body, name, labels));
  if (event === 'issue_comment') return githubCommentFeedback(body, name, labels);
  if (event === 'release') return githubRelease(body, name);
  return ignored(`Paved does not read ${event} events`);
}

async function deriveWorkflowRun(
  services: ServiceLookup,
  body: Record<string, unknown>,
  repository: Record<string, unknown>,
  slug: string,
  settings: GithubSettings,
): Promise<Derived> {
  const run = obj(body.workflow_run, 'workflow_run');
  if (body.action !== 'completed') return ignored(`workflow run ${String(body.action)}, not completed`);
  if (run.conclusion !== 'success') return ignored(`workflow run concluded ${String(run.conclusion)}, not success`);
  const branch = text(repository.default_branch, 'repository.default_branch');
  if (run.head_branch !== branch)
    return ignored(`workflow run on ${String(run.head_branch)}, not the default branch ${branch}`);
  // The run's name is the workflow's name; GitHub leaves it empty in some payloads, where `workflow.name` has it.
  const workflow = body.workflow && typeof body.workflow === 'object' ? (body.workflow as Record<string, unknown>) : {};
  const name = text(run.name || workflow.name, 'workflow_run.name');
  const service = await services.repository('github', slug);
  const globs = service?.deployWorkflows == null ? settings.deployWorkflows : parseGlobs(service.deployWorkflows);
  if (!globs.some((glob) => matchesGlob(name, glob)))
    return ignored(`workflow "${name}" is not a deploy workflow (${globs.join(', ') || 'none configured'})`);
  return processed({
    kind: 'runDeployment',
    source: 'github',
    externalId: runKey(id(run.id, 'workflow_run.id')),
    repository: slug,
    serviceId: service?.id ?? null,
    environment: 'production',
    commit: commitSha(run.head_sha, 'workflow_run.head_sha'),
    finishedAt: time(run.updated_at, 'workflow_run.updated_at'),
  });
}
