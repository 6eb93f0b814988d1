import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import * as adoptionRepo from '../modules/adoption/repo.js';
import * as scansRepo from '../modules/adoption/scans/repo.js';
import * as eventsRepo from '../modules/events/repo.js';
import { fakeSha } from './adoption-dates.js';
import type { DemoAdoptionPlan } from './adoption-plan.js';
import { DEMO_EMAIL_DOMAIN, demoRef, type DemoCatalog } from './demo-catalog.js';
import { findEntityIds } from './find-entity-ids.js';
import { expandUsageEvents } from './usage-events.js';

/**
 * The demo's own rows are recognised by markers no real signal carries: repositories under `demo://`,
 * usage event ids starting `demo:`, and people (declarations, mandates, views) at the demo's example domain.
 */
export const DEMO_MARKERS = {
  repositoryPrefix: 'demo://',
  eventPrefix: 'demo:',
  emailSuffix: `@${DEMO_EMAIL_DOMAIN}`,
} as const;

export interface SeedAdoptionResult {
  /** `unchanged`: this plan was already stored. `seeded`: the demo's adoption rows were (re)written. */
  status: 'seeded' | 'unchanged';
  repositories: number;
  detections: number;
  usageEvents: number;
  declarations: number;
  mandates: number;
  views: number;
}

/** A working-hours time on a plan's day, the same for the same key: commits and clicks do not all land at midnight. */
function at(day: string, ...key: string[]): Date {
  const seconds = 8 * 3600 + (Number.parseInt(fakeSha(day, ...key).slice(0, 8), 16) % (10 * 3600));
  return new Date(Date.parse(`${day}T00:00:00Z`) + seconds * 1000);
}

const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Writes an adoption plan after the demo catalog was imported. Idempotent: when the stored demo
 * repositories already carry this plan's heads nothing is written; otherwise the demo's previous adoption
 * rows (recognised by DEMO_MARKERS) are replaced in one transaction, so a demo started on a later day
 * shows a history that ends on that day.
 */
export async function seedDemoAdoption(
  db: Kysely<Database>,
  catalog: DemoCatalog,
  plan: DemoAdoptionPlan,
): Promise<SeedAdoptionResult> {
  const ids = await findEntityIds(db, [
    ...catalog.capabilities.map((c) => c.ref),
    ...catalog.services.map((s) => s.ref),
    ...catalog.teams.map((t) => t.ref),
  ]);
  const idOf = (ref: string) => {
    const id = ids.get(ref);
    if (id === undefined) throw new Error(`demo adoption: ${ref} is not in the catalog; import the demo catalog first`);
    return id;
  };
  const capabilityId = (name: string) => idOf(demoRef('capability', name));
  const serviceId = (name: string) => idOf(demoRef('component', name));

  const events = plan.services.flatMap((s) => expandUsageEvents(plan, s));
  const detections = plan.services.filter((s) => s.detection);
  const counts = {
    repositories: plan.repositories.length,
    detections: detections.length,
    usageEvents: events.length,
    declarations: plan.declarations.length,
    mandates: plan.mandates.length,
    views: plan.views.length,
  };

  return db.transaction().execute(async (tx) => {
    const stored = await scansRepo.listRepositoryHeads(tx, DEMO_MARKERS.repositoryPrefix);
    if (stored.size === plan.repositories.length && plan.repositories.every((r) => stored.get(r.path) === r.head)) {
      return { status: 'unchanged', ...counts };
    }
    // Detections go with their repositories.
    await scansRepo.deleteRepositoriesByPathPrefix(tx, DEMO_MARKERS.repositoryPrefix);
    await eventsRepo.deleteUsageEventsByIdPrefix(tx, DEMO_MARKERS.eventPrefix);
    await adoptionRepo.deleteRecordsByPeople(tx, DEMO_MARKERS.emailSuffix);

    const repositories = new Map(plan.repositories.map((r) => [r.service, r]));
    const repositoryIds = await scansRepo.insertRepositories(
      tx,
      plan.repositories.map((r) => {
        const headDate = at(r.headOn, r.path);
        return {
          path: r.path,
          name: r.name,
          remoteUrl: r.remoteUrl,
          serviceId: serviceId(r.service),
          head: r.head,
          headDate,
          scannedAt: headDate,
        };
      }),
    );
    await scansRepo.insertDetections(
      tx,
      detections.map((s) => {
        const repository = repositories.get(s.service);
        const id = repository ? repositoryIds.get(repository.path) : undefined;
        if (!repository || id === undefined) throw new Error(`demo adoption: no repository planned for ${s.service}`);
        return {
          repository_id: id,
          capability_id: capabilityId(s.capability),
          matched: s.churnedOn === null,
          evidence: JSON.stringify(s.detection?.evidence ?? []),
          commit: repository.head,
          commit_date: at(repository.headOn, repository.path),
          adopted_at: at(s.adoptedOn, s.capability, s.service),
          adoption_commit: s.detection?.adoptionCommit ?? null,
          from_history: true,
          unmatched_since: s.churnedOn ? at(s.churnedOn, s.capability, s.service, 'removed') : null,
        };
      }),
    );
    await eventsRepo.insertUsageEvents(tx, {
      eventId: events.map((e) => e.eventId),
      capabilityId: events.map((e) => capabilityId(e.capability)),
      serviceId: events.map((e) => serviceId(e.service)),
      teamId: events.map(() => null),
      actor: events.map(() => null),
      action: events.map((e) => e.action),
      occurredAt: events.map((e) => e.occurredAt.toISOString()),
      count: events.map((e) => e.count),
    });
    await adoptionRepo.insertDeclarations(
      tx,
      plan.declarations.map((d) => {
        const when = at(d.on, d.capability, d.team, d.status);
        return {
          capability_id: capabilityId(d.capability),
          team_id: idOf(demoRef('group', d.team)),
          status: d.status,
          effective_at: when,
          note: d.note,
          declared_by: d.by,
          created_at: when,
        };
      }),
    );
    await adoptionRepo.insertMandates(
      tx,
      plan.mandates.map((m) => ({
        capability_id: capabilityId(m.capability),
        scope: m.scope === 'all' ? 'all' : 'teams',
        team_refs: JSON.stringify(m.scope === 'all' ? [] : m.scope.map((t) => demoRef('group', t))),
        effective_from: midnight(m.effectiveOn),
        deadline: m.deadlineOn ? midnight(m.deadlineOn) : null,
        note: m.note,
        created_by: m.by,
        created_at: at(m.effectiveOn, m.capability, 'mandate'),
        updated_at: at(m.effectiveOn, m.capability, 'mandate'),
      })),
    );
    await adoptionRepo.insertViews(
      tx,
      plan.views.map((v, i) => ({
        capability_id: capabilityId(v.capability),
        team_ref: demoRef('group', v.team),
        subject: v.by,
        kind: v.kind,
        viewed_at: at(v.on, v.capability, v.team, String(i)),
      })),
    );
    return { status: 'seeded', ...counts };
  });
}
