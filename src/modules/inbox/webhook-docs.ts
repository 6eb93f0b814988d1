import { ACCESS_FIELD } from '../../http/access.js';
import { z } from '@hono/zod-openapi';
import type { Router } from '../../http/router.js';
import { errorResponse, jsonResponse } from '../../http/openapi.js';

// The webhook routes read the raw body (signatures cover its bytes), so they are described here by hand rather
// than validated by the route: these are the headers and answers webhook-routes.ts checks and gives.

export const webhookAnswer = z
  .object({
    status: z.enum(['accepted', 'duplicate', 'ignored']),
    deliveryId: z.string().openapi({ description: 'The id the delivery is deduplicated on' }),
  })
  .openapi('WebhookAnswer');

const header = (description: string) => z.string().openapi({ description });
const payload = (description: string) => ({
  content: { 'application/json': { schema: z.looseObject({}).openapi({ description }) } },
  required: true,
});

const answers = {
  202: jsonResponse(
    webhookAnswer,
    'Stored (accepted; derived by the job runner within about a second), a redelivery already stored (duplicate), or an event Paved does not read, kept (ignored)',
  ),
  400: errorResponse('MALFORMED_JSON: the body is not JSON; VALIDATION_FAILED: a required header or field is missing'),
  401: errorResponse('INVALID_SIGNATURE: no configured secret verifies the delivery, or none is configured'),
  413: errorResponse('PAYLOAD_TOO_LARGE: over 25 MB'),
};

export function describeWebhooks(registry: Router['openAPIRegistry']): void {
  registry.registerPath({
    method: 'post',
    path: '/webhooks/github',
    [ACCESS_FIELD]: 'secret',
    tags: ['webhooks'],
    summary: 'GitHub webhook deliveries',
    description:
      'Reads `push`, `deployment_status`, `workflow_run`, `issues`, `issue_comment` and `release`; other events are kept and ignored. Secret: PAVED_GITHUB_WEBHOOK_SECRET or an integration.',
    security: [],
    request: {
      headers: z.object({
        'x-hub-signature-256': header('`sha256=` and the HMAC of the body with the webhook secret'),
        'x-github-delivery': header('The delivery id; a redelivery keeps it and counts once'),
        'x-github-event': header('The event name, such as `push`'),
      }),
      body: payload('The event payload as GitHub sends it (content type application/json)'),
    },
    responses: answers,
  });
  registry.registerPath({
    method: 'post',
    path: '/webhooks/gitlab',
    [ACCESS_FIELD]: 'secret',
    tags: ['webhooks'],
    summary: 'GitLab webhook deliveries',
    description:
      'Reads Deployment, Push, Pipeline, Issue, Note and Release Hooks; others are kept and ignored. Token: PAVED_GITLAB_WEBHOOK_TOKEN or an integration.',
    security: [],
    request: {
      headers: z.object({
        'x-gitlab-token': header("The webhook's secret token"),
        'x-gitlab-event': header('The hook name, such as `Push Hook`'),
        'idempotency-key': header(
          '1 to 200 characters; deliveries are deduplicated on it, else on the body',
        ).optional(),
      }),
      body: payload('The hook payload as GitLab sends it'),
    },
    responses: answers,
  });
  registry.registerPath({
    method: 'post',
    path: '/webhooks/pagerduty',
    [ACCESS_FIELD]: 'secret',
    tags: ['webhooks'],
    summary: 'PagerDuty webhooks v3 incident events',
    description:
      'Deduplicated on `event.id`. Secret: PAVED_PAGERDUTY_WEBHOOK_SECRET (a v3 subscription) or an integration.',
    security: [],
    request: {
      headers: z.object({
        'x-pagerduty-signature': header('`v1=` and the HMAC of the body; several signatures separated by commas'),
      }),
      body: {
        content: {
          'application/json': {
            schema: z.looseObject({
              event: z.looseObject({ id: z.string(), event_type: z.string() }),
            }),
          },
        },
        required: true,
      },
    },
    responses: answers,
  });
}
