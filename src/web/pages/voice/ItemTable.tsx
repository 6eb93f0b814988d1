import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FeedbackItem, FeedbackKind } from '../../api/voice-types.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { itemPath, severityLabel } from '../../lib/voice-kinds.js';
import { StatusBadge } from './StatusBadge.js';

/** The columns only some kinds have, after title, team and status. */
const EXTRA: Record<FeedbackKind, { head: string; num?: boolean; cell: (i: FeedbackItem) => ReactNode }[]> = {
  pain: [
    { head: 'Severity', cell: (i) => (i.kind === 'pain' ? severityLabel(i.severity) : null) },
    { head: 'Hours / week', num: true, cell: (i) => (i.kind === 'pain' ? formatNumber(i.hoursLostPerWeek) : null) },
  ],
  request: [
    {
      head: 'Votes',
      num: true,
      cell: (i) => (i.kind === 'request' ? <Link to={itemPath('request', i.id)}>{formatNumber(i.votes)}</Link> : null),
    },
    { head: 'Reach', num: true, cell: (i) => (i.kind === 'request' ? formatNumber(i.reach) : null) },
  ],
  bug: [
    { head: 'Severity', cell: (i) => (i.kind === 'bug' ? severityLabel(i.severity) : null) },
    { head: 'Fixed', cell: (i) => (i.kind === 'bug' ? formatDate(i.fixedAt) : null) },
  ],
  support: [
    { head: 'Category', cell: (i) => (i.kind === 'support' ? (i.category ?? '—') : null) },
    { head: 'Resolved', cell: (i) => (i.kind === 'support' ? formatDate(i.resolvedAt) : null) },
  ],
};

const openedAt = (i: FeedbackItem) =>
  i.kind === 'bug' ? i.reportedAt : i.kind === 'support' ? i.openedAt : i.createdAt;

/** A list of one kind's items; titles are shown as typed, as text. */
export function ItemTable({ kind, items, caption }: { kind: FeedbackKind; items: FeedbackItem[]; caption: string }) {
  const extra = EXTRA[kind];
  return (
    <div className="table-wrap">
      <table className="table" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Team</th>
            <th scope="col">Capability</th>
            <th scope="col">Status</th>
            {extra.map((c) => (
              <th key={c.head} scope="col" className={c.num ? 'num' : undefined}>
                {c.head}
              </th>
            ))}
            <th scope="col">Opened</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td className="break">
                <Link to={itemPath(i.kind, i.id)}>{i.title}</Link>
              </td>
              <td>{i.team ?? <span className="muted">no team</span>}</td>
              <td>{i.capability ?? <span className="muted">—</span>}</td>
              <td>
                <StatusBadge status={i.status} />
              </td>
              {extra.map((c) => (
                <td key={c.head} className={c.num ? 'num' : undefined}>
                  {c.cell(i)}
                </td>
              ))}
              <td className="nowrap">{formatDate(openedAt(i))}</td>
              <td>{i.problem ? <Link to={`/voice/problems/${i.problem}`}>#{i.problem}</Link> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
