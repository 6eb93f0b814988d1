import type { Kysely } from 'kysely';
import type { EntityRow } from '../../db/schema/entities.js';
import type { Database, Db } from '../../db/schema/index.js';
import { findEntitiesByRefs } from '../../modules/catalog/repo.js';
import * as conversationsRepo from '../../modules/voice/conversations/repo.js';
import * as feedbackRepo from '../../modules/voice/feedback/repo.js';
import * as votesRepo from '../../modules/voice/feedback/votes/repo.js';
import * as problemsRepo from '../../modules/voice/problems/repo.js';
import * as roadmapRepo from '../../modules/voice/roadmap/repo.js';
import * as slaRepo from '../../modules/voice/sla/repo.js';
import { chunks } from '../../shared/chunks.js';
import { demoRef, type DemoCatalog } from '../demo-catalog.js';
import { DEMO_MARKERS } from '../seed-adoption.js';
import { demoFeedbackRow } from './feedback-rows.js';
import { seedWaves } from './seed-waves.js';
import type { DemoVoicePlan } from './voice-plan.js';

/**
 * The demo's voice rows are recognised by markers: feedback items by an external id starting `demo:` (then the
 * plan's seed and day, then the item's key), problems, roadmap items, conversations, engagements and survey waves
 * by their writer, a person at the demo's example domain.
 */
export const DEMO_VOICE_PREFIX = 'demo:';

export interface SeedVoiceResult {
  /** `unchanged`: this plan was already stored. `seeded`: the demo's voice rows were (re)written. */
  status: 'seeded' | 'unchanged';
  items: number;
  votes: number;
  problems: number;
  roadmap: number;
  conversations: number;
  engagements: number;
  waves: number;
  answers: number;
}

/** Looks up the catalog entities the plan names, once. */
async function entities(db: Db, catalog: DemoCatalog) {
  const refs = [...catalog.teams.map((t) => t.ref), ...catalog.capabilities.map((c) => c.ref)];
  const found = new Map(
    (await findEntitiesByRefs(db, refs)).filter((e) => e.status === 'active').map((e) => [e.ref, e]),
  );
  return (kind: 'group' | 'capability', name: string): EntityRow => {
    const entity = found.get(demoRef(kind, name));
    if (!entity) throw new Error(`demo voice: ${kind} ${name} is not in the catalog; import the demo catalog first`);
    return entity;
  };
}

/**
 * Writes a voice plan after the demo catalog was imported. Idempotent: when the stored demo items are exactly
 * this plan's (same seed, same day, same number) nothing is written; otherwise the demo's previous voice rows are
 * replaced in one transaction, so a demo started on a later day shows a history that ends on that day. SLA policies
 * of the demo's capabilities and its support categories are set to the plan's.
 */
export async function seedDemoVoice(
  db: Kysely<Database>,
  catalog: DemoCatalog,
  plan: DemoVoicePlan,
): Promise<SeedVoiceResult> {
  const prefix = `${DEMO_VOICE_PREFIX}${plan.seed}:${plan.today}:`;
  const counts = {
    items: plan.items.length,
    votes: plan.votes.length,
    problems: plan.problems.length,
    roadmap: plan.roadmap.length,
    conversations: plan.conversations.length,
    engagements: plan.engagements.length,
    waves: plan.waves.length,
    answers: plan.waves.reduce((n, w) => n + w.answers.length, 0),
  };
  const entity = await entities(db, catalog);
  const people = new Map(catalog.users.map((u) => [u.name, u]));
  const person = (name: string) => {
    const user = people.get(name);
    if (!user) throw new Error(`demo voice: no person ${name} in the catalog`);
    return user;
  };
  const team = (name: string) => entity('group', name);

  return db.transaction().execute(async (tx) => {
    const stored = await feedbackRepo.countItemsByExternalIdPrefix(tx, DEMO_VOICE_PREFIX);
    const current = await feedbackRepo.countItemsByExternalIdPrefix(tx, prefix);
    if (stored === plan.items.length && current === plan.items.length) return { status: 'unchanged', ...counts };

    const suffix = DEMO_MARKERS.emailSuffix;
    await feedbackRepo.deleteItemsByExternalIdPrefix(tx, DEMO_VOICE_PREFIX);
    await problemsRepo.deleteProblemsByPeople(tx, suffix);
    await roadmapRepo.deleteRoadmapItemsByPeople(tx, suffix);
    await conversationsRepo.deleteContactsByPeople(tx, suffix);

    for (const policy of plan.slaPolicies)
      await slaRepo.replacePolicies(
        tx,
        entity('capability', policy.capability).id,
        policy.severities.map((s) => ({
          severity: s.severity,
          acknowledge_hours: s.acknowledgeHours,
          fix_hours: s.fixHours,
        })),
      );
    for (const c of plan.supportCategories)
      await slaRepo.upsertCategory(tx, c.category, c.capability ? entity('capability', c.capability).id : null);

    const problemIds = new Map<string, number>();
    for (const p of plan.problems) {
      const row = await problemsRepo.insertProblem(tx, {
        title: p.title,
        description: p.description,
        status: p.status,
        capability_id: p.capability ? entity('capability', p.capability).id : null,
        impact: p.impact,
        confidence: p.confidence,
        effort: p.effort,
        created_by: p.by,
        created_at: new Date(p.createdAt),
      });
      problemIds.set(p.key, row.id);
    }

    const rowContext = {
      externalIdPrefix: prefix,
      entity: (kind: 'group' | 'capability', name: string | null) => (name === null ? null : entity(kind, name)),
      person: (name: string | null) => (name === null ? null : person(name)),
      problemId: (key: string | null) => (key === null ? null : (problemIds.get(key) ?? null)),
      today: new Date(`${plan.today}T00:00:00Z`),
    };
    const itemIds = new Map<string, number>();
    for (const slice of chunks(plan.items, 1000)) {
      const rows = await feedbackRepo.insertItems(
        tx,
        slice.map((item) => demoFeedbackRow(item, rowContext)),
      );
      for (const row of rows) itemIds.set((row.external_id ?? '').slice(prefix.length), row.id);
    }
    const itemId = (key: string) => {
      const id = itemIds.get(key);
      if (id === undefined) throw new Error(`demo voice: item ${key} was not stored`);
      return id;
    };

    await votesRepo.insertVotes(
      tx,
      plan.votes.map((v) => ({
        requestId: itemId(v.request),
        personRef: person(v.person).ref,
        teams: [team(v.team).ref],
        votedAt: new Date(v.at),
      })),
    );
    await conversationsRepo.insertConversations(
      tx,
      plan.conversations.map((c) => ({
        conversation: {
          teamId: team(c.team).id,
          platformTeamId: team(c.platformTeam).id,
          date: c.on,
          people: c.people,
          channel: c.channel,
          notes: c.notes,
          createdBy: c.by,
        },
        painIds: c.pains.map(itemId),
        createdAt: new Date(`${c.on}T17:00:00Z`),
      })),
    );
    for (const e of plan.engagements)
      await conversationsRepo.insertEngagement(tx, {
        teamId: team(e.team).id,
        platformTeamId: team(e.platformTeam).id,
        engineer: e.engineer,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        goals: e.goals,
        createdBy: e.by,
      });
    for (const r of plan.roadmap) {
      const id = await roadmapRepo.insertRoadmapItem(tx, {
        title: r.title,
        description: r.description,
        capability_id: r.capability ? entity('capability', r.capability).id : null,
        status: r.status,
        target_quarter: r.targetQuarter,
        impact: r.impact,
        confidence: r.confidence,
        effort: r.effort,
        created_by: r.by,
        created_at: new Date(r.createdAt),
        updated_at: new Date(r.createdAt),
      });
      await roadmapRepo.replaceLinks(
        tx,
        id,
        'problem',
        r.problems.map((key) => problemIds.get(key) ?? 0).filter((n) => n > 0),
      );
      await roadmapRepo.replaceLinks(tx, id, 'request', r.requests.map(itemId));
    }
    await seedWaves(tx, plan.waves, { team, person, capability: (name) => entity('capability', name) }, suffix);
    return { status: 'seeded', ...counts };
  });
}
