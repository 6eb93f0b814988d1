import { useState, type FormEvent } from 'react';
import type { IssuedToken, TokenInfo } from '../../api/types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCreateMyToken } from '../../hooks/queries/use-create-my-token.js';
import { useMe } from '../../hooks/queries/use-me.js';
import { useMyTokens } from '../../hooks/queries/use-my-tokens.js';
import { useRevokeToken } from '../../hooks/queries/use-revoke-token.js';
import { useTokens } from '../../hooks/queries/use-tokens.js';
import { formatDateTime } from '../../lib/format.js';

function TokenTable({ items, own, label }: { items: TokenInfo[]; own: boolean; label: string }) {
  const revoke = useRevokeToken();
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">{own ? 'Scopes' : 'Role'}</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{own ? t.scopes.join(' ') || '-' : [t.role, t.team, ...t.scopes].filter(Boolean).join(' · ')}</td>
              <td>{formatDateTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
              <td>{t.revokedAt ? 'revoked' : 'active'}</td>
              <td>
                {t.revokedAt ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate({ id: t.id, own })}
                    aria-label={`Revoke ${t.name}`}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoke.error ? (
        <p className="alert alert-danger" role="alert">
          {revoke.error.message}
        </p>
      ) : null}
    </div>
  );
}

function NewToken() {
  const create = useCreateMyToken();
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setIssued(token);
        setName('');
      },
    });
  };
  return (
    <section aria-label="Create a personal token" className="card">
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor="token-name">New token</label>
          <input
            id="token-name"
            value={name}
            maxLength={100}
            placeholder="laptop, ci-scripts…"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending || !name.trim()}>
          Create token
        </button>
      </form>
      {create.error ? (
        <p className="alert alert-danger" role="alert">
          {create.error.message}
        </p>
      ) : null}
      {issued ? (
        <div className="alert" role="status" data-testid="issued-token">
          <p>Token “{issued.name}” created. Copy it now: it is shown this once, and Paved keeps only its hash.</p>
          <code className="secret">{issued.token}</code> <CopyButton text={issued.token} label="Copy token" />
        </div>
      ) : null}
    </section>
  );
}

/** One's own personal tokens (they act as oneself, with one's rights); organisation admins also see service tokens. */
export function TokensPage() {
  const me = useMe().data;
  const isPerson = Boolean(me?.person);
  const mine = useMyTokens(isPerson);
  const all = useTokens(me?.orgAdmin === true);
  const service = all.data?.items.filter((t) => t.person === null) ?? [];
  const others = all.data?.items.filter((t) => t.person !== null && t.person !== me?.person) ?? [];
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Tokens"
        subtitle="A personal token acts as you, with your rights in the catalog, for scripts and the CLI. It stops when you leave the catalog or revoke it."
      />
      {isPerson ? (
        <>
          <NewToken />
          <h2>Your tokens</h2>
          {mine.isPending ? (
            <Loading variant="table" count={2} label="Loading your tokens" />
          ) : mine.error ? (
            <ErrorState error={mine.error} retry={() => void mine.refetch()} what="your tokens" />
          ) : mine.data.items.length === 0 ? (
            <EmptyState title="No personal tokens yet">Create one above for a script or the CLI.</EmptyState>
          ) : (
            <TokenTable items={mine.data.items} own label="Your tokens" />
          )}
        </>
      ) : (
        <p className="muted">
          Personal tokens belong to a person in the catalog; you are signed in as {me?.name}, which is not one.
        </p>
      )}
      {me?.orgAdmin ? (
        all.isPending ? (
          <Loading variant="table" count={3} label="Loading service tokens" />
        ) : all.error ? (
          <ErrorState error={all.error} retry={() => void all.refetch()} what="tokens" />
        ) : (
          <>
            <h2>Service tokens</h2>
            <p className="muted">For automation; they act with their own role, not as a person.</p>
            <TokenTable items={service} own={false} label="Service tokens" />
            {others.length > 0 ? (
              <>
                <h2>Other people’s tokens</h2>
                <TokenTable items={others} own={false} label="Other people’s tokens" />
              </>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
