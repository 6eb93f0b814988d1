import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge } from '../../../components/Badge.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useIsAdmin } from '../../../hooks/queries/use-me.js';
import { useSurveys } from '../../../hooks/queries/use-surveys.js';
import { formatDate } from '../../../lib/format.js';
import { formatRate } from './format.js';
import { NewSurveyForm } from './NewSurveyForm.js';

/** Survey waves: NPS for the platform and CSAT per capability, asked the same way each time so waves compare. */
export function SurveysPage() {
  const surveys = useSurveys();
  const isAdmin = useIsAdmin();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="Surveys"
        subtitle="Each wave asks the same questions (NPS for the platform, CSAT per capability, a comment) through personal links that need no sign-in."
        actions={
          isAdmin && !creating ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New wave
            </button>
          ) : null
        }
      />
      {creating ? <NewSurveyForm onCreated={(id) => navigate(`/voice/surveys/${id}`)} /> : null}
      {surveys.isPending ? (
        <Loading variant="table" count={3} label="Loading survey waves" />
      ) : surveys.error ? (
        <ErrorState error={surveys.error} retry={() => void surveys.refetch()} what="survey waves" />
      ) : surveys.data.items.length === 0 ? (
        <EmptyState title="No survey yet">
          {isAdmin
            ? 'Start a wave: every person of the targeted teams gets a personal link to send by mail or chat.'
            : 'A platform team member starts survey waves; their results will show here.'}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Survey waves">
            <thead>
              <tr>
                <th scope="col">Wave</th>
                <th scope="col">Status</th>
                <th scope="col">Teams</th>
                <th scope="col">Capabilities</th>
                <th scope="col">Answered</th>
                <th scope="col">Response rate</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {surveys.data.items.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={`/voice/surveys/${w.id}`}>{w.title}</Link>
                  </td>
                  <td>
                    <Badge tone={w.status === 'open' ? 'success' : 'neutral'}>{w.status}</Badge>
                  </td>
                  <td>{w.allTeams ? `all customer teams (${w.teams.length})` : w.teams.join(', ')}</td>
                  <td>{w.capabilities.map((c) => c.title ?? c.name).join(', ')}</td>
                  <td>
                    {w.answered} of {w.invited}
                  </td>
                  <td>{formatRate(w.invited ? w.answered / w.invited : null)}</td>
                  <td>{formatDate(w.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
