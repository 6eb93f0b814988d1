import { z } from '@hono/zod-openapi';
import { ACCESS_FIELD, accessMiddleware } from '../../http/access.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import { ingestResultSchema, MAX_EVENTS_PER_REQUEST, usageEventInput } from './contract.js';
import { batchFormat, parseBatch } from './parse-batch.js';
import { ingestEvents } from './service.js';

export function eventRoutes({ db }: AppDeps) {
  const app = createRouter();

  // Registered by hand: the body comes as JSON or NDJSON, which the route validator cannot take.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/events',
    [ACCESS_FIELD]: 'events-writer',
    tags: ['adoption'],
    summary: 'Record usage events of capabilities (needs the events:write scope or the admin role)',
    description:
      `Up to ${MAX_EVENTS_PER_REQUEST} events per request, as a JSON array (or one object) or as NDJSON (one event per line; blank lines are skipped). ` +
      'Valid events are stored together in one transaction; each invalid one is named in `rejected` by its 0-based position ' +
      '(array index, or index among the non-blank lines) and never stored, nor is an event naming a capability, service or team ' +
      'that is not in the catalog. An event whose `id` is already stored, or appeared earlier in the batch, counts once, as a duplicate.',
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.union([z.array(usageEventInput).max(MAX_EVENTS_PER_REQUEST), usageEventInput]),
          },
          'application/x-ndjson': {
            schema: z.string().openapi({ description: 'One UsageEvent JSON object per line.' }),
          },
        },
        required: true,
      },
    },
    responses: {
      200: {
        content: { 'application/json': { schema: ingestResultSchema } },
        description: 'Stored; the counts say what happened to each event',
      },
    },
  });
  app.post('/events', accessMiddleware('events-writer'), async (c) => {
    const format = batchFormat(c.req.header('content-type'));
    const batch = parseBatch(await c.req.text(), format);
    return c.json(await ingestEvents(db, batch, c.get('principal')), 200);
  });

  return app;
}
