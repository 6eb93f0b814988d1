import { accessRoute } from '../../../http/access.js';
import { jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { coverageSchema, seriesSchema, summaryQuery, summarySchema } from './contract.js';
import { contactCoverage } from './coverage.js';
import { voiceSeries, voiceSummary } from './service.js';

/** The numbers of SLAs, support and contact, as DOMAIN.md defines them, with the sample behind each. */
export function voiceSummaryRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/voice/summary',
      tags: ['voice'],
      summary: 'Bug SLA shares, time to fix, support times and queue, deflection and contact coverage for a period',
      description:
        'Default period: the 90 days before `to` (default now). Figures are as known at `asOf` (`to`, or now when ' +
        '`to` is later). `capability` and `platformTeam` narrow bugs and support to one capability or platform team.',
      request: { query: summaryQuery },
      responses: { 200: json(summarySchema, 'The figures') },
    }),
    async (c) => c.json(await voiceSummary(db, c.req.valid('query')), 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/voice/series',
      tags: ['voice'],
      summary: 'Weekly bugs reported and fixed, support opened and resolved, queue and median first response',
      request: { query: summaryQuery },
      responses: { 200: json(seriesSchema, 'Weeks (Monday, UTC)') },
    }),
    async (c) => c.json(await voiceSeries(db, c.req.valid('query')), 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/contact-coverage',
      tags: ['voice'],
      summary: 'Customer teams talked with in the last 90 days, per platform team, and whom to talk to next',
      responses: { 200: json(coverageSchema, 'Coverage') },
    }),
    async (c) => c.json(await contactCoverage(db, new Date()), 200),
  );

  return app;
}
