import { HTTPException } from 'hono/http-exception';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ACCESS_FIELD, accessRoute } from '../http/access.js';
import { requireAuth } from '../modules/auth/middleware.js';
import { SESSION_COOKIE } from '../modules/auth/service.js';
import { refuseCrossSite } from '../http/cross-site.js';
import { auditSafetyNet } from '../modules/audit/safety-net.js';
import { AppError } from '../http/errors.js';
import { jsonResponse } from '../http/openapi.js';
import { rateLimits } from '../http/rate-limits.js';
import type { AppDeps, AppEnv } from '../http/router.js';
import { limitBodies } from '../http/body-limit.js';
import { moduleBodyLimits, MODULES } from './modules.js';
import { serveSpa } from './static.js';

export const API_VERSION = '0.1.0';

/** The whole HTTP surface, without listening: tests call `app.request()`, main.ts serves it. */
export function buildApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { logger, db } = deps;

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  // Before anything reads a body: each route's declared limit, else the small default.
  app.use('*', limitBodies(moduleBodyLimits()));

  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      c.header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
      );
    }
  });

  if (deps.rateLimits) app.use('*', rateLimits(deps.rateLimits, deps.trustProxy));

  app.openapi(
    accessRoute('public', {
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      summary: 'Liveness: answers while the server runs (no token needed)',
      responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'Running') },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
  app.use('/auth/*', refuseCrossSite(SESSION_COOKIE, deps.auth?.publicUrl ?? null));
  for (const routes of MODULES.flatMap((m) => m.publicRoutes ?? [])) app.route('/', routes(deps));

  app.use('/api/v1/*', refuseCrossSite(SESSION_COOKIE, deps.auth?.publicUrl ?? null));
  const openRoutes = [
    { method: 'POST', path: '/api/v1/session' },
    { method: 'GET', path: '/api/v1/auth-config' },
  ];
  app.use('/api/v1/*', requireAuth(db, openRoutes, deps.auth));
  app.use('/api/v1/*', auditSafetyNet(db, logger));
  for (const routes of MODULES.flatMap((m) => m.routes ?? [])) app.route('/api/v1', routes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    [ACCESS_FIELD]: 'public',
    tags: ['meta'],
    summary: 'This document (OpenAPI 3.1)',
    security: [],
    responses: { 200: jsonResponse(z.looseObject({ openapi: z.string() }), 'The OpenAPI document') },
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Paved API', version: API_VERSION, description: 'Run your internal platform as a product.' },
    security: [{ bearer: [] }],
  });

  app.all('/api/*', (c) => c.json(new AppError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`).toBody(), 404));
  if (deps.webRoot) app.use('*', serveSpa(deps.webRoot));

  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(error.toBody(), error.status);
    if (error instanceof HTTPException) {
      const code =
        error.status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : error.status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : error.status === 400
              ? 'MALFORMED_JSON'
              : 'VALIDATION_FAILED';
      const wrapped = new AppError(code, error.message || 'bad request');
      return c.json(wrapped.toBody(), error.status);
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json(new AppError('INTERNAL', 'something went wrong on our side; it has been logged').toBody(), 500);
  });

  return app;
}

export type App = ReturnType<typeof buildApp>;
