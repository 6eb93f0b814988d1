import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Suggestion } from '../../api/voice-types.js';
import { useAcceptSuggestion, useDismissSuggestion } from '../../hooks/queries/use-triage-suggestion.js';
import { formatPercent, plural } from '../../lib/format.js';
import { ItemRefLink } from './ItemRefLink.js';
import { ProblemPicker } from './ProblemPicker.js';
import { TitleForm } from './TitleForm.js';

type Known = Map<string, { title: string; team: string | null }>;

/** A suggested problem: its items, the teams they come from, why Paved grouped them, and what to do with it. */
export function SuggestionCard({
  suggestion: s,
  index,
  known,
  triage,
}: {
  suggestion: Suggestion;
  index: number;
  known: Known;
  triage: boolean;
}) {
  const accept = useAcceptSuggestion();
  const dismiss = useDismissSuggestion();
  const navigate = useNavigate();
  const [naming, setNaming] = useState(false);
  const first = s.items[0];
  const initial = (first && known.get(`${first.kind}-${first.id}`)?.title) ?? '';
  return (
    <li className="card suggestion" aria-label={`Suggestion ${index + 1}`}>
      <div className="suggestion-head">
        <p className="suggestion-summary">
          <strong>{plural(s.items.length, 'item')}</strong> from <strong>{plural(s.teams.length, 'team')}</strong>:{' '}
          {s.teams.join(', ')}
        </p>
        <span className="muted small" title="Average similarity between the items, 0 to 100 %">
          similarity {formatPercent(s.similarity)}
        </span>
      </div>
      <p className="small">
        <span className="muted">Shared words: </span>
        {s.reasons.length ? (
          <span className="reasons">
            {s.reasons.map((r) => (
              <span key={r} className="tag">
                {r}
              </span>
            ))}
          </span>
        ) : (
          '—'
        )}
      </p>
      <ul className="plain-list suggestion-items">
        {s.items.map((i) => (
          <li key={`${i.kind}-${i.id}`}>
            <ItemRefLink kind={i.kind} id={i.id} known={known.get(`${i.kind}-${i.id}`)} />
          </li>
        ))}
      </ul>
      {triage ? (
        naming ? (
          <TitleForm
            id={`accept-title-${index}`}
            label="Problem title"
            initial={initial}
            submitLabel="Create the problem"
            pending={accept.isPending}
            error={accept.error}
            onCancel={() => setNaming(false)}
            onSubmit={(title) =>
              accept.mutate({ items: s.items, title }, { onSuccess: (p) => navigate(`/voice/problems/${p.id}`) })
            }
          />
        ) : (
          <div className="row suggestion-actions">
            <button type="button" className="button button-primary" onClick={() => setNaming(true)}>
              Accept
            </button>
            <button
              type="button"
              className="button"
              disabled={dismiss.isPending}
              onClick={() => dismiss.mutate({ items: s.items })}
            >
              Dismiss
            </button>
            <ProblemPicker items={s.items} id={`suggestion-${index}-problem`} />
            {dismiss.error ? (
              <p className="field-error" role="alert">
                {dismiss.error.message}
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </li>
  );
}
