import { Link } from 'react-router-dom';
import type { RoadmapItem } from '../../api/voice-types.js';
import { useChangeRoadmapItem } from '../../hooks/queries/use-roadmap.js';
import { formatNumber, plural } from '../../lib/format.js';
import { entityPath } from '../../lib/refs.js';
import { itemPath } from '../../lib/voice-kinds.js';
import { MarkdownText } from './MarkdownText.js';

export const COLUMNS = ['now', 'next', 'later', 'done'] as const;

/** One roadmap item: what it is, for whom, how it ranks, what it answers for the team shown; moved by its owners. */
export function RoadmapCard({ item: r, team, movable }: { item: RoadmapItem; team: string; movable: boolean }) {
  const change = useChangeRoadmapItem();
  return (
    <li className="card roadmap-card" data-testid={`roadmap-${r.id}`} aria-label={r.title}>
      <p className="roadmap-card-title">{r.title}</p>
      <p className="small muted roadmap-meta">
        {r.targetQuarter ? <span>{r.targetQuarter}</span> : null}
        {r.capability ? (
          <Link to={entityPath('capability', r.capability) ?? '/capabilities'}>{r.capability}</Link>
        ) : null}
        <span title={r.arithmetic}>RICE {r.rice === null ? '—' : formatNumber(r.rice)}</span>
      </p>
      {r.description ? <MarkdownText text={r.description} /> : null}
      {r.problems.length + r.requests.length > 0 ? (
        <ul className="plain-list small roadmap-links" aria-label="Linked problems and requests">
          {r.problems.map((p) => (
            <li key={`p${p.id}`}>
              <span className="muted">problem </span>
              <Link to={`/voice/problems/${p.id}`}>{p.title}</Link>
            </li>
          ))}
          {r.requests.map((q) => (
            <li key={`r${q.id}`}>
              <span className="muted">request </span>
              <Link to={itemPath('request', q.id)}>{q.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <details className="small roadmap-reach">
        <summary>
          reach <strong>{formatNumber(r.reach)}</strong> {r.reach === 1 ? 'team' : 'teams'}
        </summary>
        {r.teams.length ? (
          <ul className="plain-list" aria-label="Teams reached">
            {r.teams.map((t) => (
              <li key={t}>
                <Link to={entityPath('group', t) ?? '/teams'}>{t}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No customer team linked yet.</p>
        )}
      </details>
      {r.answers?.length ? (
        <div className="roadmap-answers" data-testid="roadmap-answers">
          <p className="small">
            <strong>Answers {team}</strong> ({plural(r.answers.length, 'item')}):
          </p>
          <ul className="plain-list small">
            {r.answers.map((a) => (
              <li key={`${a.kind}-${a.id}`}>
                <span className="muted">{a.kind} </span>
                <Link to={itemPath(a.kind, a.id)}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {movable ? (
        <div className="row roadmap-move">
          <label htmlFor={`move-${r.id}`} className="small muted">
            Move to
          </label>
          <select
            id={`move-${r.id}`}
            className="select-auto"
            value={r.status}
            disabled={change.isPending}
            onChange={(e) => change.mutate({ id: r.id, patch: { status: e.target.value as (typeof COLUMNS)[number] } })}
          >
            {COLUMNS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {change.error ? (
        <p className="field-error" role="alert">
          {change.error.message}
        </p>
      ) : null}
    </li>
  );
}
