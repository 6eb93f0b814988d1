import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import type { AppDeps, AppEnv } from '../http/router.js';
import type { JobDefinition } from '../jobs/define-job.js';
import { adoptionRoutes } from '../modules/adoption/routes.js';
import { runScanJob } from '../modules/adoption/scans/jobs.js';
import { scanRoutes } from '../modules/adoption/scans/routes.js';
import { authRoutes } from '../modules/auth/routes.js';
import { oidcRoutes } from '../modules/auth/oidc/routes.js';
import { myTokenRoutes } from '../modules/auth/my-token-routes.js';
import { catalogRoutes } from '../modules/catalog/routes.js';
import { deliveryRoutes } from '../modules/delivery/dora/routes.js';
import { unmappedRoutes } from '../modules/delivery/unmapped/routes.js';
import { eventRoutes } from '../modules/events/routes.js';
import { backstageUrlImportJob } from '../modules/imports/jobs.js';
import { importRoutes } from '../modules/imports/routes.js';
import type { DeriveSettings } from '../modules/inbox/derive.js';
import { deriveDeliveryJob } from '../modules/inbox/derive-job.js';
import { reprocessJob } from '../modules/inbox/reprocess.js';
import { deliveriesRoutes } from '../modules/inbox/routes.js';
import { webhookRoutes } from '../modules/inbox/webhook-routes.js';
import { integrationRoutes } from '../modules/integrations/routes.js';

/** What the modules' jobs are built from. */
export interface JobNeeds {
  db: Kysely<Database>;
  /** How webhook deliveries become facts (deploy workflows, production environments, from the config). */
  derive: DeriveSettings;
}

type Routes = (deps: AppDeps) => Hono<AppEnv>;

export interface PavedModule {
  name: string;
  /** Mounted under /api/v1, behind authentication. */
  routes?: Routes[];
  /** Mounted at /, outside authentication: webhooks, which check their senders' signatures themselves. */
  publicRoutes?: Routes[];
  jobs?: (needs: JobNeeds) => JobDefinition[];
}

/** Paved's modules, in the order their routes are mounted: adding a module is adding a line here. */
export const MODULES: PavedModule[] = [
  { name: 'auth', routes: [authRoutes, myTokenRoutes], publicRoutes: [oidcRoutes] },
  { name: 'catalog', routes: [catalogRoutes] },
  { name: 'imports', routes: [importRoutes], jobs: ({ db }) => [backstageUrlImportJob(db)] },
  { name: 'adoption', routes: [adoptionRoutes, scanRoutes], jobs: ({ db }) => [runScanJob(db)] },
  { name: 'delivery', routes: [deliveryRoutes, unmappedRoutes] },
  {
    name: 'inbox',
    routes: [deliveriesRoutes],
    publicRoutes: [webhookRoutes],
    jobs: ({ db, derive }) => [deriveDeliveryJob(db, derive), reprocessJob(db, derive)],
  },
  { name: 'events', routes: [eventRoutes] },
  { name: 'integrations', routes: [integrationRoutes] },
];

/** Every module's jobs, for the job registry. */
export function moduleJobs(needs: JobNeeds): JobDefinition[] {
  return MODULES.flatMap((m) => m.jobs?.(needs) ?? []);
}
