import type { Fact } from '../../../../connectors/facts.js';
import type { Db } from '../../../../db/schema/index.js';
import type { FeedbackRow } from '../../../../db/schema/voice.js';
import { statusOf } from '../columns.js';
import { changedColumns, type IssueFact, issueRow } from './issue-row.js';
import * as repo from './repo.js';

type CommentFact = Extract<Fact, { kind: 'issueComment' }>;

/**
 * Writes what issue and comment events say about feedback, in the order they arrived, inside the derivation's
 * transaction. Keyed by the issue (and the comment), so deriving an event again changes nothing.
 */
export async function writeIssueFeedback(db: Db, facts: Fact[]): Promise<void> {
  for (const fact of facts) {
    if (fact.kind === 'issue') await applyIssue(db, fact);
    else if (fact.kind === 'issueComment') await applyComment(db, fact);
  }
}

async function applyIssue(db: Db, issue: Extract<Fact, { kind: 'issue' }>, again = false): Promise<void> {
  const existing = await repo.itemByExternalId(db, issue.source, issue.externalId);
  if (issue.feedbackKind === null) {
    // The last feedback label went (or the issue was deleted): it is not feedback any more.
    if (existing) await repo.deleteItem(db, existing.id);
    return;
  }
  const placed = {
    capability: await repo.capabilityByRepository(db, issue.source, issue.repository),
    author: issue.author ? await repo.personByLogin(db, issue.source, issue.author) : null,
  };
  const row = issueRow(issue as IssueFact, existing, placed);
  if (!existing) {
    // Another worker's derivation of the same issue may have inserted it meanwhile: then update that one.
    if (!(await repo.insertItem(db, row)) && !again) await applyIssue(db, issue, true);
    return;
  }
  row.responded_at = await responseTime(db, { ...existing, ...row } as FeedbackRow, existing.id);
  row.status = statusOf(issue.feedbackKind, { responded: row.responded_at, closed: issue.closedAt }, row.status);
  const changes = changedColumns(existing, row);
  if (Object.keys(changes).length > 0) await repo.updateItem(db, existing.id, changes);
}

/**
 * Acknowledged (a bug) or first response (a support request): the first comment by a member of the platform team
 * answerable for it (the capability's owner, or the team asked). Pains and requests have no such time.
 */
async function responseTime(db: Db, item: FeedbackRow, id: number): Promise<Date | null> {
  if (item.kind !== 'bug' && item.kind !== 'support') return null;
  const owner = await repo.ownerRefOf(db, item);
  return owner ? repo.firstOwnerComment(db, id, owner, item.author_ref) : null;
}

async function applyComment(db: Db, comment: CommentFact): Promise<void> {
  const item = await repo.itemByExternalId(db, comment.source, comment.issueExternalId);
  if (!item) return; // the issue is not feedback (its issue fact, just before, said so)
  if (comment.deleted) await repo.deleteComment(db, comment.source, comment.externalId);
  else {
    const person = comment.author ? await repo.personByLogin(db, comment.source, comment.author) : null;
    await repo.upsertComment(db, {
      item_id: item.id,
      author_ref: person?.ref ?? null,
      author_name: person?.name ?? comment.author ?? 'unknown',
      body: comment.body,
      created_at: comment.createdAt,
      source: comment.source,
      external_id: comment.externalId,
    });
  }
  const responded = await responseTime(db, item, item.id);
  const status = statusOf(item.kind, { responded, closed: item.closed_at }, item.status);
  const changes = changedColumns(item, { ...item, responded_at: responded, status });
  if (Object.keys(changes).length > 0) await repo.updateItem(db, item.id, changes);
}
