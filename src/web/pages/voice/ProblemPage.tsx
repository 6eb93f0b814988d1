import { Link, useParams } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Stat } from '../../components/Stat.js';
import { useChangeProblem } from '../../hooks/queries/use-change-problem.js';
import { useProblem } from '../../hooks/queries/use-problem.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { entityPath } from '../../lib/refs.js';
import { SEVERITY } from '../../lib/voice-kinds.js';
import { MarkdownText } from './MarkdownText.js';
import { MergeProblem } from './MergeProblem.js';
import { useMyTeams } from './my-teams.js';
import { ProblemItems } from './ProblemItems.js';
import { RiceEditor } from './RiceEditor.js';
import { StatusBadge } from './StatusBadge.js';

const STATUSES = ['open', 'solved', 'dismissed'] as const;

/** One common problem: the teams it reaches, the hours it costs them, its items and RICE, and its triage. */
export function ProblemPage() {
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const query = useProblem(id);
  const { platform } = useMyTeams();
  const change = useChangeProblem();
  const back = { to: '/voice/problems', label: 'Problems' };
  if (query.isPending || query.error) {
    return (
      <div className="page">
        <PageHeader title={`Problem #${rawId}`} back={back} />
        {query.error ? (
          <ErrorState error={query.error} retry={() => void query.refetch()} what="the problem" />
        ) : !(id > 0) ? (
          <ErrorState error={new Error(`"${rawId}" is not a problem number.`)} />
        ) : (
          <Loading label="Loading the problem" count={5} />
        )}
      </div>
    );
  }
  const p = query.data;
  return (
    <div className="page">
      <PageHeader
        back={back}
        title={<span data-testid="problem-title">{p.title}</span>}
        badges={<StatusBadge status={p.status} />}
        subtitle={`Problem #${p.id}${p.capability ? ` · ${p.capability}` : ''} · since ${formatDate(p.createdAt)}`}
        actions={
          platform ? (
            <div className="row">
              <label htmlFor="problem-status" className="small">
                Status
              </label>
              <select
                id="problem-status"
                className="select-auto"
                value={p.status}
                disabled={change.isPending}
                onChange={(e) =>
                  change.mutate({ id: p.id, patch: { status: e.target.value as (typeof STATUSES)[number] } })
                }
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          ) : null
        }
      />
      {change.error ? (
        <p className="alert alert-danger" role="alert">
          {change.error.message}
        </p>
      ) : null}
      <div className="stats stats-5">
        <Stat label="Reach" value={p.reach} to="#teams" testId="problem-reach" hint="customer teams" />
        <Stat
          label="Hours lost per week"
          value={formatNumber(p.hoursLostPerWeek)}
          to={`/voice/pains?problem=${p.id}`}
          testId="problem-hours"
          hint="each team's largest open pain, added up"
        />
        <Stat
          label="Severity"
          value={p.severity ?? '—'}
          testId="problem-severity"
          hint={p.severity ? `${SEVERITY[p.severity]?.name ?? ''}: the worst among open items` : 'no open item has one'}
        />
        <Stat label="Items" value={p.items.length} to="#items" testId="problem-items" />
        <Stat
          label="RICE"
          value={p.rice === null ? '—' : formatNumber(p.rice)}
          to="/voice/backlog"
          testId="problem-rice"
          hint={p.arithmetic}
        />
      </div>
      <div className="detail-grid">
        <div className="stack" id="items">
          <ProblemItems problem={p} triage={platform} />
          {p.description ? (
            <Card title="Description">
              <MarkdownText text={p.description} />
            </Card>
          ) : null}
        </div>
        <div className="stack">
          <Card title={`Teams (${p.teams.length})`} className="sidebar">
            <div id="teams">
              {p.teams.length === 0 ? (
                <EmptyState compact title="No customer team yet" />
              ) : (
                <ul className="plain-list" aria-label="Teams reached">
                  {p.teams.map((t) => (
                    <li key={t}>
                      <Link to={entityPath('group', t) ?? '/teams'}>{t}</Link>
                    </li>
                  ))}
                </ul>
              )}
              <p className="small muted">Teams of its items and of the people who voted for its requests.</p>
            </div>
          </Card>
          <Card title="RICE">
            <p className="small rice-arithmetic" data-testid="problem-arithmetic">
              {p.arithmetic}
            </p>
            {platform ? (
              <RiceEditor
                key={`${p.impact}-${p.confidence}-${p.effort}`}
                idPrefix="problem-rice"
                initial={{ impact: p.impact, confidence: p.confidence, effort: p.effort }}
                pending={change.isPending}
                error={change.error}
                onSave={(rice) => change.mutate({ id: p.id, patch: rice })}
              />
            ) : null}
          </Card>
          {platform ? <MergeProblem problem={p} /> : null}
        </div>
      </div>
    </div>
  );
}
