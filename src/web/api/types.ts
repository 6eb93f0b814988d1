// Every shape the API sends or takes, from the server's zod contracts (types only: no server code reaches the bundle).
import type { AdoptionChanges, CapabilityAdoptionBody } from '../../modules/adoption/contract.js';
import type { Me } from '../../modules/auth/contract.js';
import type { Capability, ListQuery, TeamDetail, TeamListQuery } from '../../modules/catalog/contract.js';
import type { DeploymentRow, Dora, DoraSeries } from '../../modules/delivery/contract.js';
import type { WebhookDelivery } from '../../modules/inbox/contract.js';

export type {
  Capability,
  CapabilityCreate,
  CapabilityDetail,
  CapabilityPage,
  CapabilityPatch,
  HistoryEvent,
  SearchResponse,
  SearchResult,
  Service,
  ServiceDetail,
  ServicePage,
  Team,
  TeamDetail,
  TeamPage,
} from '../../modules/catalog/contract.js';
export type { Domain, DomainPage, Resource, ResourcePage } from '../../modules/catalog/contract.js';
export type { AuthConfig, IssuedTokenInfo as IssuedToken, Me, TokenInfo } from '../../modules/auth/contract.js';
export type { ImportList, ImportRecord } from '../../modules/imports/contract.js';
export type { Attention, Overview } from '../../modules/overview/contract.js';
export type { ScannedRepository } from '../../modules/adoption/scans/contract.js';

export type Role = Me['role'];
export type Lifecycle = Capability['lifecycle'];
export type Member = TeamDetail['members'][number];

/** A list's filters (the page size and cursor are the list hook's). */
export type ListFilters = Omit<ListQuery, 'limit' | 'cursor'>;
export type TeamFilters = Omit<TeamListQuery, 'limit' | 'cursor'>;

export type {
  AdoptionChanges,
  AdoptionMatrix,
  CapabilityAdoptionBody as CapabilityAdoption,
  CapabilityView,
  Declaration,
  DeclarationCreate,
  Mandate,
  MandateCreate,
  MandateList,
  MandatePatch,
  ServiceAdoptionBody as ServiceAdoption,
  TeamAdoptionBody as TeamAdoption,
} from '../../modules/adoption/contract.js';

export type AdoptionInterval = CapabilityAdoptionBody['interval'];
export type AdoptingTeam = CapabilityAdoptionBody['teams'][number];
export type Evidence = AdoptingTeam['evidence'][number];
export type CapabilityChange = AdoptionChanges['capabilities'][number];

// Delivery (DORA) and incidents: the shapes of /dora, /dora/series, /deployments, /incidents, /unmapped and /deliveries.
export type {
  DeploymentListQuery,
  DeploymentPage,
  DeploymentRow,
  Dora,
  DoraQuery as DoraQueryInput,
  DoraSeries,
  IncidentListQuery,
  IncidentPage,
  IncidentRow,
  RemapCounts,
  UnmappedList,
  UnmappedName,
} from '../../modules/delivery/contract.js';
export type DoraLevel = Dora['levels']['deploymentFrequency'];
export type DoraInterval = DoraSeries['interval'];
export type DoraPoint = DoraSeries['points'][number];
/** The calendar periods both the adoption and the DORA series are counted in. */
export type Interval = AdoptionInterval & DoraInterval;
export type NamedRef = DeploymentRow['service'];

export type { DeliveryPage, ReprocessBody, ReprocessResult, WebhookDelivery } from '../../modules/inbox/contract.js';
export type FactSource = WebhookDelivery['source'];
export type DeliveryStatus = WebhookDelivery['status'];

export type { AuditEntryView as AuditEntry, AuditPage } from '../../modules/audit/contract.js';
