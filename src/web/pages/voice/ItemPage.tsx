import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { FeedbackItem, FeedbackKind } from '../../api/voice-types.js';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useFeedbackItem } from '../../hooks/queries/use-feedback-item.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { entityPath, safeUrl } from '../../lib/refs.js';
import { KIND_INFO, severityLabel } from '../../lib/voice-kinds.js';
import { AssignTeam } from './AssignTeam.js';
import { ItemActions } from './ItemActions.js';
import { ItemComments } from './ItemComments.js';
import { MarkdownText } from './MarkdownText.js';
import { useMyTeams } from './my-teams.js';
import { StatusBadge } from './StatusBadge.js';
import { VoteBox } from './VoteBox.js';

const link = (kind: string, name: string | null) => {
  const path = name ? entityPath(kind, name) : null;
  return path && name ? <Link to={path}>{name}</Link> : name;
};

/** The fields only this kind has, then its times in the order they happen. */
function kindFacts(i: FeedbackItem): [string, ReactNode][] {
  switch (i.kind) {
    case 'pain':
      return [
        ['Category', i.category],
        ['Severity', severityLabel(i.severity)],
        ['Hours lost per week', formatNumber(i.hoursLostPerWeek)],
        ['Created', formatDateTime(i.createdAt)],
        ['Resolved', i.resolvedAt ? formatDateTime(i.resolvedAt) : null],
      ];
    case 'request':
      return [
        ['Created', formatDateTime(i.createdAt)],
        ['Closed', i.closedAt ? formatDateTime(i.closedAt) : null],
      ];
    case 'bug':
      return [
        ['Severity', severityLabel(i.severity)],
        ['Reported', formatDateTime(i.reportedAt)],
        ['Acknowledged', i.acknowledgedAt ? formatDateTime(i.acknowledgedAt) : null],
        ['Fixed', i.fixedAt ? formatDateTime(i.fixedAt) : null],
      ];
    case 'support':
      return [
        ['Category', i.category],
        ['Platform team', link('group', i.platformTeam)],
        ['Opened', formatDateTime(i.openedAt)],
        ['First response', i.firstResponseAt ? formatDateTime(i.firstResponseAt) : null],
        ['Resolved', i.resolvedAt ? formatDateTime(i.resolvedAt) : null],
      ];
  }
}

/** One pain, request, bug or support request: its words, facts, votes, problem, status steps and comments. */
export function ItemPage({ kind }: { kind: FeedbackKind }) {
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const info = KIND_INFO[kind];
  const query = useFeedbackItem(kind, id);
  const { me, platform, writes } = useMyTeams();
  const back = { to: `/voice/${info.page}`, label: info.plural };

  if (query.isPending || query.error) {
    return (
      <div className="page">
        <PageHeader title={`${info.plural.slice(0, -1)} ${Number.isSafeInteger(id) ? `#${id}` : ''}`} back={back} />
        {query.error ? (
          <ErrorState error={query.error} retry={() => void query.refetch()} what={`the ${info.label}`} />
        ) : !(id > 0) ? (
          <ErrorState error={new Error(`"${rawId}" is not an item number.`)} />
        ) : (
          <Loading label={`Loading the ${info.label}`} count={5} />
        )}
      </div>
    );
  }
  const item = query.data;
  const external = safeUrl(item.externalUrl);
  return (
    <div className="page">
      <PageHeader
        back={back}
        title={<span data-testid="item-title">{item.title}</span>}
        badges={
          <>
            <Badge tone="neutral">{info.label}</Badge>
            <StatusBadge status={item.status} />
          </>
        }
      />
      <div className="detail-grid">
        <div className="stack">
          <Card title="Details">
            {item.body ? (
              <MarkdownText text={item.body} label="Details" />
            ) : (
              <p className="muted">No details were given.</p>
            )}
          </Card>
          {item.kind === 'request' ? <VoteBox item={item} canVote={writes && !!me?.person} /> : null}
          {!item.team && platform ? <AssignTeam item={item} /> : null}
          <ItemActions item={item} platform={platform} writes={writes} />
          <ItemComments kind={kind} id={item.id} canWrite={writes} />
        </div>
        <Card title="Facts" className="sidebar">
          <DetailList
            items={[
              [
                'Team',
                item.team ? link('group', item.team) : <span className="muted">no team: listed for triage</span>,
              ],
              ['Capability', link('capability', item.capability)],
              ...kindFacts(item),
              [
                'Problem',
                item.problem ? <Link to={`/voice/problems/${item.problem}`}>Problem #{item.problem}</Link> : null,
              ],
              ['Author', item.author],
              [
                'Source',
                external ? (
                  <a href={external} target="_blank" rel="noreferrer noopener">
                    {item.source} ↗
                  </a>
                ) : (
                  item.source
                ),
              ],
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
