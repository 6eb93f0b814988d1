import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { useSimilarFeedback } from '../../hooks/queries/use-similar-feedback.js';
import { useVote } from '../../hooks/queries/use-vote.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { plural } from '../../lib/format.js';
import { itemPath, KIND_INFO } from '../../lib/voice-kinds.js';

/**
 * While a title is typed: open items that look the same, so a person votes for an existing request (or reads the
 * existing pain) instead of filing a duplicate.
 */
export function SimilarItems({ title }: { title: string }) {
  const settled = useDebounced(title, 300);
  const similar = useSimilarFeedback(settled);
  const vote = useVote();
  const items = settled.trim().length >= 3 ? (similar.data?.items ?? []) : [];
  if (items.length === 0) return null;
  const voted = vote.data;
  return (
    <section className="similar" aria-label="Similar items" aria-live="polite">
      <p className="similar-title">Similar items already exist: vote for this instead?</p>
      <ul className="similar-list">
        {items.map((s) => (
          <li key={`${s.kind}-${s.id}`} className="similar-item">
            <Badge tone={s.kind === 'request' ? 'accent' : 'neutral'}>{KIND_INFO[s.kind].label}</Badge>
            <Link to={itemPath(s.kind, s.id)} className="similar-link">
              {s.title}
            </Link>
            <span className="muted small">
              {s.team ?? 'no team'}
              {s.votes !== null ? ` · ${plural(s.votes, 'vote')}` : ''}
            </span>
            {s.kind === 'request' ? (
              voted?.id === s.id ? (
                <span className="similar-voted" role="status">
                  Voted: {plural(voted.votes, 'vote')}, reach {voted.reach}.{' '}
                  <Link to={itemPath('request', s.id)}>Open the request</Link>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  disabled={vote.isPending}
                  onClick={() => vote.mutate({ id: s.id })}
                  aria-label={`Vote for ${s.title}`}
                >
                  Vote
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {vote.error ? (
        <p className="field-error" role="alert">
          The vote was not counted: {vote.error.message}
        </p>
      ) : null}
    </section>
  );
}
