import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { enqueueJob } from '../../jobs/queue.js';
import { AppError } from '../../server/errors.js';
import type { AppDeps, AppEnv } from '../../server/router.js';
import { DERIVE_DELIVERY } from './jobs.js';
import * as repo from './repo.js';
import { verifyGithubSignature, verifyPagerDutySignature } from './verify-signature.js';

export const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;
const GITHUB_EVENTS = new Set(['push', 'deployment', 'deployment_status', 'workflow_run', 'pull_request']);
const KEPT_HEADERS = ['x-github-delivery', 'x-github-event', 'x-github-hook-id', 'user-agent', 'content-type'];

/** Webhooks verify, store the raw delivery, enqueue its derivation, and answer 202 at once. */
export function webhookRoutes({ db, notifyJobs, webhookSecrets }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(
    '/webhooks/*',
    bodyLimit({
      maxSize: MAX_DELIVERY_BYTES,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `deliveries are limited to ${MAX_DELIVERY_BYTES / 1024 / 1024} MB`);
      },
    }),
  );

  app.post('/webhooks/github', async (c) => {
    const secrets = webhookSecrets?.github ?? [];
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (secrets.length === 0 || !verifyGithubSignature(secrets, raw, c.req.header('x-hub-signature-256'))) {
      throw new AppError('INVALID_SIGNATURE', secrets.length === 0 ? 'GitHub webhooks are not configured: set PAVED_GITHUB_WEBHOOK_SECRET' : 'X-Hub-Signature-256 does not match the body');
    }
    const deliveryId = c.req.header('x-github-delivery');
    const event = c.req.header('x-github-event');
    if (!deliveryId || !event) throw new AppError('VALIDATION_FAILED', 'X-GitHub-Delivery and X-GitHub-Event headers are required', [{ field: deliveryId ? 'X-GitHub-Event' : 'X-GitHub-Delivery', reason: 'is required' }]);
    const body = Buffer.from(raw).toString('utf8');
    try {
      JSON.parse(body);
    } catch (error) {
      throw new AppError('MALFORMED_JSON', `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (c.req.header(h) ? [[h, c.req.header(h) as string]] : [])));
    const id = await repo.insertDelivery(db, { source: 'github', deliveryId, event, headers, body });
    if (id === null) return c.json({ status: 'duplicate', deliveryId }, 202);
    if (!GITHUB_EVENTS.has(event)) {
      await repo.markDelivery(db, id, 'ignored');
      return c.json({ status: 'ignored', deliveryId }, 202);
    }
    await enqueueJob(db, DERIVE_DELIVERY, { deliveryId: id });
    notifyJobs?.();
    return c.json({ status: 'accepted', deliveryId }, 202);
  });

  app.post('/webhooks/pagerduty', async (c) => {
    const secrets = webhookSecrets?.pagerduty ?? [];
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (secrets.length === 0 || !verifyPagerDutySignature(secrets, raw, c.req.header('x-pagerduty-signature'))) {
      throw new AppError('INVALID_SIGNATURE', secrets.length === 0 ? 'PagerDuty webhooks are not configured: set PAVED_PAGERDUTY_WEBHOOK_SECRET' : 'X-PagerDuty-Signature does not match the body');
    }
    const body = Buffer.from(raw).toString('utf8');
    let event: { id?: unknown; event_type?: unknown } | undefined;
    try {
      event = (JSON.parse(body) as { event?: { id?: unknown; event_type?: unknown } }).event;
    } catch (error) {
      throw new AppError('MALFORMED_JSON', `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof event?.id !== 'string' || typeof event.event_type !== 'string') {
      throw new AppError('VALIDATION_FAILED', 'event.id and event.event_type are required (PagerDuty webhooks v3)', [{ field: 'event.id', reason: 'is required' }]);
    }
    const headers = Object.fromEntries(['x-webhook-id', 'user-agent', 'content-type'].flatMap((h) => (c.req.header(h) ? [[h, c.req.header(h) as string]] : [])));
    const id = await repo.insertDelivery(db, { source: 'pagerduty', deliveryId: event.id, event: event.event_type, headers, body });
    if (id === null) return c.json({ status: 'duplicate', deliveryId: event.id }, 202);
    await enqueueJob(db, DERIVE_DELIVERY, { deliveryId: id });
    notifyJobs?.();
    return c.json({ status: 'accepted', deliveryId: event.id }, 202);
  });

  return app;
}
