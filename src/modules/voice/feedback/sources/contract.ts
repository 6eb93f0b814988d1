import { z } from '@hono/zod-openapi';
import { safeText } from '../../../../http/safe-text.js';
import { MAX_UPLOAD_BYTES } from '../../../imports/contract.js';

const kind = z.enum(['pain', 'request', 'bug', 'support']);

/** POST /imports/feedback as JSON: the file's text (and where it came from, for the audit trail). */
export const feedbackImportBody = z
  .strictObject({
    csv: safeText(MAX_UPLOAD_BYTES, 1),
    source: safeText(200, 1).optional(),
  })
  .openapi('FeedbackImportBody');

export const feedbackImportResult = z
  .object({
    created: z.number().int(),
    byKind: z.object({
      pain: z.number().int(),
      request: z.number().int(),
      bug: z.number().int(),
      support: z.number().int(),
    }),
  })
  .openapi('FeedbackImportResult');

export const unplacedItem = z
  .object({
    kind,
    id: z.number().int(),
    title: z.string(),
    status: z.string(),
    source: z.enum(['paved', 'csv', 'github', 'gitlab']),
    team: z.string().nullable(),
    capability: z.string().nullable(),
    /** What keeps it from its place: `team` (no customer team), `capability` (an issue on a repository no capability names). */
    missing: z.array(z.enum(['team', 'capability'])),
    authorName: z.string().nullable(),
    externalId: z.string().nullable(),
    externalUrl: z.string().nullable(),
    externalRepository: z.string().nullable(),
    externalAuthor: z.string().nullable(),
    openedAt: z.string(),
  })
  .openapi('UnplacedFeedback');

export const unplacedList = z
  .object({ items: z.array(unplacedItem), nextCursor: z.string().nullable() })
  .openapi('UnplacedFeedbackList');

export type UnplacedItem = z.infer<typeof unplacedItem>;
