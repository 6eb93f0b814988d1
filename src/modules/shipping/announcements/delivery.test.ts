import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { silentLogger } from '../../../http/logger.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { createRegistry } from '../../../jobs/registry.js';
import { JobRunner } from '../../../jobs/runner.js';
import { RELEASE_PUBLISHED, releasePublishedJob } from '../published.js';
import { MAX_ATTEMPTS } from './backoff.js';
import { announcementDeliveryJob, strandedAnnouncementsSweep } from './delivery-job.js';
import { announceRelease } from './fan-out.js';
import { deadUrl, startReceiver, type Receiver } from './test-receiver.js';

// Announcements reach a local receiver that verifies the Standard Webhooks signature, and survive its failures.
const PUBLIC_URL = 'https://paved.example.com';
let t: TestApp;
let runner: JobRunner;
const receivers: Receiver[] = [];

const db = () => t.database.db;
const drain = () => runner.drain();

/** Moves the clock: every queued delivery attempt is due now (the queue compares run_at with the database's now()). */
const dueNow = () =>
  db()
    .updateTable('jobs')
    .set({ run_at: sql`now()` })
    .where('type', '=', 'announcement-delivery')
    .where('status', '=', 'queued')
    .execute();

async function subscribe(body: Record<string, unknown>) {
  const res = await t.call('POST', '/api/v1/subscriptions', { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; secret: string | null };
}

async function publish(version: string, type = 'feature') {
  const cap = await db()
    .selectFrom('entities')
    .select('id')
    .where('ref', '=', 'capability:default/ci')
    .executeTakeFirstOrThrow();
  const release = await db()
    .insertInto('releases')
    .values({
      capability_id: cap.id,
      version,
      type: type as 'feature',
      title: 'Faster pipelines',
      notes:
        '## What changed\n\nCaches are **shared** across [branches](https://docs.example.com/cache).\n\n- one\n- two',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(db(), RELEASE_PUBLISHED, { releaseId: release.id });
  return release.id;
}

const announcementOf = (subscriptionId: number, releaseId: number) =>
  db()
    .selectFrom('announcements')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('release_id', '=', releaseId)
    .executeTakeFirstOrThrow();

const attemptsOf = (announcementId: number) =>
  db()
    .selectFrom('announcement_attempts')
    .selectAll()
    .where('announcement_id', '=', announcementId)
    .orderBy('id')
    .execute();

/** The queued job of an announcement's next attempt. */
const nextJob = async (announcementId: number) => {
  const jobs = await db()
    .selectFrom('jobs')
    .selectAll()
    .where('type', '=', 'announcement-delivery')
    .where('status', '=', 'queued')
    .execute();
  return jobs.find((j) => (j.payload as { announcementId: number }).announcementId === announcementId);
};

beforeAll(async () => {
  const secretKey = randomBytes(32);
  t = await createTestApp({ allowPrivateDestinations: true, secretKey });
  expect((await t.call('POST', '/api/v1/teams', { body: { name: 'platform', type: 'team' } })).status).toBe(201);
  const cap = { name: 'ci', title: 'CI templates', owner: 'platform', lifecycle: 'ga' };
  expect((await t.call('POST', '/api/v1/capabilities', { body: cap })).status).toBe(201);
  // The job gets the app's key: it opens what the routes sealed.
  const settings = { secretKey, publicUrl: PUBLIC_URL, allowPrivate: true };
  runner = new JobRunner(
    db(),
    createRegistry([releasePublishedJob(), announcementDeliveryJob(settings)]),
    silentLogger,
  );
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await t.close();
});

const MINUTE = 60_000;
/** Milliseconds from an attempt to the run_at of the job queued for the next one. */
const delayAfter = async (announcementId: number) => {
  const [last] = (await attemptsOf(announcementId)).slice(-1);
  const job = await nextJob(announcementId);
  if (!last || !job) return null;
  return new Date(job.run_at).getTime() - new Date(last.attempted_at).getTime();
};

describe('a signed webhook that fails twice, next to one that never answers', () => {
  it('logs every attempt, retries after 1 then 2 minutes, delivers on the third, and the dead one delays nothing', async () => {
    // The dead destination is made first: its attempts are queued ahead of the live one's.
    const dead = await subscribe({ kind: 'webhook', url: await deadUrl(), name: 'gone' });
    const receiver = await startReceiver([500, 500, 200]);
    receivers.push(receiver);
    const live = await subscribe({ kind: 'webhook', url: receiver.url, name: 'receiver' });
    expect(live.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const releaseId = await publish('1.4.0');

    const started = Date.now();
    await drain();
    // The fan-out stored one announcement per subscription, and the first attempt of each ran at once: the dead
    // port's refusal did not hold up the live receiver, which got its first request within this one drain.
    const deadAnnouncement = await announcementOf(dead.id, releaseId);
    const liveAnnouncement = await announcementOf(live.id, releaseId);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.at - started).toBeLessThan(5_000);
    const deadAttempts = await attemptsOf(deadAnnouncement.id);
    expect(deadAttempts).toHaveLength(1);
    expect(deadAttempts[0]).toMatchObject({ status_code: null, response_excerpt: null });
    expect(deadAttempts[0]!.error).toMatch(/ECONNREFUSED|refused/);

    let attempts = await attemptsOf(liveAnnouncement.id);
    expect(attempts.map((a) => [a.status_code, a.response_excerpt, a.error])).toEqual([
      [500, 'receiver says no (1)', 'answered 500 Internal Server Error'],
    ]);
    // Backoff: the second attempt is due 1 minute after the first (±2 s for the time the recording took).
    expect(Math.abs((await delayAfter(liveAnnouncement.id))! - MINUTE)).toBeLessThan(2_000);
    expect(Math.abs((await delayAfter(deadAnnouncement.id))! - MINUTE)).toBeLessThan(2_000);
    expect((await announcementOf(live.id, releaseId)).status).toBe('pending');

    // Nothing is due yet: draining now sends nothing.
    await drain();
    expect(receiver.received).toHaveLength(1);

    await dueNow();
    await drain();
    attempts = await attemptsOf(liveAnnouncement.id);
    expect(attempts.map((a) => a.status_code)).toEqual([500, 500]);
    // The third attempt is due 2 minutes after the second.
    expect(Math.abs((await delayAfter(liveAnnouncement.id))! - 2 * MINUTE)).toBeLessThan(2_000);

    await dueNow();
    await drain();
    attempts = await attemptsOf(liveAnnouncement.id);
    expect(attempts.map((a) => a.status_code)).toEqual([500, 500, 200]);
    expect(attempts[2]!.response_excerpt).toBe('ok');
    for (const a of attempts) expect(a.latency_ms).toBeGreaterThanOrEqual(0);
    const delivered = await announcementOf(live.id, releaseId);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 3, next_attempt_at: null });
    expect(await nextJob(liveAnnouncement.id)).toBeUndefined();

    // Each request verifies with the standardwebhooks library, under one webhook-id (receivers drop repeats).
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids).toEqual(new Set([`msg_paved_announcement_${liveAnnouncement.id}`]));
    for (const request of receiver.received) {
      const payload = new Webhook(live.secret!).verify(request.body, request.headers as Record<string, string>);
      expect(payload).toMatchObject({
        type: 'release.published',
        data: {
          release: {
            id: releaseId,
            capability: 'ci',
            capabilityTitle: 'CI templates',
            version: '1.4.0',
            type: 'feature',
            title: 'Faster pipelines',
            url: `${PUBLIC_URL}/shipping/releases/${releaseId}`,
          },
        },
      });
    }
    // A tampered body does not verify.
    const first = receiver.received[0]!;
    expect(() =>
      new Webhook(live.secret!).verify(first.body.replace('1.4.0', '9.9.9'), first.headers as Record<string, string>),
    ).toThrow();

    // What the page shows: the attempts of the announcement, oldest first.
    const res = await t.call('GET', `/api/v1/subscriptions/${live.id}/deliveries`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      release: { id: releaseId, capability: 'ci', version: '1.4.0', type: 'feature' },
      status: 'delivered',
      nextAttemptAt: null,
    });
    expect(res.body.items[0].attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);

    // The release is edited: the follow-up runs again and adds no announcement and no send.
    const before = await db()
      .selectFrom('announcements')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    await enqueueJob(db(), RELEASE_PUBLISHED, { releaseId });
    await drain();
    const after = await db()
      .selectFrom('announcements')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(receiver.received).toHaveLength(3);
  });

  it('gives up after 14 attempts over about a day, pauses the subscription, and resume queues it again', async () => {
    const dead = await subscribe({ kind: 'slack', url: await deadUrl() });
    const releaseId = await publish('1.5.0', 'fix');
    await drain();
    const announcement = await announcementOf(dead.id, releaseId);
    // Delays between attempts, in minutes: 1, 2, 4, … 128, then 240 (4 h) five times: 1,455 minutes in all.
    const delays: number[] = [];
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      delays.push(Math.round((await delayAfter(announcement.id))! / MINUTE));
      await dueNow();
      await drain();
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 240, 240, 240, 240, 240]);
    expect(delays.reduce((a, b) => a + b, 0)).toBe(1455);
    expect(await attemptsOf(announcement.id)).toHaveLength(14);
    expect(await announcementOf(dead.id, releaseId)).toMatchObject({
      status: 'failed',
      attempts: 14,
      next_attempt_at: null,
    });
    expect(await nextJob(announcement.id)).toBeUndefined();

    const listed = (await t.call('GET', '/api/v1/subscriptions')).body.items.find(
      (s: { id: number }) => s.id === dead.id,
    );
    expect(listed).toMatchObject({ state: 'paused', counts: { pending: 0, delivered: 0, failed: 1 } });
    expect(listed.pauseReason).toMatch(/failed all 14 attempts over a day/);

    // A paused subscription gets no new announcements.
    const later = await publish('1.6.0');
    await drain();
    expect(
      await db()
        .selectFrom('announcements')
        .selectAll()
        .where('subscription_id', '=', dead.id)
        .where('release_id', '=', later)
        .execute(),
    ).toEqual([]);

    const resumed = await t.call('POST', `/api/v1/subscriptions/${dead.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({
      state: 'active',
      pausedAt: null,
      pauseReason: null,
      counts: { pending: 1, failed: 0 },
    });
    expect(await announcementOf(dead.id, releaseId)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await nextJob(announcement.id))?.payload).toEqual({ announcementId: announcement.id, attempt: 1 });
    await drain();
    // Its log keeps every attempt: 14 before the pause, 1 after.
    expect(await attemptsOf(announcement.id)).toHaveLength(15);
  });

  it('pauses a subscription that has delivered nothing while failing for more than 2 days', async () => {
    const dead = await subscribe({ kind: 'teams', url: await deadUrl() });
    const releaseId = await publish('1.7.0');
    await drain();
    const announcement = await announcementOf(dead.id, releaseId);
    expect(
      (await t.call('GET', '/api/v1/subscriptions')).body.items.find((s: { id: number }) => s.id === dead.id).state,
    ).toBe('active');
    // It started failing 3 days ago (as if earlier announcements had failed since): the next failure pauses it.
    await db()
      .updateTable('announcements')
      .set({ first_failed_at: sql`now() - interval '3 days'` })
      .where('id', '=', announcement.id)
      .execute();
    await dueNow();
    await drain();
    const listed = (await t.call('GET', '/api/v1/subscriptions')).body.items.find(
      (s: { id: number }) => s.id === dead.id,
    );
    expect(listed.state).toBe('paused');
    expect(listed.pauseReason).toMatch(/failing for more than 2 days/);
    expect(await announcementOf(dead.id, releaseId)).toMatchObject({ status: 'failed', attempts: 2 });
  });
});

describe('Slack and Microsoft Teams messages', () => {
  it('posts Block Kit to Slack and an Adaptive Card 1.4 to Teams, with the notes excerpt and the release link', async () => {
    const slack = await startReceiver([200]);
    const teams = await startReceiver([200]);
    receivers.push(slack, teams);
    await subscribe({ kind: 'slack', url: slack.url, filter: { types: ['breaking'] } });
    await subscribe({ kind: 'teams', url: teams.url, filter: { capabilities: ['ci'], types: ['breaking'] } });
    const releaseId = await publish('2.0.0', 'breaking');
    await drain();
    const link = `${PUBLIC_URL}/shipping/releases/${releaseId}`;

    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(slack.received[0]!.body)).toEqual({
      text: `Breaking change: CI templates 2.0.0 — Faster pipelines ${link}`,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Breaking change: CI templates 2.0.0', emoji: true } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            // The notes in mrkdwn: the heading bold, **bold** as *bold*, the link as <url|text>, bullets.
            text:
              '*Faster pipelines*\n*Version* 2.0.0  ·  *Type* Breaking change\n\n' +
              '*What changed*\n\nCaches are *shared* across <https://docs.example.com/cache|branches>.\n\n• one\n• two',
          },
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'View the release', emoji: true },
              url: link,
              action_id: 'open-release',
            },
          ],
        },
      ],
    });

    expect(teams.received).toHaveLength(1);
    const message = JSON.parse(teams.received[0]!.body);
    expect(message).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }],
    });
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0].content).toEqual({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: 'Breaking change: CI templates 2.0.0', size: 'Large', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: 'Faster pipelines', weight: 'Bolder', wrap: true },
        {
          type: 'FactSet',
          facts: [
            { title: 'Version', value: '2.0.0' },
            { title: 'Type', value: 'Breaking change' },
          ],
        },
        {
          type: 'TextBlock',
          text: '**What changed**\n\nCaches are **shared** across [branches](https://docs.example.com/cache).\n\n- one\n- two',
          wrap: true,
        },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'View the release', url: link }],
    });

    // A feature release of ci matches neither filter (both ask for breaking changes only).
    await publish('2.1.0', 'feature');
    await drain();
    expect([slack.received.length, teams.received.length]).toEqual([1, 1]);
  });
});

describe('nothing is lost', () => {
  it('queues again a pending announcement whose job failed for good, once, and it is delivered', async () => {
    const receiver = await startReceiver([200]);
    receivers.push(receiver);
    const sub = await subscribe({ kind: 'webhook', url: receiver.url, filter: { types: ['security'] } });
    const releaseId = await publish('2.2.0', 'security');
    await announceRelease(db(), releaseId, silentLogger); // stores the announcement, queues its first attempt
    const announcement = await announcementOf(sub.id, releaseId);
    expect(receiver.received).toHaveLength(0);
    // Its job failed for good (say the database was down on each try) 20 minutes ago, the announcement still pending.
    const job = await nextJob(announcement.id);
    await db().updateTable('jobs').set({ status: 'failed' }).where('id', '=', job!.id).execute();
    await db()
      .updateTable('announcements')
      .set({ next_attempt_at: sql`now() - interval '20 minutes'` })
      .where('id', '=', announcement.id)
      .execute();
    const sweep = strandedAnnouncementsSweep();
    expect(await sweep.run({ db: db(), logger: silentLogger })).toBe(1);
    expect(await sweep.run({ db: db(), logger: silentLogger })).toBe(0); // its job is queued now
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect(await announcementOf(sub.id, releaseId)).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});
