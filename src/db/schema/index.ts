import type { Kysely, Transaction } from 'kysely';
import type {
  CapabilityViewsTable,
  DeclarationsTable,
  DetectionsTable,
  MandatesTable,
  RepositoriesTable,
  ScansTable,
  UsageEventsTable,
} from './adoption.js';
import type { ApiTokensTable, OidcLoginsTable, SessionsTable } from './auth.js';
import type { AuditLogTable } from './audit.js';
import type { ConversationPainsTable, ConversationsTable, EngagementsTable } from './conversations.js';
import type { ChangesTable, DeploymentsTable, IncidentsTable } from './delivery.js';
import type { DeliveriesTable } from './inbox.js';
import type { EntitiesTable, EntityEventsTable, EntityRelationsTable } from './entities.js';
import type { ImportsTable } from './imports.js';
import type { IntegrationsTable } from './integrations.js';
import type { JobsTable } from './jobs.js';
import type {
  AnnouncementAttemptsTable,
  AnnouncementsTable,
  DemoAttendanceTable,
  DemosTable,
  FeedTokensTable,
  FollowsTable,
  NotificationsTable,
  ReleaseClosesTable,
  ReleaseEvaluationsTable,
  ReleaseMigrationsTable,
  ReleasesTable,
  SubscriptionsTable,
} from './shipping.js';
import type {
  SurveyAnswersTable,
  SurveyCsatScoresTable,
  SurveyInvitationsTable,
  SurveyWaveCapabilitiesTable,
  SurveyWavesTable,
} from './surveys.js';
import type {
  DismissedSuggestionsTable,
  FeedbackCommentsTable,
  FeedbackTable,
  ProblemsTable,
  RequestVotesTable,
  RoadmapItemsTable,
  RoadmapLinksTable,
  SlaPoliciesTable,
  SupportCategoriesTable,
} from './voice.js';

export interface Database {
  entities: EntitiesTable;
  entity_relations: EntityRelationsTable;
  entity_events: EntityEventsTable;
  imports: ImportsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  oidc_logins: OidcLoginsTable;
  jobs: JobsTable;
  scans: ScansTable;
  repositories: RepositoriesTable;
  detections: DetectionsTable;
  usage_events: UsageEventsTable;
  declarations: DeclarationsTable;
  mandates: MandatesTable;
  capability_views: CapabilityViewsTable;
  deliveries: DeliveriesTable;
  deployments: DeploymentsTable;
  changes: ChangesTable;
  incidents: IncidentsTable;
  integrations: IntegrationsTable;
  audit_log: AuditLogTable;
  feedback: FeedbackTable;
  request_votes: RequestVotesTable;
  feedback_comments: FeedbackCommentsTable;
  sla_policies: SlaPoliciesTable;
  support_categories: SupportCategoriesTable;
  problems: ProblemsTable;
  dismissed_suggestions: DismissedSuggestionsTable;
  roadmap_items: RoadmapItemsTable;
  roadmap_links: RoadmapLinksTable;
  survey_waves: SurveyWavesTable;
  survey_wave_capabilities: SurveyWaveCapabilitiesTable;
  survey_invitations: SurveyInvitationsTable;
  survey_answers: SurveyAnswersTable;
  survey_csat_scores: SurveyCsatScoresTable;
  conversations: ConversationsTable;
  conversation_pains: ConversationPainsTable;
  engagements: EngagementsTable;
  releases: ReleasesTable;
  release_closes: ReleaseClosesTable;
  feed_tokens: FeedTokensTable;
  subscriptions: SubscriptionsTable;
  announcements: AnnouncementsTable;
  announcement_attempts: AnnouncementAttemptsTable;
  notifications: NotificationsTable;
  follows: FollowsTable;
  release_migrations: ReleaseMigrationsTable;
  release_evaluations: ReleaseEvaluationsTable;
  demos: DemosTable;
  demo_attendance: DemoAttendanceTable;
}

/** The handle repo functions take first: the database or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
