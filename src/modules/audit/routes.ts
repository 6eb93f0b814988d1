import { accessRoute } from '../../http/access.js';
import { jsonResponse as json } from '../../http/openapi.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import { auditPage, auditQuery, MAX_AUDIT_PAGE } from './contract.js';
import { listAuditPage } from './list-audit.js';

export function auditRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('org-admin', {
      method: 'get',
      path: '/audit',
      tags: ['audit'],
      summary: 'The audit trail: who changed what, when, through which channel, with the fields before and after',
      description: `Newest first, at most ${MAX_AUDIT_PAGE} entries a page (\`nextCursor\` gives the next). Every write through the API, the UI, the CLI, jobs and webhooks is recorded; imports and webhook deliveries as one entry per run or delivery, with counts. Secrets never appear.`,
      request: { query: auditQuery },
      responses: { 200: json(auditPage, 'A page of the audit trail') },
    }),
    async (c) => c.json(await listAuditPage(db, c.req.valid('query')), 200),
  );

  return app;
}
