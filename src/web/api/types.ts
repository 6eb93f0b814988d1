import type { CapabilityAdoptionBody, Mandate } from '../../modules/adoption/contract.js';
import type { Me } from '../../modules/auth/contract.js';
import type { Capability, SearchResult, TeamDetail } from '../../modules/catalog/contract.js';
import type { ImportRecord } from '../../modules/imports/contract.js';
import type { DeploymentRow, doraSchema, DoraSeries } from '../../modules/delivery/contract.js';
import type { z } from 'zod';

export type {
  Capability,
  CapabilityCreate,
  CapabilityDetail,
  CapabilityPatch,
  HistoryEvent,
  Overview,
  SearchResult,
  Service,
  ServiceDetail,
  Team,
  TeamDetail,
} from '../../modules/catalog/contract.js';
export type { Me } from '../../modules/auth/contract.js';
export type { ImportRecord } from '../../modules/imports/contract.js';

export type Role = Me['role'];
export type Lifecycle = Capability['lifecycle'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Member = TeamDetail['members'][number];

export interface SearchResponse {
  items: SearchResult[];
}

export interface ImportList {
  items: ImportRecord[];
}

export interface ListFilters {
  q?: string | undefined;
  owner?: string | undefined;
  lifecycle?: string | undefined;
  type?: string | undefined;
  status?: 'active' | 'orphaned' | undefined;
}

export interface TeamFilters extends ListFilters {
  kind?: 'customer' | 'platform' | undefined;
}

export type {
  AdoptionMatrix,
  CapabilityAdoptionBody as CapabilityAdoption,
  Declaration,
  Mandate,
  TeamAdoptionBody as TeamAdoption,
} from '../../modules/adoption/contract.js';

export type AdoptionInterval = CapabilityAdoptionBody['interval'];
export type AdoptingTeam = CapabilityAdoptionBody['teams'][number];
export type Evidence = AdoptingTeam['evidence'][number];

export interface MandateList {
  items: Mandate[];
}

/** POST/PATCH /capabilities/{name}/mandates, as JSON (dates as YYYY-MM-DD). */
export interface MandateInput {
  scope: 'all' | { teams: string[] };
  effectiveFrom: string;
  deadline?: string | null;
  note?: string | null;
}

/** POST /capabilities/{name}/declarations. */
export interface DeclarationInput {
  team: string;
  status: 'using' | 'stopped';
  date: string;
  note?: string;
}

// Delivery (DORA) and incidents: the shapes of /dora, /dora/series, /deployments, /incidents, /unmapped and /deliveries.
export type Dora = z.infer<typeof doraSchema>;
export type DoraLevel = Dora['levels']['deploymentFrequency'];
export type DoraInterval = DoraSeries['interval'];
export type { DeploymentRow, DoraSeries, IncidentRow } from '../../modules/delivery/contract.js';
export type DoraPoint = DoraSeries['points'][number];
export type NamedRef = DeploymentRow['service'];

export type FactSource = 'github' | 'gitlab' | 'pagerduty';

export interface UnmappedName {
  source: FactSource;
  name: string;
  annotation: 'github.com/project-slug' | 'gitlab.com/project-slug' | 'pagerduty.com/service-id';
  deployments: number;
  changes: number;
  incidents: number;
  lastSeen: string;
}

export interface UnmappedList {
  items: UnmappedName[];
}

export interface RemapResult {
  deployments: number;
  changes: number;
  incidents: number;
}

export type DeliveryStatus = 'pending' | 'processed' | 'ignored' | 'failed';

export interface WebhookDelivery {
  id: string;
  source: FactSource;
  deliveryId: string;
  event: string;
  status: DeliveryStatus;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
}
