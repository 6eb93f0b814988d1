import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ItemRef } from '../../api/voice-types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useProblemSuggestions } from '../../hooks/queries/use-problem-suggestions.js';
import { useAcceptSuggestion } from '../../hooks/queries/use-triage-suggestion.js';
import { useVoiceInbox } from '../../hooks/queries/use-voice-inbox.js';
import { plural } from '../../lib/format.js';
import { InboxTable } from './InboxTable.js';
import { useMyTeams } from './my-teams.js';
import { ProblemPicker } from './ProblemPicker.js';
import { SuggestionCard } from './SuggestionCard.js';
import { TitleForm } from './TitleForm.js';

const keyOf = (i: ItemRef) => `${i.kind}-${i.id}`;

/** Triage: suggested problems with their reasons, and the new items in no problem yet. */
export function InboxPage() {
  const inbox = useVoiceInbox();
  const suggestions = useProblemSuggestions();
  const { platform } = useMyTeams();
  const [selected, setSelected] = useState<Map<string, ItemRef>>(new Map());
  const [naming, setNaming] = useState(false);
  // Creating a problem from items chosen by hand goes through the same route as accepting a suggestion.
  const create = useAcceptSuggestion();
  const navigate = useNavigate();
  const known = useMemo(
    () => new Map(inbox.items.map((i) => [keyOf(i), { title: i.title, team: i.team }])),
    [inbox.items],
  );
  const toggle = (ref: ItemRef) =>
    setSelected((was) => {
      const next = new Map(was);
      if (next.has(keyOf(ref))) next.delete(keyOf(ref));
      else next.set(keyOf(ref), ref);
      return next;
    });
  const chosen = [...selected.values()];

  return (
    <div className="page">
      <PageHeader
        title="Inbox"
        subtitle="Feedback in no problem yet, newest first, and the common problems Paved suggests from it."
      />
      <section className="stack" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title" className="section-title">
          Suggested problems
          {suggestions.data ? <span className="tab-count">{suggestions.data.items.length}</span> : null}
        </h2>
        {suggestions.isPending ? (
          <Loading variant="cards" count={2} label="Loading suggestions" />
        ) : suggestions.error ? (
          <ErrorState error={suggestions.error} retry={() => void suggestions.refetch()} what="suggestions" />
        ) : suggestions.data.items.length === 0 ? (
          <EmptyState compact title="No suggestion right now">
            Paved suggests a problem when open items from at least two teams seem to say the same thing.
          </EmptyState>
        ) : (
          <ol className="suggestions">
            {suggestions.data.items.map((s, i) => (
              <SuggestionCard
                key={s.items.map(keyOf).join(',')}
                suggestion={s}
                index={i}
                known={known}
                triage={platform}
              />
            ))}
          </ol>
        )}
      </section>
      <section className="stack" aria-labelledby="new-items-title">
        <div className="toolbar">
          <h2 id="new-items-title" className="section-title">
            New items
          </h2>
          {platform && chosen.length > 0 ? (
            <div className="row selection-bar">
              <span className="small">{plural(chosen.length, 'item')} selected</span>
              {naming ? null : (
                <button type="button" className="button button-primary" onClick={() => setNaming(true)}>
                  New problem from them
                </button>
              )}
              <ProblemPicker items={chosen} id="selected-problem" onDone={() => setSelected(new Map())} />
            </div>
          ) : null}
        </div>
        {naming && chosen.length > 0 ? (
          <div className="card">
            <TitleForm
              id="selected-title"
              label="Problem title"
              initial=""
              submitLabel="Create the problem"
              pending={create.isPending}
              error={create.error}
              onCancel={() => setNaming(false)}
              onSubmit={(title) =>
                create.mutate({ items: chosen, title }, { onSuccess: (p) => navigate(`/voice/problems/${p.id}`) })
              }
            />
          </div>
        ) : null}
        {inbox.isPending ? (
          <Loading variant="table" count={6} label="Loading the inbox" />
        ) : inbox.error ? (
          <ErrorState error={inbox.error} retry={() => void inbox.refetch()} what="the inbox" />
        ) : inbox.items.length === 0 ? (
          <EmptyState title="Inbox zero">Every open item belongs to a problem.</EmptyState>
        ) : (
          <>
            <InboxTable items={inbox.items} selected={platform ? new Set(selected.keys()) : null} onToggle={toggle} />
            <LoadMore
              hasNextPage={inbox.hasNextPage}
              isFetchingNextPage={inbox.isFetchingNextPage}
              fetchNextPage={inbox.fetchNextPage}
              shown={inbox.items.length}
            />
          </>
        )}
      </section>
    </div>
  );
}
