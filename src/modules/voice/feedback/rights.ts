import { assertAdministers, assertWritesFor } from '../../../http/access.js';
import { forbidden } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import type { FeedbackKind } from '../../../db/schema/voice.js';
import type { NewFeedback } from './contract.js';
import type { ResolvedRefs } from './resolve-refs.js';

/**
 * What only the platform side knows or decides: a bug acknowledged or fixed, a support request answered or
 * resolved, a request planned, done or declined and its RICE estimates. Every other field is the team's voice.
 */
export const PLATFORM_FIELDS: Record<FeedbackKind, readonly string[]> = {
  pain: [],
  request: ['status', 'closedAt', 'impact', 'confidence', 'effort'],
  bug: ['acknowledgedAt', 'fixedAt'],
  support: ['firstResponseAt', 'resolvedAt'],
};

/**
 * Who may write an item: a member writes the voice of their own teams (an organisation admin for any); what only the
 * platform side knows needs a member of the platform team that owns the capability or was asked.
 */
export function assertMayCreate(principal: Principal, item: NewFeedback, refs: ResolvedRefs): void {
  if (refs.team) assertWritesFor(principal, refs.team.ref);
  else if (!principal.orgAdmin && item.kind !== 'bug') throw forbidden('an item needs a team you belong to');
  if (platformFieldsSet(item)) assertAdministers(principal, platformOwner(refs));
}

/**
 * Who may change an item: its team's members change its voice (and may move it to another of their teams); the
 * platform team answerable for it changes the platform fields. An item without a team (an issue author Paved could
 * not place) is triaged by that platform team, which may then give it a team.
 */
export function assertMayChange(
  principal: Principal,
  kind: FeedbackKind,
  before: ResolvedRefs,
  after: ResolvedRefs,
  changed: string[],
): void {
  const platform = changed.filter((f) => PLATFORM_FIELDS[kind].includes(f));
  const voice = changed.filter((f) => !PLATFORM_FIELDS[kind].includes(f) && f !== 'status');
  if (voice.length > 0) {
    if (!before.team) assertAdministers(principal, platformOwner(before));
    else {
      assertWritesFor(principal, before.team.ref);
      if (after.team && after.team.ref !== before.team.ref) assertWritesFor(principal, after.team.ref);
    }
  }
  if (platform.length > 0) assertAdministers(principal, platformOwner(after));
}

/** Comments: the item's team's members and the platform team answerable for it (organisation admins too). */
export function assertMayComment(principal: Principal, refs: ResolvedRefs): void {
  if (principal.orgAdmin || isPlatformSide(principal, refs)) return;
  if (refs.team) return assertWritesFor(principal, refs.team.ref);
  assertAdministers(principal, platformOwner(refs));
}

/** The caller belongs to the platform team answerable for the item. */
export function isPlatformSide(principal: Principal, refs: ResolvedRefs): boolean {
  const owner = platformOwner(refs);
  return owner !== null && principal.teams.includes(owner);
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
