import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from './api/client.js';
import { Layout } from './components/Layout.js';
import { RequireAuth } from './components/RequireAuth.js';
import { keys } from './hooks/queries/keys.js';
import { AdoptionPage } from './pages/adoption/AdoptionPage.js';
import { SignIn } from './pages/auth/SignIn.js';
import { CapabilityDetailPage } from './pages/capabilities/CapabilityDetail.js';
import { CapabilityFormPage } from './pages/capabilities/CapabilityForm.js';
import { CapabilitiesPage } from './pages/capabilities/Capabilities.js';
import { DefinitionsPage } from './pages/docs/DefinitionsPage.js';
import { DeliveryPage } from './pages/delivery/DeliveryPage.js';
import { HomePage } from './pages/Home.js';
import { IncidentsPage } from './pages/incidents/IncidentsPage.js';
import { ImportsPage } from './pages/imports/Imports.js';
import { NotFoundPage } from './pages/NotFound.js';
import { SearchPage } from './pages/Search.js';
import { ServiceDetailPage } from './pages/services/ServiceDetail.js';
import { ServicesPage } from './pages/services/Services.js';
import { TeamDetailPage } from './pages/teams/TeamDetail.js';
import { TeamsPage } from './pages/teams/Teams.js';
import { TokensPage } from './pages/tokens/TokensPage.js';
import { UnmappedPage } from './pages/unmapped/UnmappedPage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { RepositoriesPage } from './pages/repositories/RepositoriesPage.js';
import { AnswerSurveyPage } from './pages/voice/surveys/AnswerSurveyPage.js';
import { SurveyResultsPage } from './pages/voice/surveys/SurveyResultsPage.js';
import { SurveysPage } from './pages/voice/surveys/SurveysPage.js';
import { ContactPage } from './pages/voice/contact/ContactPage.js';
import { ServicePage } from './pages/voice/dashboards/ServicePage.js';
import { KIND_LIST } from './lib/voice-kinds.js';
import { BacklogPage } from './pages/voice/BacklogPage.js';
import { GiveFeedbackPage } from './pages/voice/GiveFeedbackPage.js';
import { InboxPage } from './pages/voice/InboxPage.js';
import { ItemListPage } from './pages/voice/ItemListPage.js';
import { ItemPage } from './pages/voice/ItemPage.js';
import { MyTeamPage } from './pages/voice/MyTeamPage.js';
import { ProblemPage } from './pages/voice/ProblemPage.js';
import { ProblemsPage } from './pages/voice/ProblemsPage.js';
import { RoadmapPage } from './pages/voice/RoadmapPage.js';
import { VoiceFrame } from './pages/voice/VoiceFrame.js';
import { VoiceLanding } from './pages/voice/VoiceLanding.js';
import { ShippingFrame } from './pages/shipping/ShippingFrame.js';
import { DemoPage } from './pages/shipping/demos/DemoPage.js';
import { DemosPage } from './pages/shipping/demos/DemosPage.js';
import { NotificationsPage } from './pages/notifications/NotificationsPage.js';
import { DeprecationsPage } from './pages/shipping/deprecations/DeprecationsPage.js';
import { MigrationPage } from './pages/shipping/deprecations/MigrationPage.js';
import { WhatsNewPage } from './pages/shipping/WhatsNewPage.js';
import { FeedsPage } from './pages/shipping/FeedsPage.js';
import { ChangelogPage } from './pages/shipping/ChangelogPage.js';
import { EditReleasePage, NewReleasePage } from './pages/shipping/ReleaseEditorPage.js';
import { ReleasePage } from './pages/shipping/ReleasePage.js';
import { SubscriptionsPage } from './pages/shipping/subscriptions/SubscriptionsPage.js';
import { SummaryPage } from './pages/shipping/summary/SummaryPage.js';

/** Any 401 re-asks "who am I?"; that answer's 401 makes RequireAuth send the person to sign in. */
function onApiError(error: unknown, key?: readonly unknown[]) {
  if (error instanceof ApiError && error.unauthenticated && key?.[0] !== keys.me[0]) {
    void queryClient.invalidateQueries({ queryKey: keys.me });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error, []) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (401, 404, 400) will not change on retry; network and server errors might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          {/* A personal survey link: no sign-in, the token in the address is the credential. */}
          <Route path="/survey/:token" element={<AnswerSurveyPage />} />
          <Route
            element={
              <RequireAuth>
                <Layout />
              </RequireAuth>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="capabilities" element={<CapabilitiesPage />} />
            <Route path="capabilities/new" element={<CapabilityFormPage />} />
            <Route path="capabilities/:name" element={<CapabilityDetailPage />} />
            <Route path="capabilities/:name/edit" element={<CapabilityFormPage />} />
            <Route path="adoption" element={<AdoptionPage />} />
            <Route path="teams" element={<TeamsPage />} />
            <Route path="teams/:name" element={<TeamDetailPage />} />
            <Route path="services" element={<ServicesPage />} />
            <Route path="services/:name" element={<ServiceDetailPage />} />
            <Route path="search" element={<SearchPage />} />
            <Route path="imports" element={<ImportsPage />} />
            <Route path="delivery" element={<DeliveryPage />} />
            <Route path="incidents" element={<IncidentsPage />} />
            <Route path="unmapped" element={<UnmappedPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="repositories" element={<RepositoriesPage />} />
            <Route path="docs/definitions" element={<DefinitionsPage />} />
            <Route path="tokens" element={<TokensPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            {/* The Voice area: every page under its sub-navigation (VoiceTabs). */}
            <Route path="voice" element={<VoiceFrame />}>
              <Route index element={<VoiceLanding />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="team" element={<MyTeamPage />} />
              <Route path="new" element={<GiveFeedbackPage />} />
              {KIND_LIST.map((k) => [
                <Route key={k.page} path={k.page} element={<ItemListPage key={k.kind} kind={k.kind} />} />,
                <Route
                  key={`${k.page}/:id`}
                  path={`${k.page}/:id`}
                  element={<ItemPage key={k.kind} kind={k.kind} />}
                />,
              ])}
              <Route path="problems" element={<ProblemsPage />} />
              <Route path="problems/:id" element={<ProblemPage />} />
              <Route path="backlog" element={<BacklogPage />} />
              <Route path="roadmap" element={<RoadmapPage />} />
              <Route path="surveys" element={<SurveysPage />} />
              <Route path="surveys/:id" element={<SurveyResultsPage />} />
              <Route path="service" element={<ServicePage />} />
              <Route path="contact" element={<ContactPage />} />
            </Route>
            {/* The Shipping area: every page under its sub-navigation (ShippingTabs). */}
            <Route path="shipping" element={<ShippingFrame />}>
              {/* changelog */}
              <Route index element={<ChangelogPage />} />
              <Route path="releases/new" element={<NewReleasePage />} />
              <Route path="releases/:id" element={<ReleasePage />} />
              <Route path="releases/:id/edit" element={<EditReleasePage />} />
              {/* whats-new */}
              <Route path="whats-new" element={<WhatsNewPage />} />
              <Route path="feeds" element={<FeedsPage />} />
              {/* deprecations */}
              <Route path="deprecations" element={<DeprecationsPage />} />
              <Route path="deprecations/:id" element={<MigrationPage />} />
              {/* demos */}
              <Route path="demos" element={<DemosPage />} />
              <Route path="demos/:id" element={<DemoPage />} />
              {/* subscriptions */}
              <Route path="subscriptions" element={<SubscriptionsPage />} />
              {/* summary */}
              <Route path="summary" element={<SummaryPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
