import type { Kysely } from 'kysely';
import type { ZodType } from 'zod';
import type { Database } from '../../db/schema/index.js';
import { zodDetails } from '../../server/router.js';
import { formatEntityRef, parseEntityRef } from '../catalog/entity-ref.js';
import { repositoryOf } from '../catalog/views.js';
import type { BatchResult, ChangeInput, DeploymentInput, IncidentInput } from './contract.js';
import * as repo from './repo.js';

const API = 'api';

type Valid<T> = { index: number; item: T; serviceId: number; repository: string };

/** Validates each item and resolves its service; bad items are named by index, never stored. */
async function validate<T extends { service: string }>(db: Kysely<Database>, items: unknown[], schema: ZodType<T>) {
  const rejected: BatchResult['rejected'] = [];
  const parsed: { index: number; item: T; ref: string }[] = [];
  items.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      rejected.push({ index, error: zodDetails(result.error).map((d) => `${d.field}: ${d.reason}`).join('; ') });
      return;
    }
    const ref = parseEntityRef(result.data.service, { defaultKind: 'component', defaultNamespace: 'default' });
    if (typeof ref === 'string') rejected.push({ index, error: `service: ${ref}` });
    else parsed.push({ index, item: result.data, ref: formatEntityRef(ref) });
  });
  const services = new Map((await repo.findServices(db, [...new Set(parsed.map((p) => p.ref))])).map((s) => [s.ref, s]));
  const valid: Valid<T>[] = [];
  for (const p of parsed) {
    const service = services.get(p.ref);
    if (!service) {
      rejected.push({ index: p.index, error: `service: no service "${p.ref}" in the catalog` });
      continue;
    }
    const annotations = (service.metadata as { annotations?: Record<string, string> }).annotations ?? {};
    valid.push({ index: p.index, item: p.item, serviceId: service.id, repository: repositoryOf(annotations)?.slug.toLowerCase() ?? service.ref });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { valid, rejected };
}

const same = (a: Date | string | null, b: Date | string | null) => (a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime());

export async function ingestDeployments(db: Kysely<Database>, items: unknown[], schema: ZodType<DeploymentInput>): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return db.transaction().execute(async (tx) => {
    const existing = new Map((await repo.findByExternalIds(tx, 'deployments', API, valid.map((v) => v.item.id))).map((d) => [d.external_id, d]));
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejected };
    // The same id twice in one batch: the later one wins and counts as an update.
    const seen = new Set<string>();
    for (const { item, serviceId, repository } of valid) {
      const before = existing.get(item.id);
      const finishedAt = new Date(item.finishedAt);
      const commit = item.commit?.toLowerCase() ?? null;
      if (before && before.service_id === serviceId && before.environment === item.environment && before.commit_sha === commit && same(before.finished_at, finishedAt)) {
        result.unchanged++;
        continue;
      }
      await repo.upsertDeployment(tx, { source: API, externalId: item.id, repository, serviceId, environment: item.environment, commit, finishedAt, deliveryId: null });
      if (before || seen.has(item.id)) result.updated++;
      else result.created++;
      seen.add(item.id);
    }
    return result;
  });
}

export async function ingestIncidents(db: Kysely<Database>, items: unknown[], schema: ZodType<IncidentInput>): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return db.transaction().execute(async (tx) => {
    const existing = new Map((await repo.findByExternalIds(tx, 'incidents', API, valid.map((v) => v.item.id))).map((d) => [d.external_id, d]));
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejected };
    const seen = new Set<string>();
    for (const { item, serviceId } of valid) {
      const before = existing.get(item.id);
      const triggeredAt = new Date(item.triggeredAt);
      const resolvedAt = item.resolvedAt ? new Date(item.resolvedAt) : null;
      if (before && before.service_id === serviceId && same(before.triggered_at, triggeredAt) && same(before.resolved_at, resolvedAt) && before.severity === (item.severity ?? null) && before.title === (item.title ?? null)) {
        result.unchanged++;
        continue;
      }
      await repo.upsertIncident(tx, { source: API, externalId: item.id, serviceId, externalService: null, title: item.title ?? null, severity: item.severity ?? null, causes: item.causes ?? [], triggeredAt, resolvedAt, deliveryId: null });
      if (before || seen.has(item.id)) result.updated++;
      else result.created++;
      seen.add(item.id);
    }
    return result;
  });
}

/** Commits from the API are ordered by their time (then their place in the batch), as pushes order them. */
export async function ingestChanges(db: Kysely<Database>, items: unknown[], schema: ZodType<ChangeInput>): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return db.transaction().execute(async (tx) => {
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejected };
    for (const { index, item, serviceId, repository } of valid) {
      const committedAt = new Date(item.timestamp);
      const inserted = await repo.insertChange(tx, { source: API, repository, serviceId, commit: item.commit.toLowerCase(), committedAt, position: committedAt.getTime() * 1000 + (index % 1000), deliveryId: null });
      if (inserted) result.created++;
      else result.unchanged++;
    }
    return result;
  });
}
