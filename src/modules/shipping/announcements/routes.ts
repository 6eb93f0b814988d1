import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { notFound } from '../../../http/errors.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import {
  createdSubscriptionSchema,
  deliveriesQuery,
  deliverySchema,
  subscriptionCreate,
  subscriptionParams,
  subscriptionSchema,
} from './contract.js';
import { listDeliveries, listSubscriptions } from './repo.js';
import { deliveryView, subscriptionView } from './subscription-view.js';
import { createSubscription, deleteSubscription, resumeSubscription } from './write-subscription.js';

const tags = ['announcements'];

/**
 * Where releases are announced (Slack, Microsoft Teams, signed webhooks) and how each delivery went. Platform
 * members manage them; the list shows destination hosts only, the URL being a credential.
 */
export function subscriptionRoutes({ db, secretKey = null, allowPrivateDestinations = false, notifyJobs }: AppDeps) {
  const app = createRouter();
  const settings = { secretKey, allowPrivate: allowPrivateDestinations };

  const one = async (id: number) => {
    const [row] = await listSubscriptions(db, id);
    if (!row) throw notFound(`subscription ${id}`);
    return subscriptionView(row);
  };

  app.openapi(
    accessRoute('platform-member', {
      method: 'get',
      path: '/subscriptions',
      tags,
      summary: 'Announcement subscriptions, with their state and delivery counts',
      responses: { 200: json(z.object({ items: z.array(subscriptionSchema) }), 'Subscriptions') },
    }),
    async (c) => c.json({ items: (await listSubscriptions(db)).map(subscriptionView) }, 200),
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/subscriptions',
      tags,
      summary: "Announce releases to a destination; a webhook's signing secret is in this response only",
      request: body(subscriptionCreate),
      responses: { 201: json(createdSubscriptionSchema, 'The subscription, with its secret') },
    }),
    async (c) => {
      const { id, secret } = await createSubscription(db, c.get('principal'), c.req.valid('json'), settings);
      return c.json({ ...(await one(id)), secret }, 201);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'delete',
      path: '/subscriptions/{id}',
      tags,
      summary: 'Stop announcing to a destination (its announcements and their log go with it)',
      request: { params: subscriptionParams },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await deleteSubscription(db, c.get('principal'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'post',
      path: '/subscriptions/{id}/resume',
      tags,
      summary: 'Resume a paused subscription; its failed announcements are sent again',
      request: { params: subscriptionParams },
      responses: { 200: json(subscriptionSchema, 'The subscription') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await resumeSubscription(db, c.get('principal'), id);
      notifyJobs?.();
      return c.json(await one(id), 200);
    },
  );

  app.openapi(
    accessRoute('platform-member', {
      method: 'get',
      path: '/subscriptions/{id}/deliveries',
      tags,
      summary: "A subscription's latest announcements, each with every attempt (time, status, latency, answer)",
      request: { params: subscriptionParams, query: deliveriesQuery },
      responses: { 200: json(z.object({ items: z.array(deliverySchema) }), 'Announcements, newest first') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { limit } = c.req.valid('query');
      await one(id);
      return c.json({ items: (await listDeliveries(db, id, limit)).map(deliveryView) }, 200);
    },
  );

  return app;
}
