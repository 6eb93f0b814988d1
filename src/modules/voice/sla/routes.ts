import { z } from '@hono/zod-openapi';
import { inTransaction } from '../../../db/transaction.js';
import { accessRoute, assertAdministers } from '../../../http/access.js';
import { AppError } from '../../../http/errors.js';
import { jsonBody as body, jsonResponse as json } from '../../../http/openapi.js';
import { createRouter, type AppDeps } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { nameParams } from '../../catalog/contract.js';
import { getEntityRow } from '../../catalog/service.js';
import { findCapability } from './find-capability.js';
import { categoryBody, categoryParams, categorySchema, slaBody, slaSchema } from './contract.js';
import * as repo from './repo.js';
import { categoryView, policyOf, policyRows } from './views.js';

/** SLA policies per capability and severity, and the capability that made a support category self-service. */
export function slaRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities/{name}/sla',
      tags: ['voice'],
      summary: 'The SLA policy of a capability: hours to acknowledge and to fix a bug, per severity',
      request: { params: nameParams },
      responses: { 200: json(slaSchema, 'The policy (severities without an SLA are absent)') },
    }),
    async (c) => {
      const cap = await getEntityRow(db, 'Capability', 'default', c.req.valid('param').name);
      return c.json({ capability: cap.name, severities: policyOf(await repo.listPolicies(db, cap.id)) }, 200);
    },
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'put',
      path: '/capabilities/{name}/sla',
      tags: ['voice'],
      summary: 'Set the SLA policy of a capability (the whole policy: a severity left out has no SLA)',
      description: 'Members of the platform team that owns the capability, or an organisation admin. Calendar hours.',
      request: { params: nameParams, ...body(slaBody) },
      responses: { 200: json(slaSchema, 'The stored policy') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const cap = await getEntityRow(db, 'Capability', 'default', c.req.valid('param').name);
      assertAdministers(principal, cap.owner_ref);
      const rows = policyRows(c.req.valid('json'));
      const after = policyOf(rows);
      await inTransaction(db, async (tx) => {
        const before = policyOf(await repo.listPolicies(tx, cap.id));
        await repo.replacePolicies(tx, cap.id, rows);
        await recordAudit(tx, principal, {
          action: 'update',
          entity: { kind: 'sla_policy', id: cap.name, ref: cap.ref },
          summary: `SLA policy of ${cap.name}: ${rows.length} severit${rows.length === 1 ? 'y' : 'ies'}`,
          changes: diffFields(before, after),
        });
      });
      return c.json({ capability: cap.name, severities: after }, 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/support/categories',
      tags: ['voice'],
      summary: 'Support categories: those linked to a self-service capability and those requests use',
      responses: { 200: json(z.object({ items: z.array(categorySchema) }), 'Categories') },
    }),
    async (c) => c.json({ items: (await repo.listCategories(db)).map(categoryView) }, 200),
  );

  app.openapi(
    accessRoute('team-admin', {
      method: 'put',
      path: '/support/categories/{category}',
      tags: ['voice'],
      summary: 'Name the capability that made a support category self-service (null unlinks it)',
      description:
        'Members of the platform team that owns the capability (and, to move a link, the one that owns the ' +
        'capability linked before), or an organisation admin.',
      request: { params: categoryParams, ...body(categoryBody) },
      responses: { 200: json(categorySchema, 'The category') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const { category } = c.req.valid('param');
      const input = c.req.valid('json');
      const cap = input.capability === null ? null : await findCapability(db, input.capability);
      if (cap === undefined)
        throw new AppError('VALIDATION_FAILED', `capability: ${input.capability} is not in the catalog`, [
          { field: 'capability', reason: 'is not a capability in the catalog' },
        ]);
      const view = await inTransaction(db, async (tx) => {
        const [before] = await repo.listCategories(tx, category);
        // Taking a category from another team's capability needs that team's say as well.
        if (before?.capability_ref && before.capability_ref !== cap?.ref)
          assertAdministers(principal, before.capability_owner);
        if (cap) assertAdministers(principal, cap.owner_ref);
        else if (!before?.capability_ref) assertAdministers(principal, null);
        await repo.upsertCategory(tx, category, cap?.id ?? null);
        await recordAudit(tx, principal, {
          action: 'update',
          entity: { kind: 'support_category', id: category, ref: cap?.ref ?? before?.capability_ref ?? null },
          summary: cap
            ? `Support category "${category}" made self-service by ${cap.name}`
            : `Support category "${category}" unlinked`,
          changes: diffFields({ capability: before?.capability_name ?? null }, { capability: cap?.name ?? null }),
        });
        const [after] = await repo.listCategories(tx, category);
        if (!after) throw new Error('the category was not stored');
        return categoryView(after);
      });
      return c.json(view, 200);
    },
  );

  return app;
}
