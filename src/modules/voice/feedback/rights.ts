import { assertAdministers, assertWritesFor } from '../../../http/access.js';
import { forbidden } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import type { NewFeedback } from './contract.js';
import type { ResolvedRefs } from './resolve-refs.js';

/**
 * Who may write an item: a member writes the voice of their own teams (an organisation admin for any); what only the
 * platform side knows (a bug acknowledged or fixed, a support request answered or resolved, a request planned,
 * done or declined) needs a member of the platform team that owns the capability or was asked.
 */
export function assertMayCreate(principal: Principal, item: NewFeedback, refs: ResolvedRefs): void {
  if (refs.team) assertWritesFor(principal, refs.team.ref);
  else if (!principal.orgAdmin && item.kind !== 'bug') throw forbidden('an item needs a team you belong to');
  if (platformFieldsSet(item)) assertAdministers(principal, platformOwner(refs));
}

/** The platform team answerable for an item: a capability's owner, or the platform team a request went to. */
export function platformOwner(refs: ResolvedRefs): string | null {
  return refs.platformTeam?.ref ?? refs.capability?.owner_ref ?? null;
}

function platformFieldsSet(item: NewFeedback): boolean {
  switch (item.kind) {
    case 'pain':
      return false;
    case 'request':
      return (item.input.status ?? 'open') !== 'open' || Boolean(item.input.closedAt);
    case 'bug':
      return Boolean(item.input.acknowledgedAt ?? item.input.fixedAt);
    case 'support':
      return Boolean(item.input.firstResponseAt ?? item.input.resolvedAt);
  }
}
