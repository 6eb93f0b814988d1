import { sql, type Kysely } from 'kysely';
import type { Database, Db } from '../../db/schema/index.js';
import { findEntitiesByRefs } from '../../modules/catalog/repo.js';
import { silentLogger } from '../../http/logger.js';
import { inTransaction } from '../../db/transaction.js';
import { affectedFollowUp } from '../../modules/shipping/migrations/affected.js';
import { chunks } from '../../shared/chunks.js';
import { demoRef, type DemoCatalog } from '../demo-catalog.js';
import { DEMO_MARKERS } from '../seed-adoption.js';
import { DEMO_VOICE_PREFIX } from '../voice/seed-voice.js';
import type { DemoShippingPlan } from './shipping-plan.js';
import { demoSubscriptionsExist, seedDemoSubscriptions } from './seed-subscriptions.js';

/**
 * The demo's releases are recognised by an external id starting `demo:` (then the plan's seed and day, then the
 * release's key), its demos by their writer, a person at the demo's example domain.
 */
const DEMO_RELEASE_PREFIX = 'demo:';

export interface SeedShippingResult {
  status: 'seeded' | 'unchanged';
  releases: number;
  closes: number;
  demos: number;
  /** Release-notes views of the adoption plan attached to the release they read (the latest one before them). */
  views: number;
  /** Announcements in the demo subscriptions' history; null when none were written (no key, or kept as they were). */
  announcements: number | null;
}

async function removePrevious(tx: Db) {
  const like = `${DEMO_RELEASE_PREFIX}%`;
  // Views of the notes stay (they belong to the adoption history); they only lose the release they pointed at.
  await sql`update capability_views set release_id = null
             where release_id in (select id from releases where external_id like ${like})`.execute(tx);
  await tx.deleteFrom('releases').where('external_id', 'like', like).execute();
  await tx.deleteFrom('demos').where('created_by', 'like', `%${DEMO_MARKERS.emailSuffix}`).execute();
}

/** Each release-notes view reads the capability's latest release published before it. */
async function attachViews(tx: Db): Promise<number> {
  const result = await sql`
    update capability_views v set release_id = (
      select r.id from releases r
       where r.capability_id = v.capability_id and r.released_at <= v.viewed_at
       order by r.released_at desc, r.id desc limit 1)
     where v.kind = 'release-notes' and v.release_id is null and v.subject like ${`%${DEMO_MARKERS.emailSuffix}`}`.execute(
    tx,
  );
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Writes a shipping plan after the demo catalog, adoption and voice were seeded. Idempotent like the voice seed:
 * when this plan's releases are stored, nothing is written; otherwise the demo's releases and demos are replaced in
 * one transaction.
 */
export async function seedDemoShipping(
  db: Kysely<Database>,
  catalog: DemoCatalog,
  plan: DemoShippingPlan,
  now = new Date(),
  secretKey: Buffer | null = null,
): Promise<SeedShippingResult> {
  const result = await writePlan(db, catalog, plan);
  // A deprecation's affected services come from the adoption evidence at its date, as for any release.
  const deprecations = await db
    .selectFrom('releases')
    .select('id')
    .where('external_id', 'like', `${DEMO_RELEASE_PREFIX}%`)
    .where('type', 'in', ['deprecation', 'breaking'])
    .execute();
  for (const { id } of deprecations) await affectedFollowUp(db, id, silentLogger, now);
  // Subscriptions store their destinations sealed: without a key the demo has none. Written with a new history, or
  // when missing; a restart of the same demo keeps them as they were left while any is there.
  const key = secretKey;
  const fresh = result.status === 'seeded' || !(await demoSubscriptionsExist(db));
  const announcements = key && fresh ? await inTransaction(db, (tx) => seedDemoSubscriptions(tx, key, now)) : null;
  return { ...result, announcements };
}

async function writePlan(
  db: Kysely<Database>,
  catalog: DemoCatalog,
  plan: DemoShippingPlan,
): Promise<Omit<SeedShippingResult, 'announcements'>> {
  const prefix = `${DEMO_RELEASE_PREFIX}${plan.seed}:${plan.today}:`;
  const counts = {
    releases: plan.releases.length,
    closes: plan.releases.reduce((n, r) => n + r.closes.length, 0),
    demos: plan.demos.length,
  };
  const refs = [...catalog.capabilities.map((c) => c.ref), ...catalog.teams.map((t) => t.ref)];
  const ids = new Map((await findEntitiesByRefs(db, refs)).map((e) => [e.ref, e.id]));
  const idOf = (kind: 'capability' | 'group', name: string) => {
    const id = ids.get(demoRef(kind, name));
    if (id === undefined) throw new Error(`demo shipping: ${kind} ${name} is not in the catalog`);
    return id;
  };
  return db.transaction().execute(async (tx) => {
    const stored = await tx
      .selectFrom('releases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('external_id', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    if (Number(stored.n) === plan.releases.length) return { status: 'unchanged', ...counts, views: 0 };
    await removePrevious(tx);

    const voicePrefix = `${DEMO_VOICE_PREFIX}`;
    const items = await tx
      .selectFrom('feedback')
      .select(['id', 'external_id'])
      .where('external_id', 'like', `${voicePrefix}%`)
      .execute();
    const itemIds = new Map(items.map((i) => [(i.external_id ?? '').split(':').slice(3).join(':'), i.id]));

    for (const batch of chunks(plan.releases, 500)) {
      const rows = await tx
        .insertInto('releases')
        .values(
          batch.map((r) => ({
            capability_id: idOf('capability', r.capability),
            version: r.version,
            type: r.type,
            title: r.title,
            notes: r.notes,
            released_at: r.date,
            deadline: r.deadline,
            external_id: `${prefix}${r.key}`,
            created_by: r.by,
            created_at: r.date,
            updated_at: r.date,
          })),
        )
        .returning(['id', 'external_id'])
        .execute();
      const releaseIds = new Map(rows.map((row) => [(row.external_id ?? '').slice(prefix.length), row.id]));
      const closes = batch.flatMap((r) =>
        r.closes.flatMap((c) => {
          const target = itemIds.get(c.key);
          return target === undefined
            ? []
            : [{ release_id: releaseIds.get(r.key) as number, kind: c.kind, target_id: target }];
        }),
      );
      if (closes.length) await tx.insertInto('release_closes').values(closes).execute();
    }

    for (const demo of plan.demos) {
      const { id } = await tx
        .insertInto('demos')
        .values({
          capability_id: idOf('capability', demo.capability),
          held_on: demo.date,
          title: demo.title,
          presenter: demo.presenter,
          recording_url: demo.recording,
          slides_url: demo.slides,
          created_by: `shipping-demo${DEMO_MARKERS.emailSuffix}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('demo_attendance')
        .values(
          demo.attendance.map((a) => ({
            demo_id: id,
            team_id: idOf('group', a.team),
            person: `user:default/${a.person}`,
          })),
        )
        .execute();
    }
    return { status: 'seeded', ...counts, views: await attachViews(tx) };
  });
}
