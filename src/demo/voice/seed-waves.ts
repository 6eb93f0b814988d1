import type { EntityRow } from '../../db/schema/entities.js';
import type { Db } from '../../db/schema/index.js';
import { hashToken, tokenOf } from '../../modules/voice/surveys/links.js';
import * as surveysRepo from '../../modules/voice/surveys/repo.js';
import { fakeSha } from '../adoption-dates.js';
import type { DemoUser } from '../demo-catalog.js';
import type { DemoWave } from './voice-plan.js';

/**
 * The demo's waves are closed, so their links are never answered; they are still made the way real ones are (an
 * HMAC of a nonce), under a key of the demo's own: the server's secret key is not the demo's to use, and a nonce
 * drawn from the wave and the person keeps the seeding deterministic.
 */
const DEMO_LINK_KEY = Buffer.from(fakeSha('paved demo survey links').slice(0, 32), 'utf8');

interface Lookups {
  team(name: string): EntityRow;
  person(name: string): DemoUser;
  capability(name: string): EntityRow;
}

/** Writes the plan's survey waves with their invitations, answers and CSAT scores; first removes the demo's old ones. */
export async function seedWaves(tx: Db, waves: DemoWave[], find: Lookups, suffix: string): Promise<void> {
  await surveysRepo.deleteWavesByPeople(tx, suffix);
  for (const wave of waves) {
    const waveId = await surveysRepo.insertWave(tx, {
      title: wave.title,
      teams: [...new Set(wave.invited.map((i) => find.team(i.team).ref))],
      allTeams: true,
      closesAt: new Date(wave.closesAt),
      createdBy: wave.by,
      opensAt: new Date(wave.opensAt),
    });
    await surveysRepo.insertWaveCapabilities(
      tx,
      waveId,
      wave.capabilities.map((c) => find.capability(c).id),
    );
    await surveysRepo.insertInvitations(
      tx,
      waveId,
      wave.invited.map((i) => {
        const nonce = fakeSha(wave.title, wave.opensAt, i.person).slice(0, 22);
        return {
          personRef: find.person(i.person).ref,
          teams: [find.team(i.team).ref],
          nonce,
          hash: hashToken(tokenOf(DEMO_LINK_KEY, nonce)),
        };
      }),
    );
    const invitations = new Map(
      (await surveysRepo.listInvitations(tx, waveId)).map((i) => [i.person_ref, Number(i.id)]),
    );
    await surveysRepo.insertAnswers(
      tx,
      wave.answers.map((a) => {
        const invitationId = invitations.get(find.person(a.person).ref);
        if (invitationId === undefined) throw new Error(`demo voice: ${a.person} answered without an invitation`);
        return {
          invitationId,
          nps: a.nps,
          comment: a.comment,
          answeredAt: new Date(a.answeredAt),
          scores: a.csat.map((s) => ({ capabilityId: find.capability(s.capability).id, score: s.score })),
        };
      }),
    );
  }
}
