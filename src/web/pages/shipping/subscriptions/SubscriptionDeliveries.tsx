import { ErrorState } from '../../../components/ErrorState.js';
import { Loading } from '../../../components/Loading.js';
import { useSubscriptionDeliveries } from '../../../hooks/queries/use-subscription-deliveries.js';
import { formatDateTime } from '../../../lib/format.js';

const STATUS_WORDS = { pending: 'sending', delivered: 'delivered', failed: 'failed' } as const;

/** The latest announcements of one subscription, each with every attempt: when, the answer, how long it took. */
export function SubscriptionDeliveries({ id }: { id: number }) {
  const deliveries = useSubscriptionDeliveries(id, true);
  if (deliveries.isPending) return <Loading variant="table" count={2} label="Loading deliveries" />;
  if (deliveries.error)
    return <ErrorState error={deliveries.error} retry={() => void deliveries.refetch()} what="deliveries" />;
  if (deliveries.data.items.length === 0) return <p className="muted small">No release has been announced here yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact" aria-label="Recent deliveries">
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.items.map((d) => (
            <tr key={d.id}>
              <td>
                {d.release.capability ?? 'unmapped'} {d.release.version}
                {d.release.title ? <span className="muted"> · {d.release.title}</span> : null}
              </td>
              <td>
                {STATUS_WORDS[d.status]}
                {d.status === 'pending' && d.nextAttemptAt ? (
                  <span className="muted small"> · next try {formatDateTime(d.nextAttemptAt)}</span>
                ) : null}
                {d.status === 'delivered' && d.deliveredAt ? (
                  <span className="muted small"> · {formatDateTime(d.deliveredAt)}</span>
                ) : null}
              </td>
              <td>
                {d.attempts.length === 0 ? (
                  <span className="muted small">none yet</span>
                ) : (
                  <ol className="attempts">
                    {d.attempts.map((a, i) => (
                      <li key={i}>
                        {formatDateTime(a.at)} · <strong>{a.statusCode ?? 'no answer'}</strong> · {a.latencyMs} ms
                        {a.error ? <span className="muted"> · {a.error}</span> : null}
                        {a.responseExcerpt ? <code className="excerpt">{a.responseExcerpt}</code> : null}
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
