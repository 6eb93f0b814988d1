import type { Db } from '../../../db/schema/index.js';
import { validationError } from '../../../http/router.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit, type AuditEntry } from '../../audit/service.js';
import { AUDIT_KIND } from '../../voice/feedback/create-item.js';
import { CLOSES_KINDS } from './contract.js';
import { closeTargets, existingTargets, type CloseKind } from './repo.js';

// What a release closes: feature requests (done), bugs (fixed) and roadmap items (done). The people who asked are
// told by a follow-up that reads release_closes; here the items themselves change, once, and the trail says why.

type Item = { kind: CloseKind; id: number };

const LABEL: Record<CloseKind, string> = { request: 'request', bug: 'bug', roadmap: 'roadmap item' };
const ENTITY: Record<CloseKind, string> = { request: AUDIT_KIND.request, bug: AUDIT_KIND.bug, roadmap: 'roadmap-item' };
const CLOSED_AS: Record<CloseKind, string> = { request: 'done', bug: 'fixed', roadmap: 'done' };

/** Every item must exist and be of its kind: a 400 naming each `closes[i]` that is not. */
export async function checkCloses(db: Db, items: Item[] | undefined): Promise<void> {
  if (!items?.length) return;
  const found = new Map<CloseKind, Set<number>>();
  for (const kind of CLOSES_KINDS)
    found.set(
      kind,
      await existingTargets(
        db,
        kind,
        items.filter((i) => i.kind === kind).map((i) => i.id),
      ),
    );
  const missing = items.flatMap((item, i) =>
    found.get(item.kind)?.has(item.id)
      ? []
      : [{ field: `closes[${i}]`, reason: `there is no ${LABEL[item.kind]} ${item.id}` }],
  );
  if (missing.length) throw validationError(missing);
}

/** Closes the items still open as of the release's date, recording each in the audit trail. */
export async function closeItems(
  db: Db,
  who: Actor,
  release: { id: number; version: string; at: Date; capabilityRef: string | null },
  items: Item[],
): Promise<void> {
  const entries: AuditEntry[] = [];
  for (const kind of CLOSES_KINDS) {
    const ids = [...new Set(items.filter((i) => i.kind === kind).map((i) => i.id))];
    for (const closed of await closeTargets(db, kind, ids, release.at))
      entries.push({
        action: 'close',
        entity: { kind: ENTITY[kind], id: closed.id, ref: release.capabilityRef },
        summary: `${LABEL[kind]} ${closed.id} "${closed.title}" ${CLOSED_AS[kind]} in release ${release.version} (${release.id})`,
        changes: { status: { before: closed.was, after: CLOSED_AS[kind] } },
      });
  }
  if (entries.length > 0) await recordAudit(db, who, entries);
}
