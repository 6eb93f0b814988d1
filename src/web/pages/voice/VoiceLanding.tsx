import { Navigate } from 'react-router-dom';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useMe } from '../../hooks/queries/use-me.js';

/** `/voice`: the inbox for the platform side, "My team" for a customer team's member. */
export function VoiceLanding() {
  const me = useMe();
  if (me.isPending) return <Loading label="Loading" />;
  if (me.error) return <ErrorState error={me.error} retry={() => void me.refetch()} />;
  return <Navigate to={me.data.role === 'admin' ? '/voice/inbox' : '/voice/team'} replace />;
}
