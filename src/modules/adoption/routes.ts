import { z } from '@hono/zod-openapi';
import { accessRoute, assertAdministers, assertWritesFor } from '../../http/access.js';
import { AppError, notFound } from '../../http/errors.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import { getEntityRow, ownerRefOf } from '../catalog/service.js';
import { findEntitiesByRefs } from '../catalog/repo.js';
import { nameParams, namespaceQuery } from '../catalog/contract.js';
import {
  adoptionChangesSchema,
  adoptionQuery,
  capabilityAdoptionSchema,
  changesQuery,
  declarationCreate,
  declarationSchema,
  mandateCreate,
  mandateList,
  mandatePatch,
  mandateSchema,
  matrixSchema,
  serviceAdoptionSchema,
  teamAdoptionSchema,
  viewCreate,
} from './contract.js';
import { changeMandate, createMandate, removeMandate, toMandate } from './mandates.js';
import { declare } from './declare.js';
import { adoptionChanges } from './changes.js';
import { adoptionMatrix, teamAdoption } from './overview.js';
import * as repo from './repo.js';
import { serviceAdoption } from './service-adoption.js';
import { capabilityAdoption } from './service.js';
import { jsonBody as body, jsonResponse as json } from '../../http/openapi.js';

const mandateParams = nameParams.extend({ id: z.coerce.number().int().positive() });

export function adoptionRoutes({ db }: AppDeps) {
  const app = createRouter();
  const capability = (name: string, namespace = 'default') => getEntityRow(db, 'Capability', namespace, name);

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities/{name}/adoption',
      tags: ['adoption'],
      summary: 'Adoption of a capability: summary, series, funnel, teams with evidence',
      request: { params: nameParams, query: adoptionQuery.extend(namespaceQuery.shape) },
      responses: { 200: json(capabilityAdoptionSchema, 'Adoption') },
    }),
    async (c) => {
      const { namespace, ...query } = c.req.valid('query');
      if (query.from && query.to && query.from >= query.to)
        throw new AppError('VALIDATION_FAILED', 'from: must be before to', [
          { field: 'from', reason: 'must be before to' },
        ]);
      return c.json(await capabilityAdoption(db, await capability(c.req.valid('param').name, namespace), query), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/adoption/matrix',
      tags: ['adoption'],
      summary: 'Customer teams × capabilities, for the heatmap',
      responses: { 200: json(matrixSchema, 'The matrix') },
    }),
    async (c) => c.json(await adoptionMatrix(db), 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/adoption/changes',
      tags: ['adoption'],
      summary: 'What changed in adoption over the last `days` (to `to`, default now): per capability, and the movers',
      request: { query: changesQuery },
      responses: { 200: json(adoptionChangesSchema, 'Adoption then and now') },
    }),
    async (c) => {
      const { days, to } = c.req.valid('query');
      return c.json(await adoptionChanges(db, days, to), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/services/{name}/adoption',
      tags: ['adoption'],
      summary: 'The capabilities a service uses or used, with the evidence',
      request: { params: nameParams, query: namespaceQuery },
      responses: { 200: json(serviceAdoptionSchema, 'The service’s adoption') },
    }),
    async (c) => {
      const service = await getEntityRow(db, 'Component', c.req.valid('query').namespace, c.req.valid('param').name);
      return c.json(await serviceAdoption(db, service), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/teams/{name}/adoption',
      tags: ['adoption'],
      summary: 'What a team uses, since when, and what it has not adopted yet',
      request: { params: nameParams, query: namespaceQuery },
      responses: { 200: json(teamAdoptionSchema, 'The team’s adoption') },
    }),
    async (c) => {
      const team = await getEntityRow(db, 'Group', c.req.valid('query').namespace, c.req.valid('param').name);
      return c.json(await teamAdoption(db, team.ref, team.name), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities/{name}/mandates',
      tags: ['adoption'],
      summary: 'Mandates of a capability',
      request: { params: nameParams },
      responses: { 200: json(mandateList, 'Mandates') },
    }),
    async (c) => {
      const cap = await capability(c.req.valid('param').name);
      return c.json({ items: (await repo.listMandates(db, cap.id)).map((m) => toMandate(m, cap.name)) }, 200);
    },
  );
  app.openapi(
    accessRoute('team-admin', {
      method: 'post',
      path: '/capabilities/{name}/mandates',
      tags: ['adoption'],
      summary: 'Mandate a capability for all customer teams or a list of teams',
      request: { params: nameParams, ...body(mandateCreate) },
      responses: { 201: json(mandateSchema, 'Created') },
    }),
    async (c) => {
      const cap = await capability(c.req.valid('param').name);
      assertAdministers(c.get('principal'), cap.owner_ref);
      return c.json(await createMandate(db, cap, c.req.valid('json'), c.get('principal')), 201);
    },
  );
  app.openapi(
    accessRoute('team-admin', {
      method: 'patch',
      path: '/capabilities/{name}/mandates/{id}',
      tags: ['adoption'],
      summary: 'Change a mandate',
      request: { params: mandateParams, ...body(mandatePatch) },
      responses: { 200: json(mandateSchema, 'Changed') },
    }),
    async (c) => {
      const { name, id } = c.req.valid('param');
      const cap = await capability(name);
      assertAdministers(c.get('principal'), cap.owner_ref);
      return c.json(await changeMandate(db, cap, id, c.req.valid('json'), c.get('principal')), 200);
    },
  );
  app.openapi(
    accessRoute('team-admin', {
      method: 'delete',
      path: '/capabilities/{name}/mandates/{id}',
      tags: ['adoption'],
      summary: 'Remove a mandate',
      request: { params: mandateParams },
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { name, id } = c.req.valid('param');
      const cap = await capability(name);
      assertAdministers(c.get('principal'), cap.owner_ref);
      if (!(await removeMandate(db, cap, id, c.get('principal')))) throw notFound(`mandate ${id} of ${cap.name}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities/{name}/declarations',
      tags: ['adoption'],
      summary: 'Declarations of use by teams',
      request: { params: nameParams },
      responses: { 200: json(z.object({ items: z.array(declarationSchema) }), 'Declarations') },
    }),
    async (c) => {
      const cap = await capability(c.req.valid('param').name);
      const rows = await repo.listDeclarations(db, cap.id);
      return c.json(
        {
          items: rows.map((d) => ({
            id: d.id,
            team: d.team,
            status: d.status,
            date: d.effective_at.toISOString(),
            note: d.note,
            declaredBy: d.declared_by,
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    accessRoute('member', {
      method: 'post',
      path: '/capabilities/{name}/declarations',
      tags: ['adoption'],
      summary: 'Declare that a team uses (or stopped using) a capability',
      description: 'Members declare for their own teams; organisation admins for any team.',
      request: { params: nameParams, ...body(declarationCreate) },
      responses: { 201: json(declarationSchema, 'Recorded') },
    }),
    async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      const cap = await capability(c.req.valid('param').name);
      const teamRef = ownerRefOf(input.team);
      assertWritesFor(principal, teamRef);
      const [team] = await findEntitiesByRefs(db, [teamRef]);
      if (!team || team.kind !== 'Group')
        throw new AppError('VALIDATION_FAILED', `team: ${teamRef} is not in the catalog`, [
          { field: 'team', reason: `${teamRef} is not in the catalog` },
        ]);
      const id = await declare(
        db,
        cap,
        team,
        { status: input.status, date: input.date, note: input.note ?? null },
        principal,
      );
      return c.json(
        {
          id,
          team: team.name,
          status: input.status,
          date: input.date.toISOString(),
          note: input.note ?? null,
          declaredBy: principal.name,
        },
        201,
      );
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'post',
      path: '/capabilities/{name}/views',
      tags: ['adoption'],
      summary: 'Record that the caller viewed the capability or its release notes (the funnel’s "aware")',
      request: { params: nameParams, ...body(viewCreate) },
      responses: { 204: { description: 'Recorded' } },
    }),
    async (c) => {
      const principal = c.get('principal');
      const cap = await capability(c.req.valid('param').name);
      await repo.insertView(db, {
        capabilityId: cap.id,
        // A person in several teams is counted aware for the first; views feed the funnel per team.
        teamRef: principal.teams[0] ?? null,
        subject: principal.name,
        kind: c.req.valid('json').kind,
      });
      return c.body(null, 204);
    },
  );

  return app;
}
