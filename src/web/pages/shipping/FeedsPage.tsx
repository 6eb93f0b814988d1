import { useState, type FormEvent } from 'react';
import type { IssuedFeedToken } from '../../api/shipping-feed-types.js';
import { Card } from '../../components/Card.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCreateFeedToken, useFeedTokens, useRevokeFeedToken } from '../../hooks/queries/use-feed-tokens.js';
import { useFeeds } from '../../hooks/queries/use-feeds.js';
import { useMe } from '../../hooks/queries/use-me.js';
import { formatDateTime } from '../../lib/format.js';

function NewFeedToken({ onIssued }: { onIssued: (t: IssuedFeedToken) => void }) {
  const create = useCreateFeedToken();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate(name.trim(), { onSuccess: (t) => (onIssued(t), setName('')) });
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <div className="field">
        <label htmlFor="feed-token-name">New feed token</label>
        <input
          id="feed-token-name"
          value={name}
          maxLength={100}
          placeholder="my feed reader"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={create.isPending || !name.trim()}>
        Create feed token
      </button>
      {create.error ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}

function FeedTokens() {
  const tokens = useFeedTokens(true);
  const revoke = useRevokeFeedToken();
  if (tokens.isPending) return <Loading variant="table" count={2} label="Loading your feed tokens" />;
  if (tokens.error) return <ErrorState error={tokens.error} retry={() => void tokens.refetch()} what="feed tokens" />;
  if (tokens.data.items.length === 0) return <p className="muted">No feed tokens yet.</p>;
  return (
    <table className="table" aria-label="Your feed tokens">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Last read</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.data.items.map((t) => (
          <tr key={t.id}>
            <td>{t.name}</td>
            <td>{formatDateTime(t.createdAt)}</td>
            <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
            <td>
              <button
                type="button"
                className="button button-small"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(t.id)}
                aria-label={`Revoke ${t.name}`}
              >
                Revoke
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Feed tokens, and every feed's Atom and JSON Feed address, filled in with a token just made. */
export function FeedsPage() {
  const me = useMe().data;
  const feeds = useFeeds();
  const [issued, setIssued] = useState<IssuedFeedToken | null>(null);
  const fill = (url: string) => (issued ? url.replace('{token}', encodeURIComponent(issued.token)) : url);
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Feeds"
        subtitle="Follow releases in a feed reader (Atom or JSON Feed): all of them, one capability’s, or your team’s what’s new. A feed reader cannot sign in, so each feed address carries a feed token: it can only read feeds, and revoking it stops every address that uses it."
      />
      {me?.person ? (
        <Card title="Your feed tokens">
          <NewFeedToken onIssued={setIssued} />
          {issued ? (
            <div className="alert" role="status" data-testid="issued-feed-token">
              <p>
                Feed token “{issued.name}” created. The addresses below now carry it: copy them now, it is shown this
                once and Paved keeps only its hash.
              </p>
              <code className="secret">{issued.token}</code> <CopyButton text={issued.token} label="Copy token" />
            </div>
          ) : null}
          <FeedTokens />
        </Card>
      ) : (
        <p className="muted">Feed tokens belong to a person in the catalog; you are signed in as {me?.name}.</p>
      )}
      <Card title="Feeds you may read">
        {!issued ? (
          <p className="muted">
            Replace {'{token}'} in an address with a feed token (create one above to fill them in).
          </p>
        ) : null}
        {feeds.isPending ? (
          <Loading variant="table" count={3} label="Loading feeds" />
        ) : feeds.error ? (
          <ErrorState error={feeds.error} retry={() => void feeds.refetch()} what="feeds" />
        ) : feeds.data.items.length === 0 ? (
          <EmptyState compact title="No feeds" />
        ) : (
          <table className="table table-compact" aria-label="Feeds">
            <thead>
              <tr>
                <th scope="col">Feed</th>
                <th scope="col">Atom</th>
                <th scope="col">JSON Feed</th>
              </tr>
            </thead>
            <tbody>
              {feeds.data.items.map((f) => (
                <tr key={`${f.kind} ${f.name ?? ''}`}>
                  <td>{f.title}</td>
                  <td>
                    <CopyButton text={fill(f.atom)} label="Copy Atom address" />
                  </td>
                  <td>
                    <CopyButton text={fill(f.json)} label="Copy JSON Feed address" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
