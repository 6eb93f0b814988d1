import { stringify } from 'yaml';
import type { CatalogFile } from '../modules/catalog/entity.js';
import {
  DEMO_EMAIL_DOMAIN,
  type DemoCapability,
  type DemoCatalog,
  type DemoService,
  type DemoTeam,
  type DemoUser,
} from './demo-catalog.js';

const BACKSTAGE = 'backstage.io/v1alpha1';
const PAVED = 'paved.dev/v1alpha1';
const ORGANISATION = { name: 'acme', title: 'Acme Corp', email: `engineering@${DEMO_EMAIL_DOMAIN}` } as const;

type Doc = Record<string, unknown>;

/** Serialises the demo data the way an organisation keeps its descriptors: one file per team and per system. */
export function renderCatalogFiles(data: Omit<DemoCatalog, 'files'>): CatalogFile[] {
  const files: CatalogFile[] = [];
  const add = (path: string, docs: Doc[]) => files.push({ path, content: docs.map(toYaml).join('---\n') });

  add('org/departments.yaml', [
    entity(
      'Group',
      { name: ORGANISATION.name, title: ORGANISATION.title, description: 'The whole company.' },
      {
        type: 'organization',
        profile: { displayName: ORGANISATION.title, email: ORGANISATION.email },
        children: data.departments.map((d) => d.name),
      },
    ),
    ...data.departments.map((d) =>
      entity(
        'Group',
        { name: d.name, title: d.title },
        {
          type: 'department',
          profile: { displayName: d.title, email: `${d.name}@${DEMO_EMAIL_DOMAIN}` },
          parent: ORGANISATION.name,
          children: d.teams,
        },
      ),
    ),
  ]);
  add(
    'org/domains.yaml',
    data.domains.map((d) =>
      entity('Domain', { name: d.name, title: d.title, description: d.description }, { owner: d.ownerRef }),
    ),
  );
  for (const team of data.teams) add(`org/teams/${team.name}.yaml`, [teamDoc(team), ...team.members.map(userDoc)]);

  for (const system of data.systems) {
    add(`services/${system.name}.yaml`, [
      entity(
        'System',
        { name: system.name, title: system.title, description: system.description },
        {
          owner: system.ownerRef,
          domain: system.domain,
        },
      ),
      ...data.services.filter((s) => s.system === system.name).map(componentDoc),
      ...data.apis
        .filter((a) => a.system === system.name)
        .map((a) =>
          entity(
            'API',
            { name: a.name, title: a.title },
            {
              type: a.type,
              lifecycle: 'production',
              owner: a.ownerRef,
              system: a.system,
              definition: a.definition,
            },
          ),
        ),
      ...data.resources
        .filter((r) => r.system === system.name)
        .map((r) => entity('Resource', { name: r.name }, { type: r.type, owner: r.ownerRef, system: r.system })),
    ]);
  }
  add('platform/capabilities.yaml', data.capabilities.map(capabilityDoc));

  const location = entity(
    'Location',
    { name: 'acme-catalog', description: 'Every descriptor of the Acme organisation.' },
    {
      targets: files.map((f) => `./${f.path}`),
    },
  );
  return [{ path: 'catalog-info.yaml', content: toYaml(location) }, ...files];
}

function toYaml(doc: Doc): string {
  return stringify(doc, { lineWidth: 0 });
}

function entity(kind: string, metadata: Doc, spec: Doc, apiVersion = BACKSTAGE): Doc {
  return { apiVersion, kind, metadata, spec };
}

function teamDoc(team: DemoTeam): Doc {
  return entity(
    'Group',
    { name: team.name, title: team.title, description: `${team.title} team.` },
    {
      type: 'team',
      profile: { displayName: team.title, email: team.email },
      parent: team.department,
      children: [],
    },
  );
}

function userDoc(user: DemoUser): Doc {
  return entity(
    'User',
    { name: user.name },
    {
      profile: { displayName: user.displayName, email: user.email },
      memberOf: [user.team],
    },
  );
}

function componentDoc(s: DemoService): Doc {
  const annotations: Record<string, string> = {
    [`${s.repository.provider}.com/project-slug`]: s.repository.slug,
    'backstage.io/source-location': `url:${s.repository.url}/`,
  };
  if (s.pagerDutyServiceId) annotations['pagerduty.com/service-id'] = s.pagerDutyServiceId;
  const spec: Doc = { type: s.type, lifecycle: s.lifecycle, owner: s.ownerRef, system: s.system };
  if (s.providesApis.length > 0) spec.providesApis = s.providesApis;
  if (s.consumesApis.length > 0) spec.consumesApis = s.consumesApis;
  if (s.dependsOn.length > 0) spec.dependsOn = s.dependsOn.map((r) => `resource:${r}`);
  return entity(
    'Component',
    { name: s.name, title: s.title, description: s.description, annotations, tags: [s.language] },
    spec,
  );
}

function capabilityDoc(c: DemoCapability): Doc {
  const spec: Doc = { owner: c.ownerRef, lifecycle: c.lifecycle, category: c.category };
  if (c.gaDate) spec.gaDate = c.gaDate;
  spec.docs = c.docs;
  if (c.audience) spec.audience = c.audience;
  spec.detect = c.detect;
  return entity('Capability', { name: c.name, title: c.title, description: c.description }, spec, PAVED);
}
