import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useAttention } from '../../hooks/queries/use-attention.js';
import { formatNumber, plural } from '../../lib/format.js';

function Item({ n, testId, children }: { n: number; testId: string; children: ReactNode }) {
  return (
    <li className={n > 0 ? 'attention-item attention-open' : 'attention-item'} data-testid={testId}>
      <span className="attention-count">{formatNumber(n)}</span> {children}
    </li>
  );
}

/** What the platform team should act on: facts no service claims, failed deliveries, stale or failed scans. */
export function HomeAttention() {
  const query = useAttention();
  if (query.isPending) return <Loading count={3} label="Loading what needs attention" />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} what="attention" />;
  const a = query.data;
  const open = a.unmappedFacts + a.failedDeliveries + a.staleScans + a.failedScans;
  return (
    <>
      {open === 0 ? (
        <p className="muted">Nothing needs attention: every fact maps to a service and scans are fresh.</p>
      ) : null}
      <ul className="attention-list">
        <Item n={a.unmappedFacts} testId="attention-unmapped">
          {a.unmappedFacts === 1 ? 'fact' : 'facts'} from{' '}
          {plural(a.unmappedNames, 'repository or service', 'repositories or services')} map to no service:{' '}
          <Link to="/unmapped">map them</Link>
        </Item>
        <Item n={a.failedDeliveries} testId="attention-failed-deliveries">
          webhook {a.failedDeliveries === 1 ? 'delivery' : 'deliveries'} failed to derive:{' '}
          <Link to="/unmapped">see why and reprocess</Link>
        </Item>
        <Item n={a.staleScans} testId="attention-stale-scans">
          of {plural(a.repositories, 'repository', 'repositories')} not scanned in the last 7 days:{' '}
          <Link to="/repositories?state=stale">see which</Link>, then <code>paved scan</code> them
        </Item>
        <Item n={a.failedScans} testId="attention-failed-scans">
          {a.failedScans === 1 ? 'repository' : 'repositories'} whose last scan failed:{' '}
          <Link to="/repositories?state=failed">see why</Link>
        </Item>
      </ul>
    </>
  );
}
