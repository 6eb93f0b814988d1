import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { FeedbackKind } from '../../api/voice-types.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useFeedbackItems } from '../../hooks/queries/use-feedback-items.js';
import { useRoadmap } from '../../hooks/queries/use-roadmap.js';
import { KIND_INFO } from '../../lib/voice-kinds.js';
import { ItemTable } from './ItemTable.js';
import { useMyTeams } from './my-teams.js';
import { RoadmapCard } from './RoadmapCard.js';

/** One kind of the team's items, the newest first page, with the way to all of them. */
function TeamItems({ kind, team }: { kind: FeedbackKind; team: string }) {
  const info = KIND_INFO[kind];
  const list = useFeedbackItems(kind, { team });
  const all = `/voice/${info.page}?team=${encodeURIComponent(team)}`;
  return (
    <Card title={info.plural} actions={<Link to={all}>All of them →</Link>}>
      {list.isPending ? (
        <Loading variant="table" count={2} label={`Loading ${info.plural.toLowerCase()}`} />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what={info.plural.toLowerCase()} />
      ) : list.items.length === 0 ? (
        <EmptyState compact title={`No ${info.plural.toLowerCase()} from ${team}`} />
      ) : (
        <ItemTable kind={kind} items={list.items.slice(0, 5)} caption={`${team}: ${info.plural}`} />
      )}
    </Card>
  );
}

/** What the roadmap answers for the team: the items that address its pains and requests. */
function AnsweredByRoadmap({ team }: { team: string }) {
  const roadmap = useRoadmap(team);
  const answering = (roadmap.data?.items ?? []).filter((i) => (i.answers?.length ?? 0) > 0);
  return (
    <Card
      title="On the roadmap for you"
      actions={<Link to={`/voice/roadmap?team=${encodeURIComponent(team)}`}>The roadmap →</Link>}
    >
      {roadmap.isPending ? (
        <Loading variant="cards" count={2} label="Loading the roadmap" />
      ) : roadmap.error ? (
        <ErrorState error={roadmap.error} retry={() => void roadmap.refetch()} what="the roadmap" />
      ) : answering.length === 0 ? (
        <EmptyState compact title="Nothing on the roadmap answers your team’s items yet">
          Vote for requests and describe your pains: the platform teams plan from them.
        </EmptyState>
      ) : (
        <ul className="roadmap-cards roadmap-cards-row">
          {answering.map((i) => (
            <RoadmapCard key={i.id} item={i} team={team} movable={false} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A customer team's member: their team's pains, requests, bugs and support requests, and what answers them. */
export function MyTeamPage() {
  const { teams, me } = useMyTeams();
  const [chosen, setChosen] = useState('');
  const team = chosen || teams[0] || '';
  if (!me) return <Loading label="Loading" />;
  return (
    <div className="page">
      <PageHeader
        title={team ? `My team: ${team}` : 'My team'}
        subtitle="What your team told the platform teams, and what they plan in answer."
        actions={
          <>
            {teams.length > 1 ? (
              <select
                aria-label="Team"
                className="select-auto"
                value={team}
                onChange={(e) => setChosen(e.target.value)}
              >
                {teams.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            ) : null}
            <Link className="button button-primary" to="/voice/new">
              Give feedback
            </Link>
          </>
        }
      />
      {!team ? (
        <EmptyState title="You are in no team">
          Paved shows a team’s feedback to its members. Browse <Link to="/voice/pains">all pains</Link> or the{' '}
          <Link to="/voice/roadmap">roadmap</Link>.
        </EmptyState>
      ) : (
        <>
          <AnsweredByRoadmap team={team} />
          <div className="stack">
            <TeamItems kind="pain" team={team} />
            <TeamItems kind="request" team={team} />
            <TeamItems kind="bug" team={team} />
            <TeamItems kind="support" team={team} />
          </div>
        </>
      )}
    </div>
  );
}
