import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import type { DemoDeliveryPlan } from './delivery-plan.js';
import * as factsRepo from '../modules/delivery/facts/repo.js';
import type { ChangeRow, DeploymentRow, IncidentRow } from '../modules/delivery/facts/repo.js';
import { demoRef } from './demo-catalog.js';
import { findEntityIds } from './find-entity-ids.js';

/**
 * The demo's facts carry the sender's source (`github`, `gitlab`, `pagerduty`), as if derived from webhooks: the
 * delivery pages, the unmapped page and remapping treat them exactly like real ones (the unmapped page lists only
 * senders' facts). They are told apart by having no raw delivery, which a webhook's facts always have.
 */
export const DEMO_FACTS: factsRepo.Undelivered = { sources: ['github', 'gitlab', 'pagerduty'] };

export interface SeedDeliveryResult {
  /** `unchanged`: this plan was already stored. `seeded`: the demo's facts were (re)written. */
  status: 'seeded' | 'unchanged';
  deployments: number;
  changes: number;
  incidents: number;
  /** Incidents still open on the plan's day. */
  unresolved: number;
  effects: number;
}

/**
 * Writes a delivery plan after the demo catalog was imported. Idempotent: when the stored demo facts already
 * are this plan's nothing is written; otherwise the demo's previous facts are replaced in one transaction, so a
 * demo started on a later day shows a history that ends on that day. Inserts skip facts already stored.
 */
export async function seedDemoDelivery(db: Kysely<Database>, plan: DemoDeliveryPlan): Promise<SeedDeliveryResult> {
  const mapped = plan.streams.flatMap((s) => (s.service ? [demoRef('component', s.service)] : []));
  const ids = await findEntityIds(db, mapped);
  const serviceId = (name: string | null) => {
    if (name === null) return null;
    const id = ids.get(demoRef('component', name));
    if (id === undefined)
      throw new Error(`demo delivery: ${name} is not in the catalog; import the demo catalog first`);
    return id;
  };

  const deployments: DeploymentRow[] = plan.streams.flatMap((s) => {
    const repository = s.repository;
    if (!repository) return [];
    return s.deployments.map((d) => ({
      source: repository.provider,
      externalId: d.id,
      repository: repository.slug,
      serviceId: serviceId(s.service),
      environment: 'production',
      commit: d.commit,
      finishedAt: d.finishedAt,
    }));
  });
  const changes: ChangeRow[] = plan.streams.flatMap((s) => {
    const repository = s.repository;
    if (!repository) return [];
    return s.changes.map((c) => ({
      source: repository.provider,
      repository: repository.slug,
      serviceId: serviceId(s.service),
      commit: c.sha,
      committedAt: c.committedAt,
      position: c.position,
    }));
  });
  const incidents: IncidentRow[] = plan.streams.flatMap((s) =>
    s.incidents.map((i) => ({
      source: 'pagerduty',
      externalId: i.id,
      serviceId: serviceId(s.service),
      externalService: i.pagerDutyServiceId,
      title: i.title,
      severity: i.severity,
      causes: i.causes,
      triggeredAt: i.triggeredAt,
      resolvedAt: i.resolvedAt,
    })),
  );
  const counts = {
    deployments: deployments.length,
    changes: changes.length,
    incidents: incidents.length,
    unresolved: incidents.filter((i) => i.resolvedAt === null).length,
    effects: plan.effects.length,
  };
  const firstCommitAt = changes.reduce<string | null>(
    (min, c) => (min === null || c.committedAt < min ? c.committedAt : min),
    null,
  );
  const lastDeploymentAt = deployments.reduce<string | null>(
    (max, d) => (max === null || d.finishedAt > max ? d.finishedAt : max),
    null,
  );

  const status = await db.transaction().execute(async (tx) => {
    const stored = await factsRepo.summarizeFacts(tx, DEMO_FACTS);
    const sameTime = (a: Date | null, b: string | null) =>
      a === null || b === null ? a === b : a.getTime() === Date.parse(b);
    if (
      stored.deployments === counts.deployments &&
      stored.changes === counts.changes &&
      stored.incidents === counts.incidents &&
      sameTime(stored.firstCommitAt, firstCommitAt) &&
      sameTime(stored.lastDeploymentAt, lastDeploymentAt)
    ) {
      return 'unchanged' as const;
    }
    await factsRepo.deleteFacts(tx, DEMO_FACTS);
    await factsRepo.writeChanges(tx, changes);
    await factsRepo.writeDeployments(tx, deployments, 'keep');
    await factsRepo.writeIncidents(tx, incidents, 'keep');
    return 'seeded' as const;
  });
  if (status === 'seeded') await factsRepo.analyzeFacts(db);
  return { status, ...counts };
}
