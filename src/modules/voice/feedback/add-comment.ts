import type { Db } from '../../../db/schema/index.js';
import type { FeedbackKind } from '../../../db/schema/voice.js';
import { inTransaction } from '../../../db/transaction.js';
import { notFound } from '../../../http/errors.js';
import type { Principal } from '../../../http/router.js';
import { diffFields, recordAudit } from '../../audit/service.js';
import { statusOf, TIME_FIELDS } from './columns.js';
import { AUDIT_KIND, KIND_LABEL } from './create-item.js';
import { findItemForUpdate, insertComment, updateItem, type CommentRow } from './repo.js';
import { refsOfItem } from './resolve-refs.js';
import { assertMayComment, isPlatformSide } from './rights.js';

/**
 * Adds a comment. As with issues on GitHub, the first comment by a member of the platform team answerable for an
 * open bug or support request acknowledges it or is its first response.
 */
export async function addComment(
  db: Db,
  principal: Principal,
  kind: FeedbackKind,
  id: number,
  text: string,
): Promise<CommentRow> {
  return inTransaction(db, async (tx) => {
    const item = await findItemForUpdate(tx, kind, id);
    if (!item) throw notFound(`${KIND_LABEL[kind]} ${id}`);
    const refs = await refsOfItem(tx, item);
    assertMayComment(principal, refs);
    const comment = await insertComment(tx, {
      item_id: id,
      author_ref: principal.person,
      author_name: principal.name,
      body: text,
    });
    const entity = { kind: AUDIT_KIND[kind], id, ref: item.capability_ref ?? item.team_ref };
    await recordAudit(tx, principal, {
      action: 'comment',
      entity,
      summary: `Commented on ${KIND_LABEL[kind]} ${id} "${item.title}"`,
      changes: diffFields(null, { comment: Number(comment.id), body: text }),
    });
    const responded = TIME_FIELDS[kind].responded;
    if (responded && !item.responded_at && !item.closed_at && isPlatformSide(principal, refs)) {
      const at = new Date(comment.created_at);
      const status = statusOf(kind, { responded: at, closed: null });
      await updateItem(tx, id, { responded_at: at, status });
      await recordAudit(tx, principal, {
        action: 'update',
        entity,
        summary: `${KIND_LABEL[kind]} ${id} ${status} by the first comment of its platform team`,
        changes: diffFields({ [responded]: null, status: item.status }, { [responded]: at.toISOString(), status }),
      });
    }
    return comment;
  });
}
