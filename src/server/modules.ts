import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index.js';
import type { BodyLimit } from '../http/body-limit.js';
import type { AppDeps, AppEnv } from '../http/router.js';
import type { JobDefinition } from '../jobs/define-job.js';
import type { Sweep } from '../jobs/define-sweep.js';
import { adoptionRoutes } from '../modules/adoption/routes.js';
import { runScanJob } from '../modules/adoption/scans/jobs.js';
import { scanRoutes } from '../modules/adoption/scans/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { authRoutes } from '../modules/auth/routes.js';
import { backupRoutes } from '../modules/backup/routes.js';
import { oidcRoutes } from '../modules/auth/oidc/routes.js';
import { myTokenRoutes } from '../modules/auth/my-token-routes.js';
import { catalogRoutes } from '../modules/catalog/routes.js';
import { deliveryRoutes } from '../modules/delivery/dora/routes.js';
import { unmappedRoutes } from '../modules/delivery/unmapped/routes.js';
import { MAX_BODY_BYTES as MAX_EVENTS_BYTES } from '../modules/events/contract.js';
import { eventRoutes } from '../modules/events/routes.js';
import { MAX_UPLOAD_BYTES } from '../modules/imports/contract.js';
import { backstageUrlImportJob } from '../modules/imports/jobs.js';
import { importRoutes } from '../modules/imports/routes.js';
import type { DeriveSettings } from '../modules/inbox/derive.js';
import { deriveDeliveryJob, deriveSweep } from '../modules/inbox/derive-job.js';
import { reprocessJob } from '../modules/inbox/reprocess.js';
import { deliveriesRoutes } from '../modules/inbox/routes.js';
import { MAX_DELIVERY_BYTES, webhookRoutes } from '../modules/inbox/webhook-routes.js';
import { integrationRoutes } from '../modules/integrations/routes.js';
import { overviewRoutes } from '../modules/overview/routes.js';
import { surveyAnswerRoutes } from '../modules/voice/surveys/answer-routes.js';
import { surveyRoutes } from '../modules/voice/surveys/routes.js';
import { conversationRoutes } from '../modules/voice/conversations/routes.js';
import { slaRoutes } from '../modules/voice/sla/routes.js';
import { voiceSummaryRoutes } from '../modules/voice/summary/routes.js';
import { backlogRoutes } from '../modules/voice/problems/backlog-routes.js';
import { problemRoutes } from '../modules/voice/problems/routes.js';
import { suggestionRoutes } from '../modules/voice/problems/suggestion-routes.js';
import { roadmapRoutes } from '../modules/voice/roadmap/routes.js';
import { feedbackSourceRoutes } from '../modules/voice/feedback/sources/routes.js';
import { commentRoutes } from '../modules/voice/feedback/comment-routes.js';
import { feedbackRoutes } from '../modules/voice/feedback/routes.js';
import { similarRoutes } from '../modules/voice/feedback/similar-routes.js';
import { voteRoutes } from '../modules/voice/feedback/votes/routes.js';
import { releasePublishedJob } from '../modules/shipping/published.js';
import { shippingSummaryRoutes } from '../modules/shipping/summary/routes.js';
import { demoRoutes } from '../modules/shipping/demos/routes.js';
import { releaseViewRoutes } from '../modules/shipping/releases/view-routes.js';
import { releaseRoutes } from '../modules/shipping/releases/routes.js';
import { mapReleasesSweep } from '../modules/shipping/releases/unmapped.js';
import { notificationRoutes } from '../modules/shipping/notifications/routes.js';
import { migrationRoutes } from '../modules/shipping/migrations/routes.js';
import { whatsNewRoutes } from '../modules/shipping/whats-new/routes.js';
import { feedRoutes } from '../modules/shipping/feeds/feed-routes.js';
import { feedTokenRoutes } from '../modules/shipping/feeds/token-routes.js';
import { announcementDeliveryJob, strandedAnnouncementsSweep } from '../modules/shipping/announcements/delivery-job.js';
import { subscriptionRoutes } from '../modules/shipping/announcements/routes.js';

/** What the modules' jobs are built from. */
export interface JobNeeds {
  db: Kysely<Database>;
  /** How webhook deliveries become facts (deploy workflows, production environments, from the config). */
  derive: DeriveSettings;
  /** PAVED_ALLOW_PRIVATE_DESTINATIONS: outbound requests may reach loopback, private and link-local addresses. */
  allowPrivateDestinations?: boolean;
  /** PAVED_SECRET_KEY: opens secrets stored sealed (announcement destinations and signing secrets). */
  secretKey?: Buffer | null;
  /** PAVED_PUBLIC_URL: where links in outgoing messages point (none without it). */
  publicUrl?: string | null;
}

type Routes = (deps: AppDeps) => Hono<AppEnv>;

export interface PavedModule {
  name: string;
  /** Mounted under /api/v1, behind authentication. */
  routes?: Routes[];
  /** Mounted at /, outside authentication: webhooks, which check their senders' signatures themselves. */
  publicRoutes?: Routes[];
  jobs?: (needs: JobNeeds) => JobDefinition[];
  /** Work the job runner looks for on an interval, not only when something enqueues it. */
  sweeps?: Sweep[];
  /** Routes that take bodies over DEFAULT_BODY_LIMIT, with theirs (full paths: /api/v1/…, /webhooks/…). */
  bodyLimits?: BodyLimit[];
}

const MB = 1024 * 1024;
const KIB = 1024;

/** Paved's modules, in the order their routes are mounted: adding a module is adding a line here. */
export const MODULES: PavedModule[] = [
  { name: 'auth', routes: [authRoutes, myTokenRoutes], publicRoutes: [oidcRoutes] },
  {
    name: 'catalog',
    routes: [catalogRoutes],
    // A team, service or capability: 20,000 characters of description, 50 links, annotations.
    bodyLimits: ['teams', 'services', 'capabilities'].map((kind) => ({
      path: `/api/v1/${kind}/*`,
      maxBytes: 512 * KIB,
      message: 'a catalog entity is limited to 512 KiB',
    })),
  },
  {
    name: 'imports',
    routes: [importRoutes],
    jobs: ({ db, allowPrivateDestinations }) => [
      backstageUrlImportJob(db, { allowPrivate: allowPrivateDestinations ?? false }),
    ],
    bodyLimits: [
      {
        path: '/api/v1/imports/*',
        maxBytes: MAX_UPLOAD_BYTES,
        message: `uploads are limited to ${MAX_UPLOAD_BYTES / MB} MB`,
      },
    ],
  },
  {
    name: 'adoption',
    routes: [adoptionRoutes, scanRoutes],
    jobs: ({ db }) => [runScanJob(db)],
    // What `paved scan` uploads: up to 20,000 repositories with their evidence.
    bodyLimits: [{ path: '/api/v1/scans/results', maxBytes: 50 * MB, message: 'scan results are limited to 50 MB' }],
  },
  {
    name: 'delivery',
    routes: [deliveryRoutes, unmappedRoutes],
    // Backfills: up to 10,000 deployments, changes or incidents per request.
    bodyLimits: ['deployments', 'changes', 'incidents'].map((kind) => ({
      path: `/api/v1/${kind}`,
      maxBytes: 25 * MB,
      message: `a batch of ${kind} is limited to 25 MB`,
    })),
  },
  {
    name: 'inbox',
    routes: [deliveriesRoutes],
    publicRoutes: [webhookRoutes],
    jobs: ({ db, derive }) => [deriveDeliveryJob(db, derive), reprocessJob(db, derive)],
    sweeps: [deriveSweep()],
    bodyLimits: [
      {
        path: '/webhooks/*',
        maxBytes: MAX_DELIVERY_BYTES,
        message: `deliveries are limited to ${MAX_DELIVERY_BYTES / MB} MB`,
      },
    ],
  },
  {
    name: 'events',
    routes: [eventRoutes],
    bodyLimits: [
      {
        path: '/api/v1/events',
        maxBytes: MAX_EVENTS_BYTES,
        message: `a request body is limited to ${MAX_EVENTS_BYTES / MB} MB (nothing was stored)`,
      },
    ],
  },
  { name: 'integrations', routes: [integrationRoutes] },
  { name: 'audit', routes: [auditRoutes] },
  { name: 'backup', routes: [backupRoutes] },
  { name: 'overview', routes: [overviewRoutes] },
  // The two answer routes are public at /api/v1/surveys/answer: a personal link's token is their credential.
  { name: 'surveys', routes: [surveyRoutes], publicRoutes: [surveyAnswerRoutes] },
  { name: 'voice-contact', routes: [conversationRoutes, slaRoutes, voiceSummaryRoutes] },
  // Suggestions before problems: `/problems/suggestions` is not a problem id.
  { name: 'problems', routes: [suggestionRoutes, problemRoutes, backlogRoutes] },
  { name: 'roadmap', routes: [roadmapRoutes] },
  // CSV imports of feedback (under /imports, so the upload limit above applies) and the items left to place.
  { name: 'feedback-sources', routes: [feedbackSourceRoutes] },
  // Pains, feature requests, bugs and support requests; their comments and votes; similar items while typing.
  { name: 'feedback', routes: [feedbackRoutes, commentRoutes, voteRoutes, similarRoutes] },
  // What follows a release: notifications, announcements, a deprecation's affected services (follow-ups.ts).
  { name: 'shipping', routes: [shippingSummaryRoutes], jobs: () => [releasePublishedJob()] },
  // Demos of capabilities and their conversion; attendance imports from meeting tools' exports.
  {
    name: 'demos',
    routes: [demoRoutes],
    bodyLimits: [
      { path: '/api/v1/demos/*', maxBytes: 5 * MB, message: 'a demo or an attendance file is limited to 5 MB' },
    ],
  },
  // Views of release notes (the adoption funnel's "aware", as capability page views).
  { name: 'release-views', routes: [releaseViewRoutes] },
  // Releases of capabilities (notes up to 100,000 characters); releases from unmapped repositories mapped later.
  {
    name: 'releases',
    routes: [releaseRoutes],
    sweeps: [mapReleasesSweep()],
    bodyLimits: ['/api/v1/releases', '/api/v1/releases/*'].map((path) => ({
      path,
      maxBytes: MB,
      message: 'a release is limited to 1 MB',
    })),
  },
  // A person's in-app notifications (written by the release follow-up `notify`) and the capabilities they follow.
  { name: 'notifications', routes: [notificationRoutes] },
  // Deprecations and breaking changes: affected services from evidence, migration and burn-down.
  { name: 'shipping-migrations', routes: [migrationRoutes] },
  // What's new for a team: releases of what it uses or asked for, what touches it first.
  { name: 'whats-new', routes: [whatsNewRoutes] },
  // Atom and JSON feeds at /feeds (public: a feed token in the URL is their credential), and the tokens.
  { name: 'feeds', routes: [feedTokenRoutes], publicRoutes: [feedRoutes] },
  // Announcements of releases to Slack, Microsoft Teams and signed webhooks: one job per delivery attempt.
  {
    name: 'announcements',
    routes: [subscriptionRoutes],
    jobs: ({ secretKey, publicUrl, allowPrivateDestinations }) => [
      announcementDeliveryJob({
        secretKey: secretKey ?? null,
        publicUrl: publicUrl ?? null,
        allowPrivate: allowPrivateDestinations ?? false,
      }),
    ],
    sweeps: [strandedAnnouncementsSweep()],
  },
];

/** Every module's larger body limits; every other route takes DEFAULT_BODY_LIMIT. */
export const moduleBodyLimits = (): BodyLimit[] => MODULES.flatMap((m) => m.bodyLimits ?? []);

/** Every module's jobs, for the job registry. */
export function moduleJobs(needs: JobNeeds): JobDefinition[] {
  return MODULES.flatMap((m) => m.jobs?.(needs) ?? []);
}

/** Every module's sweeps, for the job runner. */
export function moduleSweeps(): Sweep[] {
  return MODULES.flatMap((m) => m.sweeps ?? []);
}
