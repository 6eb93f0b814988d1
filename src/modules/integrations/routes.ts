import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { accessRoute } from '../../http/access.js';
import type { IntegrationRow } from '../../db/schema/integrations.js';
import { AppError, notFound } from '../../http/errors.js';
import { isoOrNull as iso, jsonBody as body, jsonResponse as json } from '../../http/openapi.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import { createdIntegrationSchema, createIntegrationBody, integrationSchema, type Integration } from './contract.js';
import { openIntegrationSecret, sealIntegrationSecret } from './integration-secret.js';
import * as repo from './repo.js';
import { SECRET_KEY_HINT, SECRET_KEY_SETTING } from './secret-box.js';
import { invalidateIntegrationSecrets } from './secret-cache.js';
import { inTransaction } from '../../db/transaction.js';
import { diffFields, recordAudit } from '../audit/service.js';

// The last 4 characters tell integrations apart; "????" when the secret does not open with this key.
const view = (row: IntegrationRow, secretKey: Buffer | null): Integration => ({
  id: row.id,
  provider: row.provider,
  name: row.name,
  secretHint: `…${openIntegrationSecret(secretKey, row)?.slice(-4) ?? '????'}`,
  createdAt: iso(row.created_at) ?? '',
  createdBy: row.created_by,
  lastDeliveryAt: iso(row.last_delivery_at),
});

/** Webhook integrations, each with its own secret, next to the secrets from the environment (admin only). */
export function integrationRoutes({ db, secretKey = null }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('org-admin', {
      method: 'get',
      path: '/integrations',
      tags: ['integrations'],
      summary: 'List webhook integrations (never their secrets)',
      responses: { 200: json(z.object({ items: z.array(integrationSchema) }), 'Integrations') },
    }),
    async (c) => {
      return c.json({ items: (await repo.listIntegrations(db)).map((row) => view(row, secretKey)) }, 200);
    },
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/integrations',
      tags: ['integrations'],
      summary: 'Add a webhook integration; a generated secret is in this response only',
      request: body(createIntegrationBody),
      responses: { 201: json(createdIntegrationSchema, 'The new integration, with its secret') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      if (input.provider === 'pagerduty' && !input.secret) {
        throw new AppError(
          'VALIDATION_FAILED',
          'secret: PagerDuty generates the signing secret of a webhook subscription; send that',
          [{ field: 'secret', reason: 'is required for PagerDuty' }],
        );
      }
      if (!secretKey)
        throw new AppError(
          'CONFLICT',
          `Paved stores integration secrets encrypted and ${SECRET_KEY_SETTING} is not set: ${SECRET_KEY_HINT}, then restart`,
        );
      const secret = input.secret ?? randomBytes(32).toString('base64url');
      const row = await inTransaction(db, async (tx) => {
        const created = await repo.insertIntegration(tx, {
          provider: input.provider,
          name: input.name,
          secret: sealIntegrationSecret(secretKey, input, secret),
          createdBy: principal.name,
        });
        if (created)
          await recordAudit(tx, principal, {
            action: 'create',
            entity: { kind: 'integration', id: created.id, ref: null },
            summary: `Added ${input.provider} integration "${input.name}"`,
            // The secret is redacted by the audit trail: the entry says it was set, never what it is.
            changes: diffFields(null, { provider: input.provider, name: input.name, secret }),
          });
        return created;
      });
      if (!row)
        throw new AppError('CONFLICT', `name: a ${input.provider} integration named "${input.name}" exists`, [
          { field: 'name', reason: 'is already used for this provider' },
        ]);
      invalidateIntegrationSecrets(db);
      return c.json({ ...view(row, secretKey), secret }, 201);
    },
  );

  app.openapi(
    accessRoute('org-admin', {
      method: 'delete',
      path: '/integrations/{id}',
      tags: ['integrations'],
      summary: 'Delete an integration: deliveries signed with its secret are refused from now on',
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const deleted = await inTransaction(db, async (tx) => {
        const row = (await repo.listIntegrations(tx)).find((i) => i.id === id);
        if (!row || (await repo.deleteIntegration(tx, id)) === 0) return 0;
        await recordAudit(tx, c.get('principal'), {
          action: 'delete',
          entity: { kind: 'integration', id, ref: null },
          summary: `Deleted ${row.provider} integration "${row.name}"`,
          changes: diffFields({ provider: row.provider, name: row.name }, null),
        });
        return 1;
      });
      invalidateIntegrationSecrets(db);
      if (deleted === 0) throw notFound(`integration ${id}`);
      return c.body(null, 204);
    },
  );

  return app;
}
