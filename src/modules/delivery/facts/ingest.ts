import type { Kysely, Selectable } from 'kysely';
import type { ZodType } from 'zod';
import type { IncidentsTable } from '../../../db/schema/delivery.js';
import type { Database, Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { zodDetails } from '../../../http/router.js';
import { formatEntityRef, parseEntityRef } from '../../catalog/entity-ref.js';
import { repositoryOf } from '../../catalog/service-mapping/annotations.js';
import type { BatchResult, ChangeInput, DeploymentInput, IncidentInput } from '../contract.js';
import * as repo from './repo.js';
import type { Actor } from '../../audit/actor.js';
import { countsText, recordAudit } from '../../audit/service.js';

/**
 * One audit entry per batch, in the batch's transaction: who sent it and what it came to. `null` when the caller
 * records the whole run itself (the CLI writing a file in several batches).
 */
export async function recordBatch(
  db: Db,
  who: Actor | null,
  kind: 'deployments' | 'changes' | 'incidents',
  result: BatchResult,
  from = 'the API',
): Promise<void> {
  if (!who) return;
  const { rejected, ...counts } = result;
  await recordAudit(db, who, {
    action: 'record',
    entity: { kind, id: null, ref: null },
    summary: `Recorded ${kind} from ${from}: ${countsText({ ...counts, rejected: rejected.length })}`,
  });
}

const API = 'api';

type Valid<T> = { index: number; item: T; serviceId: number; repository: string };

/** The catalog ref an item's `service` names (`api` → `component:default/api`), or why it names none. */
export function serviceRefOf(service: string): string | { error: string } {
  const ref = parseEntityRef(service, { defaultKind: 'component', defaultNamespace: 'default' });
  return typeof ref === 'string' ? { error: ref } : formatEntityRef(ref);
}

/** Of these refs, those that name no active service: what an import must refuse before it writes anything. */
export async function missingServices(db: Db, refs: string[]): Promise<string[]> {
  const found = new Set((await repo.findServices(db, refs)).map((s) => s.ref));
  return refs.filter((r) => !found.has(r));
}

/** Validates each item and resolves its service; bad items are named by index, never stored. */
async function validate<T extends { service: string }>(db: Kysely<Database>, items: unknown[], schema: ZodType<T>) {
  const rejected: BatchResult['rejected'] = [];
  const parsed: { index: number; item: T; ref: string }[] = [];
  items.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      rejected.push({
        index,
        error: zodDetails(result.error)
          .map((d) => `${d.field}: ${d.reason}`)
          .join('; '),
      });
      return;
    }
    const ref = serviceRefOf(result.data.service);
    if (typeof ref !== 'string') rejected.push({ index, error: `service: ${ref.error}` });
    else parsed.push({ index, item: result.data, ref });
  });
  const services = new Map(
    (
      await repo.findServices(
        db,
        parsed.map((p) => p.ref),
      )
    ).map((s) => [s.ref, s]),
  );
  const valid: Valid<T>[] = [];
  for (const p of parsed) {
    const service = services.get(p.ref);
    if (!service) {
      rejected.push({ index: p.index, error: `service: no service "${p.ref}" in the catalog` });
      continue;
    }
    const annotations = (service.metadata as { annotations?: Record<string, string> }).annotations ?? {};
    valid.push({
      index: p.index,
      item: p.item,
      serviceId: service.id,
      repository: repositoryOf(annotations)?.slug.toLowerCase() ?? service.ref,
    });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { valid, rejected };
}

const same = (a: Date | string | null, b: Date | string | null) =>
  a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime();

/**
 * Counts each item against what was stored before the batch (an item equal to it is unchanged; the same id
 * again in one batch counts as an update) and returns the rows to write: one per id, the batch's last one.
 */
function plan<T extends { externalId: string }>(
  valid: T[],
  isUnchanged: (item: T) => boolean,
  existed: (id: string) => boolean,
  result: BatchResult,
  keyOf: (item: T) => string = (item) => item.externalId,
): T[] {
  const seen = new Set<string>();
  const last = new Map<string, { item: T; unchanged: boolean }>();
  for (const item of valid) {
    const id = keyOf(item);
    const unchanged = isUnchanged(item);
    if (unchanged) result.unchanged++;
    else if (existed(id) || seen.has(id)) result.updated++;
    else result.created++;
    if (!unchanged) seen.add(id);
    last.set(id, { item, unchanged });
  }
  return [...last.values()].filter((l) => !l.unchanged).map((l) => l.item);
}

export async function ingestDeployments(
  db: Kysely<Database>,
  items: unknown[],
  schema: ZodType<DeploymentInput>,
  who: Actor | null,
): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return inTransaction(db, async (tx) => {
    const existing = await repo.deploymentsByExternalId(
      tx,
      API,
      valid.map((v) => v.item.id),
    );
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejected };
    const rows: repo.DeploymentRow[] = valid.map(({ item, serviceId, repository }) => ({
      source: API,
      externalId: item.id,
      repository,
      serviceId,
      environment: item.environment,
      commit: item.commit?.toLowerCase() ?? null,
      finishedAt: new Date(item.finishedAt).toISOString(),
      deliveryId: null,
    }));
    const write = plan(
      rows,
      (r) => {
        const b = existing.get(r.externalId);
        return (
          !!b &&
          b.service_id === r.serviceId &&
          b.repository === r.repository &&
          b.environment === r.environment &&
          b.commit_sha === r.commit &&
          same(b.finished_at, r.finishedAt)
        );
      },
      (id) => existing.has(id),
      result,
    );
    await repo.writeDeployments(tx, write, 'replace');
    await recordBatch(tx, who, 'deployments', result);
    return result;
  });
}

export async function ingestIncidents(
  db: Kysely<Database>,
  items: unknown[],
  schema: ZodType<IncidentInput>,
  who: Actor | null,
): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  // An item may name the sender whose incident it backfills (a PagerDuty incident a webhook left without its
  // trigger time): it then updates that incident rather than adding one of the API's own.
  const keyOf = (r: { source: string; externalId: string }) => `${r.source}\n${r.externalId}`;
  return inTransaction(db, async (tx) => {
    const existing = new Map<string, Selectable<IncidentsTable>>();
    for (const source of new Set(valid.map((v) => v.item.source ?? API))) {
      const ids = valid.filter((v) => (v.item.source ?? API) === source).map((v) => v.item.id);
      for (const [id, row] of await repo.incidentsByExternalId(tx, source, ids))
        existing.set(keyOf({ source, externalId: id }), row);
    }
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejected };
    const rows: repo.IncidentRow[] = valid.map(({ item, serviceId }) => ({
      source: item.source ?? API,
      externalId: item.id,
      serviceId,
      // The sender's own name of the service (a PagerDuty service id) stays what its webhooks said.
      externalService:
        existing.get(keyOf({ source: item.source ?? API, externalId: item.id }))?.external_service ?? null,
      title: item.title ?? null,
      severity: item.severity ?? null,
      causes: item.causes ?? [],
      triggeredAt: new Date(item.triggeredAt).toISOString(),
      resolvedAt: item.resolvedAt ? new Date(item.resolvedAt).toISOString() : null,
      url: item.url ?? null,
      deliveryId: null,
    }));
    const write = plan(
      rows,
      (r) => {
        const b = existing.get(keyOf(r));
        return (
          !!b &&
          b.service_id === r.serviceId &&
          same(b.triggered_at, r.triggeredAt) &&
          b.trigger_time_known &&
          same(b.resolved_at, r.resolvedAt) &&
          b.severity === r.severity &&
          b.title === r.title &&
          b.url === r.url &&
          JSON.stringify(b.cause_tags) === JSON.stringify(r.causes)
        );
      },
      (key) => existing.has(key),
      result,
      keyOf,
    );
    await repo.writeIncidents(tx, write, 'replace');
    await recordBatch(tx, who, 'incidents', result);
    return result;
  });
}

/**
 * Commits from the API are ordered by their time (then their place in the batch), as pushes order them. A commit
 * already known (from a push, or earlier in the batch) is unchanged: the first record stands.
 */
export async function ingestChanges(
  db: Kysely<Database>,
  items: unknown[],
  schema: ZodType<ChangeInput>,
  who: Actor | null,
): Promise<BatchResult> {
  const { valid, rejected } = await validate(db, items, schema);
  return inTransaction(db, async (tx) => {
    const first = new Map<string, repo.ChangeRow>();
    for (const { index, item, serviceId, repository } of valid) {
      const commit = item.commit.toLowerCase();
      const committedAt = new Date(item.timestamp);
      const key = `${repository}\n${commit}`;
      if (!first.has(key))
        first.set(key, {
          source: API,
          repository,
          serviceId,
          commit,
          committedAt: committedAt.toISOString(),
          position: committedAt.getTime() * 1000 + (index % 1000),
          deliveryId: null,
        });
    }
    const created = await repo.writeChanges(tx, [...first.values()]);
    const result = { created, updated: 0, unchanged: valid.length - created, rejected };
    await recordBatch(tx, who, 'changes', result);
    return result;
  });
}
