import type { Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { notFound } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { validationError } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { entityNamed } from '../../voice/problems/catalog-names.js';
import type { SubscriptionCreate } from './contract.js';
import { queueAnnouncementAttempt } from './delivery-job.js';
import { destinationRefusal } from './destination.js';
import * as repo from './repo.js';
import { newSigningSecret, requireSecretKey, sealSubscriptionValue } from './subscription-secrets.js';

export interface SubscriptionSettings {
  secretKey: Buffer | null;
  allowPrivate: boolean;
}

/** The filter as stored: catalog refs for the names given, each checked (400 naming the field when unknown). */
async function storedFilter(db: Db, filter: SubscriptionCreate['filter']): Promise<repo.StoredFilter> {
  if (!filter) return {};
  const out: repo.StoredFilter = {};
  if (filter.capabilities) {
    const refs: string[] = [];
    for (const [i, name] of filter.capabilities.entries())
      refs.push((await entityNamed(db, name, 'capability', `filter.capabilities[${i}]`)).ref);
    out.capabilities = [...new Set(refs)];
  }
  if (filter.team) out.team = (await entityNamed(db, filter.team, 'group', 'filter.team')).ref;
  if (filter.types) out.types = [...new Set(filter.types)];
  return out;
}

/** Adds a subscription; a webhook's signing secret is generated and returned here only. */
export async function createSubscription(
  db: Db,
  principal: Principal,
  input: SubscriptionCreate,
  settings: SubscriptionSettings,
): Promise<{ id: number; secret: string | null }> {
  const key = requireSecretKey(settings.secretKey);
  const refusal = await destinationRefusal(input.url, settings.allowPrivate);
  if (refusal) throw validationError([{ field: 'url', reason: refusal }]);
  const filter = await storedFilter(db, input.filter);
  const host = new URL(input.url).host;
  const secret = input.kind === 'webhook' ? newSigningSecret() : null;
  return inTransaction(db, async (tx) => {
    const { id } = await repo.insertSubscription(tx, {
      kind: input.kind,
      name: input.name ?? null,
      urlHost: host,
      filter,
      createdBy: principal.name,
    });
    const sealedSecret = secret === null ? null : sealSubscriptionValue(key, id, 'secret', secret);
    await repo.setSealed(tx, id, sealSubscriptionValue(key, id, 'url', input.url), sealedSecret);
    await recordAudit(tx, principal, {
      action: 'create',
      entity: { kind: 'subscription', id, ref: null },
      summary: `Added ${input.kind} announcements to ${host}${input.name ? ` ("${input.name}")` : ''}`,
      // The URL is a credential for Slack and Teams: the trail names the host only.
      changes: diffFields(null, { kind: input.kind, name: input.name ?? null, host, filter }),
    });
    return { id, secret };
  });
}

export async function deleteSubscription(db: Db, principal: Principal, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await repo.getSubscription(tx, id);
    if (!row || (await repo.deleteSubscription(tx, id)) === 0) throw notFound(`subscription ${id}`);
    await recordAudit(tx, principal, {
      action: 'delete',
      entity: { kind: 'subscription', id, ref: null },
      summary: `Deleted ${row.kind} announcements to ${row.url_host}`,
      changes: diffFields({ kind: row.kind, name: row.name, host: row.url_host, filter: row.filter }, null),
    });
  });
}

/** Unpauses a subscription and queues its failed announcements again, from their first attempt. */
export async function resumeSubscription(db: Db, principal: Principal, id: number): Promise<number> {
  return inTransaction(db, async (tx) => {
    const row = await repo.getSubscription(tx, id);
    if (!row) throw notFound(`subscription ${id}`);
    const requeued = await repo.resumeSubscription(tx, id);
    for (const announcement of requeued) await queueAnnouncementAttempt(tx, announcement);
    await recordAudit(tx, principal, {
      action: 'resume',
      entity: { kind: 'subscription', id, ref: null },
      summary: `Resumed ${row.kind} announcements to ${row.url_host}; ${requeued.length} failed announcement(s) queued again`,
      changes: diffFields(
        { paused: row.paused_at !== null, pauseReason: row.pause_reason },
        { paused: false, pauseReason: null },
      ),
    });
    return requeued.length;
  });
}
