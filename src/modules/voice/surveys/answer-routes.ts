import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { accessRoute } from '../../../http/access.js';
import { AppError } from '../../../http/errors.js';
import { errorResponse, jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, validationError, zodDetails, type AppDeps, type AppEnv } from '../../../http/router.js';
import { actor } from '../../audit/actor.js';
import { answerBody, answerQuery, questionsSchema } from './contract.js';
import { answerSurvey, questionsFor } from './answer.js';
import { z } from '@hono/zod-openapi';

/** The token is the credential: without one the caller is not identified (401), as a webhook without signature. */
function tokenFirst(result: { success: true } | { success: false; error: ZodError }): undefined {
  if (result.success) return;
  if (result.error.issues.some((i) => i.path[0] === 'token' && i.code === 'invalid_type'))
    throw new AppError('UNAUTHENTICATED', 'token: a survey link carries its token; this request has none');
  throw validationError(zodDetails(result.error));
}

const refusals = {
  401: errorResponse('UNAUTHENTICATED: no token'),
  404: errorResponse('NOT_FOUND: the link is not known'),
  410: errorResponse('GONE: the survey is closed, or past its closing time'),
};

// The page posts from the browser (same origin): the UI; anything else sent it through the API.
const channelOf = (c: Context<AppEnv>) => (c.req.header('sec-fetch-site') === 'same-origin' ? 'ui' : 'api');

/**
 * Answering through a personal link, without signing in. Mounted outside authentication (at /api/v1/surveys/answer
 * itself), because the link's token is the only credential; every other /api route still needs a token or session.
 */
export function surveyAnswerRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('secret', {
      method: 'get',
      path: '/api/v1/surveys/answer',
      tags: ['voice'],
      summary: 'The questions behind a personal survey link, and the answer given so far (the token is the credential)',
      request: { query: answerQuery },
      responses: { 200: json(questionsSchema, 'The questions'), ...refusals },
    }),
    async (c) => {
      c.header('cache-control', 'no-store');
      return c.json(await questionsFor(db, c.req.valid('query').token), 200);
    },
    tokenFirst,
  );

  app.openapi(
    accessRoute('secret', {
      method: 'post',
      path: '/api/v1/surveys/answer',
      tags: ['voice'],
      summary: 'Answer a survey through a personal link: NPS 0-10, CSAT 1-5 per capability, a comment; again replaces',
      request: body(answerBody),
      responses: {
        200: json(z.object({ answered: z.literal(true) }), 'Stored (replacing an earlier answer)'),
        400: errorResponse('VALIDATION_FAILED: names the field (nps, csat.<capability>, comment)'),
        ...refusals,
      },
    }),
    async (c) => {
      await answerSurvey(db, actor('survey link', channelOf(c)), c.req.valid('json'));
      return c.json({ answered: true as const }, 200);
    },
    tokenFirst,
  );

  return app;
}
