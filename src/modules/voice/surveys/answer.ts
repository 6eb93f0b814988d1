import type { Kysely } from 'kysely';
import type { Database, Db } from '../../../db/schema/index.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../http/errors.js';
import { isoOrNull as iso } from '../../../http/openapi.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit } from '../../audit/service.js';
import { csatQuestion, NPS_QUESTION, type AnswerInput, type Questions } from './contract.js';
import { hashToken } from './links.js';
import * as repo from './repo.js';
import { isClosed } from './views.js';

/** The invitation a link's token names, refused when unknown (404) or when its wave is closed or past (410). */
async function openInvitation(db: Db, token: string) {
  const invitation = await repo.findInvitationByHash(db, hashToken(token));
  if (!invitation)
    throw new AppError(
      'NOT_FOUND',
      'this survey link is not known: check that it was copied whole, or ask for a new one',
    );
  if (isClosed(invitation)) {
    const when =
      invitation.status === 'open' && invitation.closes_at ? ` on ${iso(invitation.closes_at)?.slice(0, 10)}` : '';
    throw new AppError('GONE', `the survey "${invitation.title}" closed${when}; answers are no longer taken`, {
      reason: invitation.status === 'closed' ? 'closed' : 'expired',
    });
  }
  return invitation;
}

/** The questions behind a personal link, with the person's current answer when they answered already. */
export async function questionsFor(db: Db, token: string): Promise<Questions> {
  const invitation = await openInvitation(db, token);
  const capabilities = await repo.waveCapabilities(db, [invitation.wave_id]);
  const wave = await repo.findWave(db, invitation.wave_id);
  const answer = await repo.findAnswer(db, invitation.id);
  const nameOf = new Map(capabilities.map((c) => [c.capability_id, c.name]));
  return {
    title: invitation.title,
    closesAt: iso(wave?.closes_at ?? null),
    nps: { question: NPS_QUESTION },
    csat: capabilities.map((c) => ({ capability: c.name, title: c.title, question: csatQuestion(c.title ?? c.name) })),
    answered: answer !== null,
    answer: answer && {
      nps: answer.nps,
      csat: Object.fromEntries(answer.scores.map((s) => [nameOf.get(s.capability_id) ?? '', s.score])),
      comment: answer.comment,
      answeredAt: iso(answer.answered_at) ?? '',
    },
  };
}

/**
 * Stores a person's answer through their link, replacing an earlier one. Every refusal comes before the first
 * write, and the audit entry says only that an invited person answered: never who, nor what.
 */
export async function answerSurvey(db: Kysely<Database>, who: Actor, input: AnswerInput): Promise<void> {
  const invitation = await openInvitation(db, input.token);
  const capabilities = await repo.waveCapabilities(db, [invitation.wave_id]);
  const byName = new Map(capabilities.map((c) => [c.name.toLowerCase(), c.capability_id]));
  const seen = new Set<number>();
  const scores = Object.entries(input.csat).map(([name, score]) => {
    const capabilityId = byName.get(name.toLowerCase());
    const field = `csat.${name}`;
    if (capabilityId === undefined)
      throw new AppError('VALIDATION_FAILED', `${field}: this survey does not ask about "${name}"`, [
        { field, reason: 'is not a capability this survey asks about' },
      ]);
    if (seen.has(capabilityId))
      throw new AppError('VALIDATION_FAILED', `${field}: names a capability scored already`, [
        { field, reason: 'names a capability scored already' },
      ]);
    seen.add(capabilityId);
    return { capabilityId, score };
  });
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  await inTransaction(db, async (tx) => {
    await repo.replaceAnswer(tx, { invitationId: invitation.id, nps: input.nps, comment, scores });
    await recordAudit(tx, who, {
      action: 'answer',
      entity: { kind: 'survey', id: invitation.wave_id, ref: null },
      summary: `An invited person answered the survey "${invitation.title}"`,
    });
  });
}
