import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { useMe } from '../hooks/queries/use-me.js';
import { ErrorState } from './ErrorState.js';
import { Loading } from './Loading.js';

/** Shows its children to a signed-in person; anyone else goes to the sign-in page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  // A 401 wins over cached data: the session may have ended while the page was open.
  if (me.error instanceof ApiError && me.error.unauthenticated) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data) return <>{children}</>;
  if (me.error) {
    return (
      <div className="center-page">
        <ErrorState error={me.error} retry={() => void me.refetch()} />
      </div>
    );
  }
  return (
    <div className="center-page">
      <Loading label="Checking your session" />
    </div>
  );
}
