import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import type { Scope } from '../../lib/delivery-scope.js';

/** A team or service the catalog does not know: said plainly, with the way to the ones it knows. */
export function UnknownScope({ scope, what: numbers }: { scope: Exclude<Scope, { kind: 'org' }>; what: string }) {
  const what = scope.kind === 'team' ? 'team' : 'service';
  return (
    <EmptyState title={`Unknown ${what}: ${scope.name}`}>
      <p data-testid="unknown-scope">
        No {what} named <code>{scope.name}</code> is in the catalog, so there are no {numbers} for it. Pick one of the{' '}
        <Link to={scope.kind === 'team' ? '/teams' : '/services'}>{what}s Paved knows</Link>, or import the catalog that
        describes it.
      </p>
    </EmptyState>
  );
}
