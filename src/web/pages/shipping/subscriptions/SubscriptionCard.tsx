import { useState } from 'react';
import type { Subscription } from '../../../api/subscription-types.js';
import { Badge } from '../../../components/Badge.js';
import { useDeleteSubscription } from '../../../hooks/queries/use-delete-subscription.js';
import { useResumeSubscription } from '../../../hooks/queries/use-resume-subscription.js';
import { formatDateTime } from '../../../lib/format.js';
import { filterText, KIND_LABELS } from './labels.js';
import { SubscriptionDeliveries } from './SubscriptionDeliveries.js';

/** One destination: where, which releases, its state, its counts, and its recent deliveries on demand. */
export function SubscriptionCard({ subscription: s }: { subscription: Subscription }) {
  const remove = useDeleteSubscription();
  const resume = useResumeSubscription();
  const [open, setOpen] = useState(false);
  const label = s.name ?? s.host;
  const error = remove.error ?? resume.error;
  return (
    <article className="card subscription" aria-label={`Subscription ${label}`}>
      <div className="row subscription-head">
        <h3>{label}</h3>
        <Badge tone="neutral">{KIND_LABELS[s.kind]}</Badge>
        {s.state === 'paused' ? <Badge tone="danger">paused</Badge> : <Badge tone="success">active</Badge>}
      </div>
      <p className="small">
        To <code>{s.host}</code> · {filterText(s.filter)}
      </p>
      {s.state === 'paused' ? (
        <p className="alert alert-warning" role="status">
          Paused {formatDateTime(s.pausedAt)}: {s.pauseReason}. Nothing is sent here until it is resumed; resuming sends
          its failed announcements again.
        </p>
      ) : null}
      <p className="muted small">
        {s.counts.delivered} delivered, {s.counts.pending} being sent or waiting for a retry, {s.counts.failed} failed
        after every retry (a failed announcement is retried with growing waits for about a day).
        {s.lastDeliveredAt ? ` Last delivered ${formatDateTime(s.lastDeliveredAt)}.` : ''}
      </p>
      <div className="row">
        <button type="button" className="button button-small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide deliveries' : 'Recent deliveries'}
        </button>
        {s.state === 'paused' ? (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={resume.isPending}
            onClick={() => resume.mutate(s.id)}
          >
            Resume
          </button>
        ) : null}
        <button
          type="button"
          className="button button-small button-danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Stop announcing to ${label}? Its delivery log goes with it.`)) remove.mutate(s.id);
          }}
        >
          Delete
        </button>
      </div>
      {error ? (
        <p className="alert alert-danger" role="alert">
          {error.message}
        </p>
      ) : null}
      {open ? <SubscriptionDeliveries id={s.id} /> : null}
    </article>
  );
}
