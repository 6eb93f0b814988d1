import { sql } from 'kysely';
import type { Db } from '../../db/schema/index.js';
import type { StoredFilter } from '../../modules/shipping/announcements/repo.js';
import { insertSubscription, setSealed } from '../../modules/shipping/announcements/repo.js';
import { newSigningSecret, sealSubscriptionValue } from '../../modules/shipping/announcements/subscription-secrets.js';
import type { SubscriptionKind } from '../../db/schema/shipping.js';
import { DEMO_MARKERS } from '../seed-adoption.js';

/**
 * The demo's announcement subscriptions, with the deliveries of the last 90 days' releases as they went: the
 * platform channel in Slack gets everything, the payments team's Teams channel its capabilities, a release bot the
 * breaking changes, deprecations and security fixes (one delivery answered 502 once and went through on the retry).
 * The destinations are examples: a release published in the demo is tried, fails, and pauses them, as a real one
 * would.
 */
const DEMO_SUBSCRIPTIONS: { kind: SubscriptionKind; name: string; url: string; filter: StoredFilter }[] = [
  {
    kind: 'slack',
    name: '#platform-announcements',
    url: 'https://hooks.slack.com/services/T0ACME/B0DEMO/acme-demo-webhook',
    filter: {},
  },
  {
    kind: 'teams',
    name: 'Payments engineering',
    url: 'https://acme.webhook.office.com/webhookb2/acme-demo/IncomingWebhook/payments',
    filter: { capabilities: ['capability:default/golden-ci', 'capability:default/secrets-injection'] },
  },
  {
    kind: 'webhook',
    name: 'Release bot',
    url: 'https://release-bot.acme.example/hooks/paved',
    filter: { types: ['breaking', 'deprecation', 'security'] },
  },
];

const WRITER = `platform-announcements${DEMO_MARKERS.emailSuffix}`;
const DAY_MS = 86_400_000;

/** Whether the demo's subscriptions are there (a restart of the same demo keeps them as they are). */
export async function demoSubscriptionsExist(db: Db): Promise<boolean> {
  return (
    (await db.selectFrom('subscriptions').select('id').where('created_by', '=', WRITER).executeTakeFirst()) !==
    undefined
  );
}

/** Replaces the demo's subscriptions and their delivery history; returns how many announcements it wrote. */
export async function seedDemoSubscriptions(tx: Db, key: Buffer, now: Date): Promise<number> {
  await tx.deleteFrom('subscriptions').where('created_by', '=', WRITER).execute();
  let announcements = 0;
  for (const [index, s] of DEMO_SUBSCRIPTIONS.entries()) {
    const { id } = await insertSubscription(tx, {
      kind: s.kind,
      name: s.name,
      urlHost: new URL(s.url).host,
      filter: s.filter,
      createdBy: WRITER,
    });
    const secret = s.kind === 'webhook' ? sealSubscriptionValue(key, id, 'secret', newSigningSecret()) : null;
    await setSealed(tx, id, sealSubscriptionValue(key, id, 'url', s.url), secret);
    const caps = s.filter.capabilities ?? null;
    const types = s.filter.types ?? null;
    const releases = await sql<{ id: number; released_at: Date }>`
      select r.id, r.released_at from releases r join entities c on c.id = r.capability_id
       where r.released_at > ${new Date(now.getTime() - 90 * DAY_MS)} and r.released_at <= ${now}
         and (${caps}::text[] is null or c.ref = any(${caps}::text[]))
         and (${types}::text[] is null or r.type = any(${types}::text[]))
       order by r.released_at`.execute(tx);
    for (const [n, r] of releases.rows.entries()) {
      const sent = new Date(new Date(r.released_at).getTime() + 4000);
      const retried = s.kind === 'webhook' && n === 0;
      const delivered = new Date(sent.getTime() + (retried ? 60_000 : 0));
      const { id: announcementId } = await tx
        .insertInto('announcements')
        .values({
          release_id: Number(r.id),
          subscription_id: id,
          status: 'delivered',
          attempts: retried ? 2 : 1,
          delivered_at: delivered,
          created_at: sent,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const attempt = (at: Date, status: number, excerpt: string) => ({
        announcement_id: announcementId,
        attempted_at: at,
        status_code: status,
        latency_ms: 120 + ((index * 37 + n * 53) % 300),
        response_excerpt: excerpt,
      });
      await tx
        .insertInto('announcement_attempts')
        .values([
          ...(retried ? [attempt(sent, 502, 'Bad Gateway')] : []),
          attempt(delivered, 200, s.kind === 'slack' ? 'ok' : s.kind === 'teams' ? '1' : '{"received":true}'),
        ])
        .execute();
      announcements++;
    }
  }
  return announcements;
}
