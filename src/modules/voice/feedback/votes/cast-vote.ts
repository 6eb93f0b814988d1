import type { Db } from '../../../../db/schema/index.js';
import { inTransaction } from '../../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../../http/errors.js';
import type { Principal } from '../../../../http/router.js';
import { diffFields, recordAudit } from '../../../audit/service.js';
import { isClosedRequestStatus } from '../columns.js';
import { AUDIT_KIND } from '../create-item.js';
import { findItemForUpdate } from '../repo.js';
import { deleteVote, insertVote, touchRequest } from './repo.js';

/** Votes belong to people: a service token acts for nobody, so it cannot vote. */
function voter(principal: Principal): string {
  if (!principal.person)
    throw forbidden(
      'votes are cast by a person, one each: sign in, or use a personal token (this token acts for no person)',
    );
  return principal.person;
}

/**
 * Casts the caller's vote, keeping their teams as they are now: reach counts the teams a person had when they
 * voted. A second vote counts once: nothing is stored again, and the audit trail says it changed nothing.
 * Returns whether a vote was added.
 */
export async function castVote(db: Db, principal: Principal, requestId: number): Promise<boolean> {
  const person = voter(principal);
  return inTransaction(db, async (tx) => {
    const request = await findItemForUpdate(tx, 'request', requestId);
    if (!request) throw notFound(`request ${requestId}`);
    if (isClosedRequestStatus(request.status))
      throw new AppError('CONFLICT', `request ${requestId} is ${request.status}: it takes no more votes`);
    const added = await insertVote(tx, requestId, person, principal.teams);
    if (added) await touchRequest(tx, requestId);
    await recordAudit(tx, principal, {
      action: 'vote',
      entity: { kind: AUDIT_KIND.request, id: requestId, ref: request.capability_ref ?? request.team_ref },
      summary: added
        ? `${principal.name} voted for request ${requestId} "${request.title}"`
        : `${principal.name} voted again for request ${requestId}: counted once, nothing changed`,
      changes: added ? diffFields(null, { voter: person, teams: principal.teams }) : {},
    });
    return added;
  });
}

/** Withdraws the caller's vote; withdrawing one that is not there changes nothing. Returns whether one was removed. */
export async function withdrawVote(db: Db, principal: Principal, requestId: number): Promise<boolean> {
  const person = voter(principal);
  return inTransaction(db, async (tx) => {
    const request = await findItemForUpdate(tx, 'request', requestId);
    if (!request) throw notFound(`request ${requestId}`);
    const teams = await deleteVote(tx, requestId, person);
    if (teams) await touchRequest(tx, requestId);
    await recordAudit(tx, principal, {
      action: 'unvote',
      entity: { kind: AUDIT_KIND.request, id: requestId, ref: request.capability_ref ?? request.team_ref },
      summary: teams
        ? `${principal.name} withdrew their vote for request ${requestId} "${request.title}"`
        : `${principal.name} withdrew a vote for request ${requestId} they had not cast: nothing changed`,
      changes: teams ? diffFields({ voter: person, teams }, null) : {},
    });
    return teams !== null;
  });
}
