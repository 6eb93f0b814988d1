import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '../../http/errors.js';
import { createRouter, type AppDeps, type AppEnv } from '../../http/router.js';
import { deliveryField } from './delivery-fields.js';
import { describeWebhooks } from './webhook-docs.js';
import { integrationSecrets, touchIntegrationDelivery } from '../integrations/secret-cache.js';
import { createDeliveryWriter } from './delivery-writer.js';
import { readsEvent } from '../../connectors/read-events.js';
import { matchGithubSignature } from '../../connectors/github/verify.js';
import { matchGitlabToken } from '../../connectors/gitlab/verify.js';
import { matchPagerDutySignature } from '../../connectors/pagerduty/verify.js';

export const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;
type Source = 'github' | 'gitlab' | 'pagerduty';

// Headers kept with the raw delivery; never the GitLab token, which is the secret itself.
const KEPT_HEADERS: Record<Source, string[]> = {
  github: ['x-github-delivery', 'x-github-event', 'x-github-hook-id', 'user-agent', 'content-type'],
  gitlab: [
    'x-gitlab-event',
    'x-gitlab-event-uuid',
    'x-gitlab-webhook-uuid',
    'x-gitlab-instance',
    'idempotency-key',
    'user-agent',
    'content-type',
  ],
  pagerduty: ['x-webhook-id', 'user-agent', 'content-type'],
};
const SETTING: Record<Source, string> = {
  github: 'PAVED_GITHUB_WEBHOOK_SECRET',
  gitlab: 'PAVED_GITLAB_WEBHOOK_TOKEN',
  pagerduty: 'PAVED_PAGERDUTY_WEBHOOK_SECRET',
};
const NAME: Record<Source, string> = { github: 'GitHub', gitlab: 'GitLab', pagerduty: 'PagerDuty' };

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new AppError(
      'MALFORMED_JSON',
      `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const required = (field: string) =>
  new AppError('VALIDATION_FAILED', `${field}: is required`, [{ field, reason: 'is required' }]);

/** Webhooks verify, store the raw delivery, enqueue its derivation, and answer 202 at once. */
export function webhookRoutes({ db, deriveDelayMs, webhookSecrets, secretKey }: AppDeps) {
  const app = createRouter();
  describeWebhooks(app.openAPIRegistry);
  const writer = createDeliveryWriter(db, deriveDelayMs === undefined ? {} : { deriveAfterMs: deriveDelayMs });

  /**
   * Which secret verified a delivery: null for one from the environment (checked first, no query), else the id of
   * the integration whose secret did. None: 401, and nothing is stored.
   */
  async function verify(source: Source, match: (secrets: string[]) => number, what: string): Promise<number | null> {
    const configured = webhookSecrets?.[source] ?? [];
    if (match(configured) >= 0) return null;
    const integrations = await integrationSecrets(db, source, secretKey ?? null);
    const found = integrations[match(integrations.map((i) => i.secret))];
    if (found) return found.id;
    if (configured.length === 0 && integrations.length === 0)
      throw new AppError(
        'INVALID_SIGNATURE',
        `${NAME[source]} webhooks are not configured: set ${SETTING[source]} or add an integration`,
      );
    throw new AppError('INVALID_SIGNATURE', what);
  }

  async function accept(
    c: Context<AppEnv>,
    d: { source: Source; deliveryId: string; event: string; body: string; integrationId: number | null; read: boolean },
  ) {
    const headers = Object.fromEntries(
      KEPT_HEADERS[d.source].flatMap((h) => (c.req.header(h) ? [[h, c.req.header(h) as string]] : [])),
    );
    const ignored = d.read ? null : `Paved does not read ${d.event} events`;
    const stored = await writer.write({
      source: d.source,
      deliveryId: d.deliveryId,
      event: d.event,
      headers,
      body: d.body,
      integrationId: d.integrationId,
      ignored,
    });
    if (d.integrationId !== null) await touchIntegrationDelivery(db, d.integrationId);
    if (!stored) return c.json({ status: 'duplicate', deliveryId: d.deliveryId }, 202);
    if (ignored) return c.json({ status: 'ignored', deliveryId: d.deliveryId }, 202);
    return c.json({ status: 'accepted', deliveryId: d.deliveryId }, 202);
  }

  app.post('/webhooks/github', async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const integrationId = await verify(
      'github',
      (secrets) => matchGithubSignature(secrets, raw, c.req.header('x-hub-signature-256')),
      'X-Hub-Signature-256 does not match the body',
    );
    const deliveryId = c.req.header('x-github-delivery');
    const event = c.req.header('x-github-event');
    if (!deliveryId) throw required('X-GitHub-Delivery');
    if (!event) throw required('X-GitHub-Event');
    const body = Buffer.from(raw).toString('utf8');
    parseJson(body);
    deliveryField(deliveryId, 'X-GitHub-Delivery');
    deliveryField(event, 'X-GitHub-Event');
    return accept(c, { source: 'github', deliveryId, event, body, integrationId, read: readsEvent('github', event) });
  });

  app.post('/webhooks/gitlab', async (c) => {
    const integrationId = await verify(
      'gitlab',
      (tokens) => matchGitlabToken(tokens, c.req.header('x-gitlab-token')),
      'X-Gitlab-Token is not a configured token',
    );
    const event = c.req.header('x-gitlab-event');
    if (!event) throw required('X-Gitlab-Event');
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const body = Buffer.from(raw).toString('utf8');
    parseJson(body);
    // Idempotency-Key (GitLab 17.4 and later) stays the same when GitLab retries or a user resends a delivery.
    // X-Gitlab-Event-UUID does not (a resend gets a new one) and is shared by different events a webhook chain
    // triggers, so it would both miss duplicates and drop events. Without the key, identical bodies are one
    // delivery: they carry the same facts.
    const key = c.req.header('idempotency-key');
    if (key !== undefined) deliveryField(key, 'Idempotency-Key');
    deliveryField(event, 'X-Gitlab-Event');
    const deliveryId = key ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    return accept(c, { source: 'gitlab', deliveryId, event, body, integrationId, read: readsEvent('gitlab', event) });
  });

  app.post('/webhooks/pagerduty', async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const integrationId = await verify(
      'pagerduty',
      (secrets) => matchPagerDutySignature(secrets, raw, c.req.header('x-pagerduty-signature')),
      'X-PagerDuty-Signature does not match the body',
    );
    const body = Buffer.from(raw).toString('utf8');
    const event = (parseJson(body) as { event?: { id?: unknown; event_type?: unknown } } | null)?.event;
    if (typeof event?.id !== 'string' || typeof event.event_type !== 'string') {
      throw new AppError('VALIDATION_FAILED', 'event.id and event.event_type are required (PagerDuty webhooks v3)', [
        { field: 'event.id', reason: 'is required' },
      ]);
    }
    deliveryField(event.id, 'event.id');
    deliveryField(event.event_type, 'event.event_type');
    return accept(c, {
      source: 'pagerduty',
      deliveryId: event.id,
      event: event.event_type,
      body,
      integrationId,
      read: true,
    });
  });

  return app;
}
