import type { Db } from '../../db/schema/index.js';
import { insertChange, upsertDeployment } from '../delivery/repo.js';
import { PRODUCTION_ENVIRONMENT } from '../delivery/service.js';
import { obj, text, time, UnusablePayload } from './payload.js';
import { findServiceBySlug } from './repo.js';

/**
 * Derives facts from one GitHub delivery, idempotently (facts are keyed by GitHub's own ids and commit shas).
 * Returns 'ignored' for events and actions that carry no fact Paved uses.
 */
export async function deriveGithub(db: Db, deliveryId: number, event: string, payload: unknown): Promise<'processed' | 'ignored'> {
  const body = obj(payload, 'payload');
  const repository = obj(body.repository, 'repository');
  const slug = text(repository.full_name, 'repository.full_name').toLowerCase();
  if (event === 'push') {
    const branch = text(repository.default_branch, 'repository.default_branch');
    if (body.ref !== `refs/heads/${branch}`) return 'ignored';
    const commits = Array.isArray(body.commits) ? body.commits : [];
    const serviceId = await findServiceBySlug(db, 'github', slug);
    for (const [index, raw] of commits.entries()) {
      const commit = obj(raw, `commits[${index}]`);
      const committedAt = time(commit.timestamp, `commits[${index}].timestamp`);
      await insertChange(db, { source: 'github', repository: slug, serviceId, commit: text(commit.id, `commits[${index}].id`).toLowerCase(), committedAt, position: committedAt.getTime() * 1000 + (index % 1000), deliveryId });
    }
    return commits.length > 0 ? 'processed' : 'ignored';
  }
  if (event === 'deployment_status') {
    const status = obj(body.deployment_status, 'deployment_status');
    const deployment = obj(body.deployment, 'deployment');
    const environment = text(deployment.environment ?? status.environment, 'deployment.environment');
    if (status.state !== 'success' || !PRODUCTION_ENVIRONMENT.test(environment)) return 'ignored';
    if (typeof deployment.id !== 'number' && typeof deployment.id !== 'string') throw new UnusablePayload('deployment.id is missing');
    await upsertDeployment(db, {
      source: 'github',
      externalId: String(deployment.id),
      repository: slug,
      serviceId: await findServiceBySlug(db, 'github', slug),
      environment,
      commit: text(deployment.sha, 'deployment.sha').toLowerCase(),
      finishedAt: time(status.updated_at ?? status.created_at, 'deployment_status.updated_at'),
      deliveryId,
    });
    return 'processed';
  }
  return 'ignored';
}
