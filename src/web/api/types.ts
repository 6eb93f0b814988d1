import type { Me } from '../../modules/auth/contract.js';
import type { Capability, HistoryEvent, SearchResult, Service, Team } from '../../modules/catalog/contract.js';
import type { ImportRecord } from '../../modules/imports/contract.js';

export type { Capability, CapabilityCreate, CapabilityPatch, HistoryEvent, SearchResult, Service, Team } from '../../modules/catalog/contract.js';
export type { Me } from '../../modules/auth/contract.js';
export type { ImportRecord } from '../../modules/imports/contract.js';

export type Role = Me['role'];
export type Lifecycle = Capability['lifecycle'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// The detail and overview shapes are declared inline in the route files, so they are restated here.
export interface Overview {
  customerTeams: number;
  platformTeams: number;
  services: number;
  capabilities: number;
  users: number;
  orphaned: number;
  capabilitiesByLifecycle: { lifecycle: string | null; count: number }[];
}

export interface Member {
  ref: string;
  name: string;
  displayName: string;
  email: string | null;
}

export interface TeamDetail {
  team: Team;
  email: string | null;
  parent: { ref: string; name: string; title: string | null } | null;
  children: Team[];
  members: Member[];
  services: Service[];
  capabilities: Capability[];
  history: HistoryEvent[];
}

export interface ServiceDetail {
  service: Service;
  history: HistoryEvent[];
}

export interface CapabilityDetail {
  capability: Capability;
  history: HistoryEvent[];
}

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
