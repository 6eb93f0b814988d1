import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.js';
import { useService } from '../../hooks/queries/use-service.js';
import { useTeam } from '../../hooks/queries/use-team.js';
import type { Scope } from '../../lib/delivery-scope.js';
import { parseRef } from '../../lib/refs.js';

/** Whether the catalog knows the scope's team or service: true, false (it answered 404), or null while asking. */
type Known = (known: boolean | null) => ReactNode;

const known = (q: { isPending: boolean; error: unknown }) =>
  q.error instanceof ApiError && q.error.status === 404 ? false : q.isPending ? null : true;

function TeamKnown({ name, children }: { name: string; children: Known }) {
  const ref = parseRef(name);
  return children(known(useTeam(ref.name, ref.namespace)));
}

function ServiceKnown({ name, children }: { name: string; children: Known }) {
  const ref = parseRef(name);
  return children(known(useService(ref.name, ref.namespace)));
}

/** Renders `children` with whether the scope exists; the organisation always does. */
export function ScopeKnown({ scope, children }: { scope: Scope; children: Known }) {
  if (scope.kind === 'org') return children(true);
  return scope.kind === 'team' ? (
    <TeamKnown name={scope.name}>{children}</TeamKnown>
  ) : (
    <ServiceKnown name={scope.name}>{children}</ServiceKnown>
  );
}
