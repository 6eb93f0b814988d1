import { Link } from 'react-router-dom';
import type { FeedbackKind } from '../../api/voice-types.js';
import { Badge } from '../../components/Badge.js';
import { useFeedbackItem } from '../../hooks/queries/use-feedback-item.js';
import { itemPath, KIND_INFO } from '../../lib/voice-kinds.js';

/** An item named only by kind and id (a suggestion's): its title is fetched when the page has not got it. */
export function ItemRefLink({
  kind,
  id,
  known,
}: {
  kind: FeedbackKind;
  id: number;
  known?: { title: string; team: string | null } | undefined;
}) {
  const fetched = useFeedbackItem(kind, known ? 0 : id);
  const title = known?.title ?? fetched.data?.title;
  const team = known ? known.team : fetched.data?.team;
  return (
    <span className="item-ref">
      <Badge tone={kind === 'request' ? 'accent' : kind === 'bug' ? 'danger' : kind === 'support' ? 'info' : 'warning'}>
        {KIND_INFO[kind].label}
      </Badge>{' '}
      <Link to={itemPath(kind, id)}>{title ?? `${KIND_INFO[kind].label} #${id}`}</Link>
      {team !== undefined ? <span className="muted small"> · {team ?? 'no team'}</span> : null}
    </span>
  );
}
