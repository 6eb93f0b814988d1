/**
 * The demo organisation as plain data. `generateDemoCatalog(seed)` builds it once; later generators
 * (adoption history, deployments, incidents, ...) take a `DemoCatalog` and the same seed, and read these
 * arrays instead of re-parsing the YAML in `files`. Every entity is referred to by its plain Backstage name
 * (`owner: 'checkout'`) and carries its full lowercase ref (`group:default/checkout`) where others point at it.
 */
import type { CapabilityLifecycle, CatalogFile, DetectRule } from '../modules/catalog/entity.js';

export type DemoTeamRole = 'customer' | 'platform';
export type DemoComponentType = 'service' | 'website' | 'library';
export type DemoServiceLifecycle = 'production' | 'experimental' | 'deprecated';
/** The repository's main language; decides which package ecosystem its manifests use. */
export type DemoLanguage = 'typescript' | 'python' | 'go' | 'java' | 'kotlin';
export type DemoEcosystem = 'npm' | 'python' | 'go' | 'maven';
export type DemoCapabilityCategory = 'ci' | 'deploy' | 'observability' | 'data' | 'security' | 'developer-portal';

/** A department: Group of type `department` under the `acme` organisation, parent of its teams. */
export interface DemoDepartment {
  name: string;
  ref: string;
  title: string;
  role: DemoTeamRole;
  /** The Domain entity this department owns. */
  domain: string;
  /** Names of its team Groups, in file order. */
  teams: string[];
}

export interface DemoUser {
  /** `first.last`, unique; ref `user:default/<name>`. */
  name: string;
  ref: string;
  displayName: string;
  email: string;
  /** The one team Group the user is a member of. */
  team: string;
}

/** A team: Group of type `team`. */
export interface DemoTeam {
  name: string;
  ref: string;
  title: string;
  /** Customer teams own services; platform teams own capabilities and a few internal services. */
  role: DemoTeamRole;
  /** Parent department Group. */
  department: string;
  /** Domain of the department. */
  domain: string;
  /** System the team's services belong to. */
  system: string;
  email: string;
  /** Where the team's repositories live: a few teams came from an acquisition and stayed on GitLab. */
  scm: 'github' | 'gitlab';
  members: DemoUser[];
}

export interface DemoDomain {
  name: string;
  ref: string;
  title: string;
  description: string;
  /** Owning department Group. */
  owner: string;
  ownerRef: string;
}

export interface DemoSystem {
  name: string;
  ref: string;
  title: string;
  description: string;
  /** Owning team (the first team of the system). */
  owner: string;
  ownerRef: string;
  domain: string;
  department: string;
}

export interface DemoRepository {
  provider: 'github' | 'gitlab';
  /** `acme/<service>`, the value of `github.com/project-slug` or `gitlab.com/project-slug`. */
  slug: string;
  /** Web URL, also used for `backstage.io/source-location` (with a `url:` prefix). */
  url: string;
}

/** A Component: one repository, one deployable or library. */
export interface DemoService {
  name: string;
  ref: string;
  title: string;
  description: string;
  type: DemoComponentType;
  lifecycle: DemoServiceLifecycle;
  owner: string;
  ownerRef: string;
  system: string;
  department: string;
  domain: string;
  language: DemoLanguage;
  ecosystem: DemoEcosystem;
  repository: DemoRepository;
  /** `pagerduty.com/service-id` for production services and websites (libraries are not on call), else null. */
  pagerDutyServiceId: string | null;
  /** Date of the repository's first commit (`YYYY-MM-DD`); not in the YAML, for history generators. */
  createdOn: string;
  /** API names this component provides / consumes, and resource names it depends on. */
  providesApis: string[];
  consumesApis: string[];
  dependsOn: string[];
}

export interface DemoApi {
  name: string;
  ref: string;
  title: string;
  type: 'openapi' | 'grpc' | 'asyncapi';
  owner: string;
  ownerRef: string;
  system: string;
  /** Name of the providing component. */
  provider: string;
  definition: string;
}

export interface DemoResource {
  name: string;
  ref: string;
  type: string;
  owner: string;
  ownerRef: string;
  system: string;
}

/** A Capability exactly as `platform/capabilities.yaml` declares it. */
export interface DemoCapability {
  name: string;
  ref: string;
  title: string;
  description: string;
  /** Owning platform team. */
  owner: string;
  ownerRef: string;
  lifecycle: CapabilityLifecycle;
  category: DemoCapabilityCategory;
  /** `YYYY-MM-DD`; null for experimental and beta capabilities. */
  gaDate: string | null;
  docs: string;
  /** Component types it is meant for (`spec.audience`); absent means every customer team is eligible. */
  audience?: DemoComponentType[];
  detect: DetectRule[];
}

/** The whole demo organisation: descriptor files plus the same data as plain objects. */
export interface DemoCatalog {
  seed: number;
  /** Backstage descriptor files, paths relative to the catalog root; `catalog-info.yaml` is the Location. */
  files: CatalogFile[];
  departments: DemoDepartment[];
  /** Customer and platform teams (not departments); members included. */
  teams: DemoTeam[];
  /** All users, the same objects as in `teams[].members`. */
  users: DemoUser[];
  domains: DemoDomain[];
  systems: DemoSystem[];
  services: DemoService[];
  apis: DemoApi[];
  resources: DemoResource[];
  capabilities: DemoCapability[];
}

/** Every demo address lives under this reserved example domain. */
export const DEMO_EMAIL_DOMAIN = 'acme.example';

/** Full lowercase ref, `kind:default/name`. */
export function demoRef(kind: string, name: string): string {
  return `${kind}:default/${name}`.toLowerCase();
}
