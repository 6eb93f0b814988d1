import type { Kysely } from 'kysely';
import type { ZodType } from 'zod';
import type { Database, Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { zodDetails } from '../../../http/router.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { repositoryOf } from '../../catalog/service-mapping/annotations.js';
import type { BatchResult, ChangeInput, DeploymentInput, IncidentInput } from '../contract.js';
import { findServices } from '../repo.js';

const API = 'api';
/** Rows per statement: well under PostgreSQL's 65,535 parameters for every fact table. */
const CHUNK = 1000;

type Valid<T> = { index: number; item: T; serviceId: number; repository: string };

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** The catalog ref an item's `service` names (`api` → `component:default/api`), or why it names none. */
export function serviceRefOf(service: string): string | { error: string } {
  const ref = parseEntityRef(service, { defaultKind: 'component', defaultNamespace: 'default' });
  return typeof ref === 'string' ? { error: ref } : formatEntityRef(ref);
}

/** Of these refs, those that name no active service: what an import must refuse before it writes anything. */
export async function missingServices(db: Db, refs: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const part of chunks(refs)) for (const s of await findServices(db, part)) found.add(s.ref);
  return refs.filter((r) => !found.has(r));
}

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
    const ref = serviceRefOf(result.data.service);
    if (typeof ref !== 'string') rejected.push({ index, error: `service: ${ref.error}` });
    else parsed.push({ index, item: result.data, ref });
  });
  const refs = [...new Set(parsed.map((p) => p.ref))];
  const services = new Map<string, Awaited<ReturnType<typeof findServices>>[number]>();
  for (const part of chunks(refs)) for (const s of await findServices(db, part)) services.set(s.ref, s);
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

/** Rows stored before the batch, by their external id, read in chunks. */
async function byExternalId<R extends { external_id: string }>(ids: string[], load: (part: string[]) => Promise<R[]>) {
  const rows: R[] = [];
  for (const part of chunks([...new Set(ids)])) rows.push(...(await load(part)));
  return new Map(rows.map((r) => [r.external_id, r]));
}

const same = (a: Date | string | null, b: Date | string | null) => (a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime());

/**
 * Counts each item against what was stored before the batch (an item equal to it is unchanged; the same id
 * again in one batch counts as an update) and returns the rows to write: one per id, the batch's last one.
 */
function plan<T extends { id: string }>(valid: T[], isUnchanged: (item: T) => boolean, existed: (id: string) => boolean, result: BatchResult): T[] {
  const seen = new Set<string>();
  const last = new Map<string, { item: T; unchanged: boolean }>();
  for (const item of valid) {
    const unchanged = isUnchanged(item);
    if (unchanged) result.unchanged++;
    else if (existed(item.id) || seen.has(item.id)) result.updated++;
    else result.created++;
    if (!unchanged) seen.add(item.id);
    last.set(item.id, { item, unchanged });
  }
  return [...last.values()].filter((l) => !l.unchanged).map((l) => l.item);
}

export async function ingestDeployments(db: Kysely<Database>, items: unknown[], schema: ZodType<DeploymentInput>): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return inTransaction(db, async (tx) => {
    const existing = await byExternalId(valid.map((v) => v.item.id), (part) => tx.selectFrom('deployments').selectAll().where('source', '=', API).where('external_id', 'in', part).execute());
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejected };
    const rows = valid.map(({ item, serviceId, repository }) => ({
      id: item.id,
      source: API,
      external_id: item.id,
      repository,
      service_id: serviceId,
      environment: item.environment,
      commit_sha: item.commit?.toLowerCase() ?? null,
      finished_at: new Date(item.finishedAt),
      delivery_id: null,
    }));
    const write = plan(
      rows,
      (r) => {
        const b = existing.get(r.id);
        return !!b && b.service_id === r.service_id && b.repository === r.repository && b.environment === r.environment && b.commit_sha === r.commit_sha && same(b.finished_at, r.finished_at);
      },
      (id) => existing.has(id),
      result,
    );
    for (const part of chunks(write)) {
      await tx
        .insertInto('deployments')
        .values(part.map(({ id: _id, ...row }) => row))
        .onConflict((oc) =>
          oc.columns(['source', 'external_id']).doUpdateSet((eb) => ({
            repository: eb.ref('excluded.repository'),
            service_id: eb.ref('excluded.service_id'),
            environment: eb.ref('excluded.environment'),
            commit_sha: eb.ref('excluded.commit_sha'),
            finished_at: eb.ref('excluded.finished_at'),
            delivery_id: eb.ref('excluded.delivery_id'),
          })),
        )
        .execute();
    }
    return result;
  });
}

export async function ingestIncidents(db: Kysely<Database>, items: unknown[], schema: ZodType<IncidentInput>): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return inTransaction(db, async (tx) => {
    const existing = await byExternalId(valid.map((v) => v.item.id), (part) => tx.selectFrom('incidents').selectAll().where('source', '=', API).where('external_id', 'in', part).execute());
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejected };
    const rows = valid.map(({ item, serviceId }) => ({
      id: item.id,
      source: API,
      external_id: item.id,
      service_id: serviceId,
      external_service: null,
      title: item.title ?? null,
      severity: item.severity ?? null,
      causes: item.causes ?? [],
      triggered_at: new Date(item.triggeredAt),
      resolved_at: item.resolvedAt ? new Date(item.resolvedAt) : null,
      url: item.url ?? null,
      delivery_id: null,
    }));
    const write = plan(
      rows,
      (r) => {
        const b = existing.get(r.id);
        return (
          !!b &&
          b.service_id === r.service_id &&
          same(b.triggered_at, r.triggered_at) &&
          same(b.resolved_at, r.resolved_at) &&
          b.severity === r.severity &&
          b.title === r.title &&
          b.url === r.url &&
          JSON.stringify(b.cause_tags) === JSON.stringify(r.causes)
        );
      },
      (id) => existing.has(id),
      result,
    );
    for (const part of chunks(write)) {
      await tx
        .insertInto('incidents')
        .values(part.map(({ id: _id, causes, ...row }) => ({ ...row, cause_tags: JSON.stringify(causes) })))
        .onConflict((oc) =>
          oc.columns(['source', 'external_id']).doUpdateSet((eb) => ({
            service_id: eb.ref('excluded.service_id'),
            external_service: eb.ref('excluded.external_service'),
            title: eb.ref('excluded.title'),
            severity: eb.ref('excluded.severity'),
            cause_tags: eb.ref('excluded.cause_tags'),
            triggered_at: eb.ref('excluded.triggered_at'),
            resolved_at: eb.ref('excluded.resolved_at'),
            url: eb.ref('excluded.url'),
            delivery_id: eb.ref('excluded.delivery_id'),
          })),
        )
        .execute();
    }
    return result;
  });
}

/**
 * Commits from the API are ordered by their time (then their place in the batch), as pushes order them. A commit
 * already known (from a push, or earlier in the batch) is unchanged: the first record stands.
 */
export async function ingestChanges(db: Kysely<Database>, items: unknown[], schema: ZodType<ChangeInput>): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return inTransaction(db, async (tx) => {
    const first = new Map<string, { source: string; repository: string; service_id: number; commit_sha: string; committed_at: Date; position: number; delivery_id: null }>();
    for (const { index, item, serviceId, repository } of valid) {
      const commit = item.commit.toLowerCase();
      const committedAt = new Date(item.timestamp);
      const key = `${repository}\n${commit}`;
      if (!first.has(key)) first.set(key, { source: API, repository, service_id: serviceId, commit_sha: commit, committed_at: committedAt, position: committedAt.getTime() * 1000 + (index % 1000), delivery_id: null });
    }
    let created = 0;
    for (const part of chunks([...first.values()])) {
      const inserted = await tx
        .insertInto('changes')
        .values(part)
        .onConflict((oc) => oc.columns(['repository', 'commit_sha']).doNothing())
        .returning('id')
        .execute();
      created += inserted.length;
    }
    return { created, updated: 0, unchanged: valid.length - created, rejected };
  });
}
