import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt } from './entities.js';

export type IntegrationProvider = 'github' | 'gitlab' | 'pagerduty';

export interface IntegrationsTable {
  id: ColumnType<number, never, never>;
  provider: IntegrationProvider;
  name: string;
  /** The webhook secret (GitLab: the token) as configured in the sender; never leaves the API after creation. */
  secret: string;
  created_at: CreatedAt;
  created_by: string | null;
  last_delivery_at: Date | string | null;
}

export type IntegrationRow = Selectable<IntegrationsTable>;
