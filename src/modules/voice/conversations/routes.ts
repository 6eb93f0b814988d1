import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../../http/access.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { nameParams } from '../../catalog/contract.js';
import { getEntityRow } from '../../catalog/service.js';
import {
  conversationInput,
  conversationQuery,
  conversationSchema,
  engagementInput,
  engagementQuery,
  engagementSchema,
  teamVoiceSchema,
} from './contract.js';
import { createConversation, createEngagement, listConversationPage, listEngagementViews } from './service.js';
import { teamVoice } from './team-voice.js';

const WRITERS =
  'A member of a platform team (credited to `platformTeam`, or to the writer’s platform team when absent), or an ' +
  'organisation admin.';

/** Conversations with customer teams and buddy engagements, and what the team page shows of them. */
export function conversationRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/conversations',
      tags: ['voice'],
      summary: 'Conversations with customer teams, newest first',
      request: { query: conversationQuery },
      responses: {
        200: json(z.object({ items: z.array(conversationSchema), nextCursor: z.string().nullable() }), 'A page'),
      },
    }),
    async (c) => c.json(await listConversationPage(db, c.req.valid('query')), 200),
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'post',
      path: '/conversations',
      tags: ['voice'],
      summary: 'Record that a platform member talked with a customer team',
      description: `${WRITERS} \`pains\` are ids of the team's own pains.`,
      request: body(conversationInput),
      responses: { 201: json(conversationSchema, 'Recorded') },
    }),
    async (c) => c.json(await createConversation(db, c.get('principal'), c.req.valid('json')), 201),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/engagements',
      tags: ['voice'],
      summary: 'Buddy engagements: platform engineers embedded with customer teams',
      request: { query: engagementQuery },
      responses: { 200: json(z.object({ items: z.array(engagementSchema) }), 'Engagements, latest start first') },
    }),
    async (c) => c.json(await listEngagementViews(db, c.req.valid('query').team), 200),
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'post',
      path: '/engagements',
      tags: ['voice'],
      summary: 'Record a platform engineer embedded with a customer team for a period',
      description: WRITERS,
      request: body(engagementInput),
      responses: { 201: json(engagementSchema, 'Recorded') },
    }),
    async (c) => c.json(await createEngagement(db, c.get('principal'), c.req.valid('json')), 201),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/teams/{name}/voice',
      tags: ['voice'],
      summary: 'A team’s last contact, conversations and buddy engagements with what changed during and after them',
      request: { params: nameParams },
      responses: { 200: json(teamVoiceSchema, 'The team’s voice') },
    }),
    async (c) => {
      const team = await getEntityRow(db, 'Group', 'default', c.req.valid('param').name);
      return c.json(await teamVoice(db, team), 200);
    },
  );

  return app;
}
