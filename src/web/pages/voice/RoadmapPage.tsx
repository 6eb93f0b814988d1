import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRoadmap } from '../../hooks/queries/use-roadmap.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useFilterParams } from '../../hooks/use-filter-params.js';
import { useMyTeams } from './my-teams.js';
import { NewRoadmapItem } from './NewRoadmapItem.js';
import { COLUMNS, RoadmapCard } from './RoadmapCard.js';

const COLUMN_HELP: Record<(typeof COLUMNS)[number], string> = {
  now: 'being built',
  next: 'starting soon',
  later: 'planned',
  done: 'shipped',
};

/**
 * The roadmap board. With `?team=` (a customer team's member sees their own team by default) each card says which
 * of that team's pains and requests it answers.
 */
export function RoadmapPage() {
  const filters = useFilterParams(['team'] as const);
  const { teams, platform } = useMyTeams();
  const team = useDebounced(filters.values.team) || (platform ? '' : (teams[0] ?? ''));
  const roadmap = useRoadmap(team || undefined);
  const [adding, setAdding] = useState(false);
  const items = roadmap.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Roadmap"
        subtitle="What the platform teams build now, next and later, and the problems and requests each item answers."
        actions={
          platform && !adding ? (
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              Add an item
            </button>
          ) : null
        }
      />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Roadmap for a team">
        <div className="field roadmap-team-field">
          <label htmlFor="roadmap-team">Show what it answers for team</label>
          {!platform && teams.length > 1 ? (
            <select
              id="roadmap-team"
              value={filters.values.team || team}
              onChange={(e) => filters.set('team', e.target.value)}
            >
              {teams.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="roadmap-team"
              placeholder="customer team name"
              value={filters.values.team || team}
              onChange={(e) => filters.set('team', e.target.value)}
            />
          )}
        </div>
      </form>
      {adding ? <NewRoadmapItem onDone={() => setAdding(false)} /> : null}
      {roadmap.isPending ? (
        <Loading variant="cards" count={4} label="Loading the roadmap" />
      ) : roadmap.error ? (
        <ErrorState error={roadmap.error} retry={() => void roadmap.refetch()} what="the roadmap" />
      ) : items.length === 0 ? (
        <EmptyState title="The roadmap is empty">
          {platform
            ? 'Add what you build now, next and later, linked to the problems and requests it answers.'
            : 'The platform teams have not published a roadmap yet.'}
        </EmptyState>
      ) : (
        <div className="roadmap-board">
          {COLUMNS.map((c) => {
            const cards = items.filter((i) => i.status === c);
            return (
              <section key={c} className="roadmap-column" aria-labelledby={`col-${c}`}>
                <h2 id={`col-${c}`} className="roadmap-column-title">
                  {c[0]?.toUpperCase() + c.slice(1)} <span className="tab-count">{cards.length}</span>
                  <span className="muted small"> {COLUMN_HELP[c]}</span>
                </h2>
                {cards.length === 0 ? (
                  <p className="muted small roadmap-empty">Nothing here.</p>
                ) : (
                  <ul className="roadmap-cards" aria-label={`${c} items`}>
                    {cards.map((i) => (
                      <RoadmapCard key={i.id} item={i} team={team} movable={platform} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
