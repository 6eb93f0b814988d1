import type { Results, TeamResult } from './contract.js';
import type { ResultFacts } from './repo.js';
import { changeOf, csatOf, MIN_TEAM_ANSWERS, npsOf, responseRateOf } from './scores.js';

export interface WaveFacts extends ResultFacts {
  waveId: number;
  capabilities: { capability_id: number; name: string; title: string | null }[];
}

/** `group:default/payments` → `payments`; another namespace stays in the name (`sales/emea`). */
export const teamName = (ref: string) => {
  const [, rest = ref] = ref.split(':', 2);
  return rest.startsWith('default/') ? rest.slice('default/'.length) : rest;
};

function answered(facts: ResultFacts) {
  return facts.invitations.filter((i): i is typeof i & { nps: number } => i.nps !== null);
}

function csatScores(facts: ResultFacts, capabilityId: number, invitationIds?: Set<number>): number[] {
  return facts.scores
    .filter((s) => s.capability_id === capabilityId && (!invitationIds || invitationIds.has(s.invitation_id)))
    .map((s) => s.score);
}

function teamResult(facts: WaveFacts, ref: string): TeamResult {
  const invited = facts.invitations.filter((i) => i.teams.includes(ref));
  const answers = answered({ ...facts, invitations: invited });
  const base = {
    team: teamName(ref),
    invited: invited.length,
    answers: answers.length,
    responseRate: responseRateOf(answers.length, invited.length),
  };
  if (answers.length < MIN_TEAM_ANSWERS)
    return {
      ...base,
      shown: false,
      nps: null,
      csat: [],
      reason: `fewer than ${MIN_TEAM_ANSWERS} people of this team answered (${answers.length})`,
    };
  const ids = new Set(answers.map((a) => a.id));
  return {
    ...base,
    shown: true,
    nps: npsOf(answers.map((a) => a.nps)),
    csat: facts.capabilities.map((c) => {
      const scores = csatScores(facts, c.capability_id, ids);
      return { capability: c.name, value: csatOf(scores), answers: scores.length };
    }),
  };
}

/** A wave's results from its facts, compared with the previous wave's (DOMAIN.md, Survey). */
export function computeResults(
  facts: WaveFacts,
  teamRefs: string[],
  previous: WaveFacts | null,
): Omit<Results, 'wave'> {
  const answers = answered(facts);
  const nps = npsOf(answers.map((a) => a.nps));
  const before = previous ? answered(previous) : [];
  const previousNps = previous
    ? {
        waveId: previous.waveId,
        value: npsOf(before.map((a) => a.nps)),
        answers: before.length,
        responseRate: responseRateOf(before.length, previous.invitations.length),
      }
    : null;
  return {
    nps: {
      value: nps,
      answers: answers.length,
      responseRate: responseRateOf(answers.length, facts.invitations.length),
      previous: previousNps,
      change: changeOf(nps, previousNps?.value),
    },
    csat: facts.capabilities.map((c) => {
      const scores = csatScores(facts, c.capability_id);
      const value = csatOf(scores);
      // The previous wave's CSAT for the same capability, when it asked about it.
      const asked = previous?.capabilities.some((p) => p.capability_id === c.capability_id);
      const old = previous && asked ? csatScores(previous, c.capability_id) : null;
      const prior = previous && old ? { waveId: previous.waveId, value: csatOf(old), answers: old.length } : null;
      return {
        capability: c.name,
        title: c.title,
        value,
        answers: scores.length,
        previous: prior,
        change: changeOf(value, prior?.value),
      };
    }),
    teams: teamRefs.map((ref) => teamResult(facts, ref)),
    // Free text only: never the person or their team, and the day rather than the moment of answering.
    comments: answers
      .filter((a) => a.comment !== null && a.comment.trim() !== '' && a.answered_at !== null)
      .sort((a, b) => new Date(b.answered_at ?? 0).getTime() - new Date(a.answered_at ?? 0).getTime())
      .map((a) => ({ text: a.comment ?? '', answeredAt: new Date(a.answered_at ?? 0).toISOString().slice(0, 10) })),
  };
}
