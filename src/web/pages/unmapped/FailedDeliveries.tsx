import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { LoadMore } from '../../components/LoadMore.js';
import { useDeliveries } from '../../hooks/queries/use-deliveries.js';
import { useReprocess } from '../../hooks/queries/use-reprocess.js';
import { formatDateTime, plural } from '../../lib/format.js';

/** Webhook deliveries Paved stored but could not derive facts from, with the reason; admins can reprocess them. */
export function FailedDeliveries({ admin }: { admin: boolean }) {
  const list = useDeliveries({ status: 'failed' });
  const reprocess = useReprocess();
  const actions =
    admin && list.items.length > 0 ? (
      <button
        type="button"
        className="button"
        onClick={() => reprocess.mutate('failed')}
        disabled={reprocess.isPending}
      >
        {reprocess.isPending ? 'Queuing…' : 'Reprocess failed'}
      </button>
    ) : undefined;

  return (
    <Card title="Failed webhook deliveries" actions={actions} className="failed-deliveries">
      <p className="muted small">
        Stored as received and kept: once the cause is fixed (a Paved update, a configuration change), reprocessing
        derives their facts again.
      </p>
      {reprocess.data ? (
        <p className="alert alert-success" role="status">
          Queued {plural(reprocess.data.queued, 'delivery', 'deliveries')} for reprocessing; this list updates when the
          job has run.{' '}
          <button type="button" className="button button-small" onClick={() => void list.refetch()}>
            Refresh
          </button>
        </p>
      ) : null}
      {reprocess.error ? <ErrorState error={reprocess.error} /> : null}
      {list.isPending ? (
        <Loading variant="table" count={3} label="Loading failed deliveries" />
      ) : list.error ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} what="failed deliveries" />
      ) : list.items.length === 0 ? (
        <EmptyState compact title="No failed delivery">
          <p>Every webhook delivery received so far was derived or deliberately ignored.</p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table failed-deliveries-table">
              <caption className="visually-hidden">Failed webhook deliveries</caption>
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Source</th>
                  <th scope="col">Event</th>
                  <th scope="col">Delivery id</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((d) => (
                  <tr key={d.id} data-delivery={d.deliveryId}>
                    <td className="nowrap">{formatDateTime(d.receivedAt)}</td>
                    <td>{d.source}</td>
                    <td className="mono">{d.event}</td>
                    <td className="mono break">{d.deliveryId}</td>
                    <td className="break" data-cell="reason">
                      {d.error ?? <span className="muted">no reason recorded</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={list.items.length}
          />
        </>
      )}
    </Card>
  );
}
