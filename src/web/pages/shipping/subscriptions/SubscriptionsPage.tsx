import { useState } from 'react';
import type { CreatedSubscription } from '../../../api/subscription-types.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useSubscriptions } from '../../../hooks/queries/use-subscriptions.js';
import { NewSubscription } from './NewSubscription.js';
import { SubscriptionCard } from './SubscriptionCard.js';

function SecretOnce({ created, onDone }: { created: CreatedSubscription; onDone: () => void }) {
  if (!created.secret) return null;
  return (
    <div className="alert alert-warning" role="status" data-testid="signing-secret">
      <p>
        <strong>Copy the signing secret now: it is shown this once.</strong> Your endpoint verifies each request with it
        (webhook-signature header, Standard Webhooks). Paved keeps it encrypted and never shows it again; to change it,
        delete this subscription and add a new one.
      </p>
      <div className="row">
        <code className="secret">{created.secret}</code>
        <CopyButton text={created.secret} label="Copy secret" />
        <button type="button" className="button button-small" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}

/** Where releases are announced: Slack and Teams channels and signed webhooks, with how each delivery went. */
export function SubscriptionsPage() {
  const list = useSubscriptions();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedSubscription | null>(null);
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Announcements"
        subtitle="Each new release is announced to every subscription whose filter it matches. A destination that keeps failing is retried for about a day, and paused after that or after 2 days without a delivery."
        actions={
          <button type="button" className="button button-primary" onClick={() => setAdding(!adding)}>
            {adding ? 'Close' : 'Add subscription'}
          </button>
        }
      />
      {created ? <SecretOnce created={created} onDone={() => setCreated(null)} /> : null}
      {adding ? (
        <NewSubscription
          onCreated={(c) => {
            setCreated(c);
            setAdding(false);
          }}
        />
      ) : null}
      {list.isPending ? (
        <Loading variant="table" count={3} label="Loading subscriptions" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="subscriptions" />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No subscriptions yet">
          Add a Slack or Teams channel, or a webhook, to announce releases there.
        </EmptyState>
      ) : (
        <div className="stack">
          {list.data.items.map((s) => (
            <SubscriptionCard key={s.id} subscription={s} />
          ))}
        </div>
      )}
    </div>
  );
}
