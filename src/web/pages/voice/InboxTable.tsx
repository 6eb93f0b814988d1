import { Link } from 'react-router-dom';
import type { InboxItem, ItemRef } from '../../api/voice-types.js';
import { Badge } from '../../components/Badge.js';
import { formatDate } from '../../lib/format.js';
import { itemPath, KIND_INFO, severityLabel } from '../../lib/voice-kinds.js';

const keyOf = (i: ItemRef) => `${i.kind}-${i.id}`;

/** New items (in no problem), with a box each so several can be linked to a problem at once. */
export function InboxTable({
  items,
  selected,
  onToggle,
}: {
  items: InboxItem[];
  selected: Set<string> | null;
  onToggle: (item: ItemRef) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="New items">
        <thead>
          <tr>
            {selected ? (
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
            ) : null}
            <th scope="col">Kind</th>
            <th scope="col">Title</th>
            <th scope="col">Team</th>
            <th scope="col">Capability</th>
            <th scope="col">Severity</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={keyOf(i)}>
              {selected ? (
                <td>
                  <input
                    type="checkbox"
                    className="checkbox"
                    aria-label={`Select ${i.title}`}
                    checked={selected.has(keyOf(i))}
                    onChange={() => onToggle({ kind: i.kind, id: i.id })}
                  />
                </td>
              ) : null}
              <td className="nowrap">{KIND_INFO[i.kind].label}</td>
              <td className="break">
                <Link to={itemPath(i.kind, i.id)}>{i.title}</Link>{' '}
                {i.suggested ? (
                  <Badge tone="purple" title="In a suggested problem above">
                    suggested
                  </Badge>
                ) : null}
              </td>
              <td>
                {i.team ?? null}
                {i.flags.includes('teamless') ? (
                  <Badge tone="warning" title="Paved could not place its author in a team">
                    teamless
                  </Badge>
                ) : null}
              </td>
              <td>
                {i.capability ?? null}
                {i.flags.includes('unplaced') ? (
                  <Badge tone="warning" title="From an issue on a repository that no capability names">
                    unplaced
                  </Badge>
                ) : null}
              </td>
              <td className="nowrap">{severityLabel(i.severity)}</td>
              <td className="nowrap">
                {formatDate(i.openedAt)}
                {i.source !== 'paved' ? <span className="muted small"> · {i.source}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
