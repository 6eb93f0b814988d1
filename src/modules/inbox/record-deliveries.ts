import type { Fact } from '../../connectors/facts.js';
import type { Derived } from '../../connectors/payload.js';
import type { Db } from '../../db/schema/index.js';
import { actor } from '../audit/actor.js';
import { countsText, recordAudit, type AuditEntry } from '../audit/service.js';

const SENDER: Record<string, string> = { github: 'GitHub', gitlab: 'GitLab', pagerduty: 'PagerDuty' };
const LABEL: Record<Fact['kind'], string> = {
  change: 'changes',
  deployment: 'deployments',
  runDeployment: 'deployments',
  incident: 'incident events',
  incidentWithdrawn: 'incidents withdrawn',
  issue: 'feedback issue events',
  issueComment: 'feedback comments',
  release: 'releases',
};

function factCounts(facts: Fact[]): string {
  const counts: Record<string, number> = {};
  for (const f of facts) counts[LABEL[f.kind]] = (counts[LABEL[f.kind]] ?? 0) + 1;
  return countsText(counts);
}

/**
 * One audit entry per webhook delivery, the first time it is derived (in the transaction that writes its facts),
 * credited to its sender. Deriving again (`paved reprocess`) is recorded once for the whole run instead.
 */
export async function recordDeliveries(
  db: Db,
  deliveries: { id: number; source: string; event: string; status: string; delivery_id: string }[],
  readings: (Derived | { status: 'failed'; reason: string })[],
): Promise<void> {
  const bySender = new Map<string, AuditEntry[]>();
  deliveries.forEach((d, i) => {
    const reading = readings[i];
    if (d.status !== 'pending' || !reading) return;
    const what = `${SENDER[d.source] ?? d.source} ${d.event} delivery ${d.delivery_id}`;
    const outcome =
      reading.status === 'processed'
        ? factCounts(reading.facts)
        : `${reading.status === 'failed' ? 'failed' : 'ignored'}: ${reading.reason}`;
    const entries = bySender.get(d.source) ?? [];
    entries.push({
      action: 'deliver',
      entity: { kind: 'delivery', id: d.id, ref: null },
      summary: `${what}: ${outcome}`,
    });
    bySender.set(d.source, entries);
  });
  for (const [source, entries] of bySender) await recordAudit(db, actor(`webhook:${source}`, 'webhook'), entries);
}
