import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { FeedbackKind } from '../../api/voice-types.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Field } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { useAddFeedbackComment } from '../../hooks/queries/use-add-feedback-comment.js';
import { useFeedbackComments } from '../../hooks/queries/use-feedback-comments.js';
import { formatDateTime } from '../../lib/format.js';
import { MarkdownText } from './MarkdownText.js';

/** The conversation on an item, oldest first, and a box to add to it. */
export function ItemComments({ kind, id, canWrite }: { kind: FeedbackKind; id: number; canWrite: boolean }) {
  const comments = useFeedbackComments(kind, id);
  const add = useAddFeedbackComment(kind, id);
  const [text, setText] = useState('');
  const problems = add.error instanceof ApiError ? add.error.fieldProblems() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    add.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <Card title="Comments">
      {comments.isPending ? (
        <Loading label="Loading comments" count={2} />
      ) : comments.error ? (
        <ErrorState error={comments.error} retry={() => void comments.refetch()} what="comments" />
      ) : comments.items.length === 0 ? (
        <EmptyState compact title="No comments yet" />
      ) : (
        <>
          <ol className="comments" aria-label="Comments">
            {comments.items.map((c) => (
              <li key={c.id} className="comment">
                <p className="comment-meta small">
                  <strong>{c.author}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
                  {c.source !== 'paved' ? <span className="muted"> · from {c.source}</span> : null}
                </p>
                <MarkdownText text={c.body} />
              </li>
            ))}
          </ol>
          {comments.hasNextPage ? (
            <LoadMore
              hasNextPage={comments.hasNextPage}
              isFetchingNextPage={comments.isFetchingNextPage}
              fetchNextPage={comments.fetchNextPage}
              shown={comments.items.length}
            />
          ) : null}
        </>
      )}
      {canWrite ? (
        <form className="form comment-form" onSubmit={submit} aria-label="Add a comment">
          <Field
            id={`comment-${kind}-${id}`}
            label="Add a comment"
            error={problems.body ?? (add.error && !problems.body ? add.error.message : undefined)}
            help="Markdown: **bold**, `code`, [links](https://…), - lists."
          >
            {(props) => <textarea {...props} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <div className="row">
            <button type="submit" className="button button-primary" disabled={add.isPending || !text.trim()}>
              {add.isPending ? 'Sending…' : 'Comment'}
            </button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
