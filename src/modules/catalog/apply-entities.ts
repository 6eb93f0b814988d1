import { createHash } from 'node:crypto';
import type { NewEntity } from '../../db/schema/entities.js';
import type { Db } from '../../db/schema/index.js';
import type { ParsedEntity } from './entity.js';
import * as repo from './repo.js';

/** Writes (created, updated, restored, orphaned) after which the planner's statistics are refreshed. */
const ANALYZE_AFTER_WRITES = 1000;

export interface ApplyOptions {
  /** Where the entities come from; entities of this source that are missing become orphaned. */
  source: string;
  orphanMissing: boolean;
  importId?: number | null;
  actor?: string | null;
}

export interface ApplySummary {
  created: number;
  updated: number;
  unchanged: number;
  orphaned: number;
  /** Orphaned entities that came back. Also counted in `updated`. */
  restored: number;
}

/** What makes an entity different; the file and document it sits in are not part of it. */
export function contentHash(e: ParsedEntity): string {
  const { location: _location, ...content } = e;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function toRow(e: ParsedEntity, source: string): NewEntity {
  return {
    ref: e.ref,
    kind: e.kind,
    namespace: e.namespace,
    name: e.name,
    title: e.title,
    description: e.description,
    owner_ref: e.ownerRef,
    type: e.type,
    lifecycle: e.lifecycle,
    parent_ref: e.parentRef,
    system_ref: e.systemRef,
    metadata: JSON.stringify(e.metadata),
    spec: JSON.stringify(e.spec),
    source,
    location: e.location,
    content_hash: contentHash(e),
  };
}

/**
 * Writes parsed entities: new ones are created, changed ones updated, identical ones left alone, and
 * (when asked) the source's entities that are no longer there are orphaned, never deleted.
 * Call inside a transaction: the caller decides what is atomic.
 */
export async function applyEntities(db: Db, entities: ParsedEntity[], options: ApplyOptions): Promise<ApplySummary> {
  const summary: ApplySummary = { created: 0, updated: 0, unchanged: 0, orphaned: 0, restored: 0 };
  const stamps = new Map(
    (
      await repo.findStamps(
        db,
        entities.map((e) => e.ref),
      )
    ).map((s) => [s.ref, s]),
  );
  const fresh: ParsedEntity[] = [];
  const changed: { id: number; entity: ParsedEntity; restored: boolean }[] = [];

  for (const entity of entities) {
    const stamp = stamps.get(entity.ref);
    if (!stamp) {
      fresh.push(entity);
      continue;
    }
    const row = toRow(entity, options.source);
    // Content decides: the same entity read from a file, then from its folder (another source), is unchanged. It
    // moves to the source that last brought it, so that source's next import orphans it if it leaves.
    if (stamp.content_hash === row.content_hash && stamp.status === 'active') {
      summary.unchanged++;
      if (stamp.location !== entity.location || stamp.source !== options.source)
        await repo.setOrigin(db, stamp.id, { source: options.source, location: entity.location });
      continue;
    }
    changed.push({ id: stamp.id, entity, restored: stamp.status === 'orphaned' });
  }

  const inserted = await repo.insertEntities(
    db,
    fresh.map((e) => toRow(e, options.source)),
  );
  const idByRef = new Map(inserted.map((r) => [r.ref, r.id]));
  for (const c of changed) {
    await repo.updateEntity(db, c.id, toRow(c.entity, options.source));
    idByRef.set(c.entity.ref, c.id);
  }

  const touched = [...fresh, ...changed.map((c) => c.entity)];
  const relations = touched.flatMap((e) =>
    e.relations.map((r) => ({ source_id: idByRef.get(e.ref) ?? 0, type: r.type, target_ref: r.targetRef })),
  );
  await repo.replaceRelations(
    db,
    changed.map((c) => c.id),
    relations,
  );

  const event = (entity_id: number, action: 'created' | 'updated' | 'orphaned' | 'restored') => ({
    entity_id,
    action,
    import_id: options.importId ?? null,
    actor: options.actor ?? null,
  });
  const events = [
    ...inserted.map((r) => event(r.id, 'created')),
    ...changed.map((c) => event(c.id, c.restored ? 'restored' : 'updated')),
  ];

  if (options.orphanMissing) {
    const present = new Set(entities.map((e) => e.ref));
    const gone = (await repo.findActiveStampsBySource(db, options.source)).filter((s) => !present.has(s.ref));
    await repo.markOrphaned(
      db,
      gone.map((s) => s.id),
    );
    events.push(...gone.map((s) => event(s.id, 'orphaned')));
    summary.orphaned = gone.length;
  }
  await repo.insertEvents(db, events);
  // Plans made on stale statistics turn list and search into full scans (bench/catalog-import.ts).
  if (events.length >= ANALYZE_AFTER_WRITES) await repo.analyzeCatalog(db);

  summary.created = inserted.length;
  summary.updated = changed.length;
  summary.restored = changed.filter((c) => c.restored).length;
  return summary;
}
