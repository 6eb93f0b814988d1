import { Link, useParams } from 'react-router-dom';
import type { SurveyResults } from '../../../api/survey-types.js';
import { Badge } from '../../../components/Badge.js';
import { Card } from '../../../components/Card.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { Stat } from '../../../components/Stat.js';
import { useIsAdmin } from '../../../hooks/queries/use-me.js';
import { useSurveyResults } from '../../../hooks/queries/use-survey-results.js';
import { useUpdateSurvey } from '../../../hooks/queries/use-update-survey.js';
import { formatDate } from '../../../lib/format.js';
import { formatChange, formatNps, formatPercent, formatRate } from './format.js';
import { SurveyLinks } from './SurveyLinks.js';

function Headline({ results }: { results: SurveyResults }) {
  const { nps, wave } = results;
  return (
    <div className="stats" aria-label="Headline figures">
      <Stat
        label="NPS"
        testId="survey-nps"
        value={formatNps(nps.value)}
        hint={`${nps.answers} answers · ${formatChange(nps.change)}`}
      />
      <Stat
        label="Response rate"
        testId="survey-response-rate"
        value={formatRate(nps.responseRate)}
        hint={`${wave.answered} of ${wave.invited} invited people answered`}
      />
      <Stat
        label="Previous wave NPS"
        value={nps.previous ? formatNps(nps.previous.value) : '—'}
        hint={
          nps.previous
            ? `${nps.previous.answers} answers · ${formatRate(nps.previous.responseRate)} responded`
            : 'this is the first wave'
        }
      />
    </div>
  );
}

function CsatTable({ results }: { results: SurveyResults }) {
  return (
    <Card title="Satisfaction per capability (CSAT: share answering 4 or 5 of 5)">
      <div className="table-wrap">
        <table className="table" aria-label="CSAT per capability">
          <thead>
            <tr>
              <th scope="col">Capability</th>
              <th scope="col">CSAT</th>
              <th scope="col">Answers</th>
              <th scope="col">Previous wave</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {results.csat.map((c) => (
              <tr key={c.capability}>
                <td>{c.title ?? c.capability}</td>
                <td>{formatPercent(c.value)}</td>
                <td>{c.answers}</td>
                <td>
                  {c.previous ? `${formatPercent(c.previous.value)} (${c.previous.answers} answers)` : 'not asked'}
                </td>
                <td>{c.change === null ? '—' : `${c.change > 0 ? '+' : ''}${c.change} points`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function TeamTable({ results }: { results: SurveyResults }) {
  return (
    <Card title="By team (shown from 3 answers, so nobody is singled out)">
      <div className="table-wrap">
        <table className="table" aria-label="Results by team">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Answered</th>
              <th scope="col">NPS</th>
              <th scope="col">CSAT</th>
            </tr>
          </thead>
          <tbody>
            {results.teams.map((t) => (
              <tr key={t.team}>
                <td>{t.team}</td>
                <td>
                  {t.answers} of {t.invited} ({formatRate(t.responseRate)})
                </td>
                {t.shown ? (
                  <>
                    <td>{formatNps(t.nps)}</td>
                    <td>{t.csat.map((c) => `${c.capability} ${formatPercent(c.value)} (${c.answers})`).join(' · ')}</td>
                  </>
                ) : (
                  <td colSpan={2} className="muted">
                    Not shown: {t.reason}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** A comment as the start of a pain: its first line (shortened) as the title, the whole text as the details. */
function painFrom(text: string): string {
  const first = text.split('\n')[0]?.trim() ?? '';
  const title = first.length > 80 ? `${first.slice(0, 79)}…` : first;
  return `/voice/new?${new URLSearchParams({ kind: 'pain', title, body: text }).toString()}`;
}

function Comments({ results }: { results: SurveyResults }) {
  const platformMember = useIsAdmin();
  return (
    <Card title={`Comments (${results.comments.length})`}>
      {results.comments.length === 0 ? (
        <EmptyState compact title="No comments yet" />
      ) : (
        <ul className="survey-comments" aria-label="Comments">
          {results.comments.map((c, i) => (
            <li key={i}>
              <p className="survey-comment-text">{c.text}</p>
              <span className="muted">{formatDate(c.answeredAt)}</span>
              {platformMember ? (
                <>
                  {' · '}
                  <Link to={painFrom(c.text)}>Make it a pain</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** One wave's results: NPS and CSAT with their answers and response rate, the team breakdown, the comments. */
export function SurveyResultsPage() {
  const id = Number(useParams().id);
  const results = useSurveyResults(id);
  const isAdmin = useIsAdmin();
  const update = useUpdateSurvey(id);
  if (results.isPending) return <Loading variant="stats" count={3} label="Loading the results" />;
  if (results.error)
    return (
      <div className="page">
        <ErrorState error={results.error} retry={() => void results.refetch()} what="the results" />
      </div>
    );
  const { wave } = results.data;
  return (
    <div className="page">
      <PageHeader
        title={wave.title}
        back={{ to: '/voice/surveys', label: 'Surveys' }}
        badges={<Badge tone={wave.status === 'open' ? 'success' : 'neutral'}>{wave.status}</Badge>}
        subtitle={`Started ${formatDate(wave.createdAt)} by ${wave.createdBy}${wave.closesAt ? `, closes ${formatDate(wave.closesAt)}` : ''}. ${wave.allTeams ? 'All customer teams' : `Teams: ${wave.teams.join(', ')}`}.`}
        actions={
          isAdmin && wave.status === 'open' ? (
            <button
              type="button"
              className="button"
              disabled={update.isPending}
              onClick={() => update.mutate({ status: 'closed' })}
            >
              Close the wave
            </button>
          ) : null
        }
      />
      {update.error ? (
        <p className="alert alert-danger" role="alert">
          {update.error.message}
        </p>
      ) : null}
      <Headline results={results.data} />
      <CsatTable results={results.data} />
      <TeamTable results={results.data} />
      <Comments results={results.data} />
      {isAdmin ? <SurveyLinks id={id} /> : null}
    </div>
  );
}
