import { z } from '@hono/zod-openapi';
import { accessRoute, assertAdministers } from '../../http/access.js';
import { createRouter, type AppDeps } from '../../http/router.js';
import {
  capabilityCreate,
  capabilityDetail,
  serviceDetail,
  teamDetail,
  capabilityListQuery,
  capabilityPage,
  capabilityPatch,
  domainPage,
  listQuery,
  nameParams,
  namespaceQuery,
  resourcePage,
  searchResponse,
  serviceCreate,
  servicePage,
  servicePatch,
  teamCreate,
  teamListQuery,
  teamPage,
  teamPatch,
} from './contract.js';
import * as catalog from './service.js';
import * as write from './write-entity.js';
import { jsonBody as body, jsonResponse as json } from '../../http/openapi.js';
import { pageLimit } from '../../http/page.js';
import { safeText } from '../../http/safe-text.js';

export function catalogRoutes({ db }: AppDeps) {
  const app = createRouter();

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/teams',
      tags: ['catalog'],
      summary: 'List teams',
      request: { query: teamListQuery },
      responses: { 200: json(teamPage, 'A page of teams') },
    }),
    async (c) => c.json(await catalog.listTeams(db, c.req.valid('query')), 200),
  );
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/teams/{name}',
      tags: ['catalog'],
      summary: 'A team with its members, services, capabilities and sub-teams',
      request: { params: nameParams, query: namespaceQuery },
      responses: { 200: json(teamDetail, 'The team') },
    }),
    async (c) => c.json(await catalog.getTeam(db, c.req.valid('query').namespace, c.req.valid('param').name), 200),
  );
  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/teams',
      tags: ['catalog'],
      summary: 'Create a team',
      request: body(teamCreate),
      responses: { 201: json(teamDetail, 'Created') },
    }),
    async (c) => {
      const e = await write.createTeam(db, c.req.valid('json'), c.get('principal'));
      return c.json(await catalog.getTeam(db, e.namespace, e.name), 201);
    },
  );
  app.openapi(
    accessRoute('org-admin', {
      method: 'patch',
      path: '/teams/{name}',
      tags: ['catalog'],
      summary: 'Change a team',
      request: { params: nameParams, query: namespaceQuery, ...body(teamPatch) },
      responses: { 200: json(teamDetail, 'Changed') },
    }),
    async (c) => {
      const row = await catalog.getEntityRow(db, 'Group', c.req.valid('query').namespace, c.req.valid('param').name);
      const e = await write.patchTeam(db, row, c.req.valid('json'), c.get('principal'));
      return c.json(await catalog.getTeam(db, e.namespace, e.name), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/services',
      tags: ['catalog'],
      summary: 'List services',
      request: { query: listQuery },
      responses: { 200: json(servicePage, 'A page of services') },
    }),
    async (c) => c.json(await catalog.listServices(db, c.req.valid('query')), 200),
  );
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/services/{name}',
      tags: ['catalog'],
      summary: 'A service',
      request: { params: nameParams, query: namespaceQuery },
      responses: { 200: json(serviceDetail, 'The service') },
    }),
    async (c) => c.json(await catalog.getService(db, c.req.valid('query').namespace, c.req.valid('param').name), 200),
  );
  app.openapi(
    accessRoute('org-admin', {
      method: 'post',
      path: '/services',
      tags: ['catalog'],
      summary: 'Create a service',
      request: body(serviceCreate),
      responses: { 201: json(serviceDetail, 'Created') },
    }),
    async (c) => {
      const e = await write.createService(db, c.req.valid('json'), c.get('principal'));
      return c.json(await catalog.getService(db, e.namespace, e.name), 201);
    },
  );
  app.openapi(
    accessRoute('org-admin', {
      method: 'patch',
      path: '/services/{name}',
      tags: ['catalog'],
      summary: 'Change a service',
      request: { params: nameParams, query: namespaceQuery, ...body(servicePatch) },
      responses: { 200: json(serviceDetail, 'Changed') },
    }),
    async (c) => {
      const row = await catalog.getEntityRow(
        db,
        'Component',
        c.req.valid('query').namespace,
        c.req.valid('param').name,
      );
      const e = await write.patchService(db, row, c.req.valid('json'), c.get('principal'));
      return c.json(await catalog.getService(db, e.namespace, e.name), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities',
      tags: ['catalog'],
      summary: 'List capabilities',
      request: { query: capabilityListQuery },
      responses: { 200: json(capabilityPage, 'A page of capabilities') },
    }),
    async (c) => c.json(await catalog.listCapabilities(db, c.req.valid('query')), 200),
  );
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/capabilities/{name}',
      tags: ['catalog'],
      summary: 'A capability',
      request: { params: nameParams, query: namespaceQuery },
      responses: { 200: json(capabilityDetail, 'The capability') },
    }),
    async (c) =>
      c.json(await catalog.getCapability(db, c.req.valid('query').namespace, c.req.valid('param').name), 200),
  );
  app.openapi(
    accessRoute('team-admin', {
      method: 'post',
      path: '/capabilities',
      tags: ['catalog'],
      summary: 'Create a capability (platform team)',
      request: body(capabilityCreate),
      responses: { 201: json(capabilityDetail, 'Created') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      assertAdministers(c.get('principal'), catalog.ownerRefOf(input.owner));
      const e = await write.createCapability(db, input, c.get('principal'));
      return c.json(await catalog.getCapability(db, e.namespace, e.name), 201);
    },
  );
  app.openapi(
    accessRoute('team-admin', {
      method: 'patch',
      path: '/capabilities/{name}',
      tags: ['catalog'],
      summary: 'Change a capability (platform team)',
      request: { params: nameParams, query: namespaceQuery, ...body(capabilityPatch) },
      responses: { 200: json(capabilityDetail, 'Changed') },
    }),
    async (c) => {
      const row = await catalog.getEntityRow(
        db,
        'Capability',
        c.req.valid('query').namespace,
        c.req.valid('param').name,
      );
      const input = c.req.valid('json');
      // Handing a capability to another team needs rights over both.
      assertAdministers(c.get('principal'), row.owner_ref);
      if (input.owner) assertAdministers(c.get('principal'), catalog.ownerRefOf(input.owner));
      const e = await write.patchCapability(db, row, input, c.get('principal'));
      return c.json(await catalog.getCapability(db, e.namespace, e.name), 200);
    },
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/domains',
      tags: ['catalog'],
      summary: 'List domains (Backstage Domains: areas of the business that group systems)',
      request: { query: listQuery },
      responses: { 200: json(domainPage, 'A page of domains') },
    }),
    async (c) => c.json(await catalog.listDomains(db, c.req.valid('query')), 200),
  );
  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/resources',
      tags: ['catalog'],
      summary: 'List resources (Backstage Resources: databases, buckets and other infrastructure)',
      request: { query: listQuery },
      responses: { 200: json(resourcePage, 'A page of resources') },
    }),
    async (c) => c.json(await catalog.listResources(db, c.req.valid('query')), 200),
  );

  app.openapi(
    accessRoute('signed-in', {
      method: 'get',
      path: '/search',
      tags: ['catalog'],
      summary:
        'Search every kind of the catalog: teams, services, capabilities, people, systems, APIs, domains and resources',
      request: {
        query: z.object({ q: safeText(200, 1), limit: pageLimit(50, 20) }),
      },
      responses: { 200: json(searchResponse, 'Matches, best first') },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ items: await catalog.search(db, q, limit) }, 200);
    },
  );

  return app;
}
