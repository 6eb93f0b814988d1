import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../audit/actor.js';
import { countsText, recordAudit } from '../audit/service.js';
import type { IngestResult, Rejection, UsageEvent } from './contract.js';
import type { ParsedBatch } from './parse-batch.js';
import * as repo from './repo.js';

const LABEL = { capability: 'capability', service: 'service', team: 'team' } as const;

/** Why a ref cannot be stored, or its entity id. */
function lookup(targets: Map<string, repo.RefTarget>, field: keyof typeof LABEL, ref: string): number | string {
  const target = targets.get(ref);
  if (!target) return `${field}: no ${LABEL[field]} "${ref}" in the catalog`;
  if (target.status !== 'active') return `${field}: ${LABEL[field]} "${ref}" was removed from the catalog (orphaned)`;
  return target.id;
}

function refsOf(events: { event: UsageEvent }[]): string[] {
  const refs = new Set<string>();
  for (const { event } of events) {
    refs.add(event.capability);
    if (event.service !== undefined) refs.add(event.service);
    if (event.team !== undefined) refs.add(event.team);
  }
  return [...refs];
}

/**
 * Stores the valid events of a parsed batch. Events naming something not in the catalog are rejected;
 * an id already stored, or seen earlier in the batch, makes a duplicate. Idempotent: resending a batch
 * stores nothing more.
 */
export async function ingestEvents(db: Kysely<Database>, batch: ParsedBatch, who: Actor): Promise<IngestResult> {
  const targets = await repo.findRefTargets(db, refsOf(batch.events));
  const rejected: Rejection[] = [...batch.rejected];
  const rows: repo.EventColumns = {
    eventId: [],
    capabilityId: [],
    serviceId: [],
    teamId: [],
    actor: [],
    action: [],
    occurredAt: [],
    count: [],
  };
  const seenIds = new Set<string>();
  let duplicatesInBatch = 0;

  for (const { index, event } of batch.events) {
    const capability = lookup(targets, 'capability', event.capability);
    const service = event.service === undefined ? null : lookup(targets, 'service', event.service);
    const team = event.team === undefined ? null : lookup(targets, 'team', event.team);
    const problems = [capability, service, team].filter((v): v is string => typeof v === 'string');
    if (problems.length > 0) {
      rejected.push({ index, error: problems.join('; ') });
      continue;
    }
    if (event.id !== undefined) {
      if (seenIds.has(event.id)) {
        duplicatesInBatch++;
        continue;
      }
      seenIds.add(event.id);
    }
    rows.eventId.push(event.id ?? null);
    rows.capabilityId.push(capability as number);
    rows.serviceId.push(service as number | null);
    rows.teamId.push(team as number | null);
    rows.actor.push(event.actor ?? null);
    rows.action.push(event.action ?? null);
    rows.occurredAt.push(event.timestamp);
    rows.count.push(event.count);
  }

  rejected.sort((a, b) => a.index - b.index);
  // One audit entry per batch, not per event.
  return inTransaction(db, async (tx) => {
    const accepted = await repo.insertUsageEvents(tx, rows);
    const result = { accepted, duplicates: duplicatesInBatch + rows.capabilityId.length - accepted, rejected };
    await recordAudit(tx, who, {
      action: 'record',
      entity: { kind: 'usage-events', id: null, ref: null },
      summary: `Recorded usage events: ${countsText({ accepted, duplicates: result.duplicates, rejected: rejected.length })}`,
    });
    return result;
  });
}
