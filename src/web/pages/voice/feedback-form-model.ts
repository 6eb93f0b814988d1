import type { FeedbackInput, FeedbackKind } from '../../api/voice-types.js';

/** The Give feedback form's text, whatever the kind; each kind sends the fields it has. */
export interface FeedbackDraft {
  team: string;
  title: string;
  body: string;
  category: string;
  severity: string;
  hours: string;
  capability: string;
  platformTeam: string;
}

export const EMPTY_DRAFT: FeedbackDraft = {
  team: '',
  title: '',
  body: '',
  category: '',
  severity: '',
  hours: '',
  capability: '',
  platformTeam: '',
};

const opt = (text: string) => (text.trim() ? text.trim() : undefined);

/** What the form itself can tell before asking the API: required fields per kind. */
export function draftProblems(kind: FeedbackKind, d: FeedbackDraft, teamRequired: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.title.trim()) out.title = 'Give it a short title.';
  if (teamRequired && !d.team.trim()) out.team = 'Choose the team this is for.';
  if ((kind === 'pain' || kind === 'bug') && !d.severity) out.severity = 'Choose how bad it is.';
  if (kind === 'pain') {
    const hours = Number(d.hours);
    if (d.hours.trim() === '' || !Number.isFinite(hours))
      out.hoursLostPerWeek = 'Give the hours lost per week (0 if none).';
  }
  if (kind === 'bug' && !d.capability.trim()) out.capability = 'Name the capability the bug is in.';
  if (kind === 'support' && !d.category.trim()) out.category = 'Give a category (e.g. access, ci, deploys).';
  return out;
}

/** The API body of the kind chosen. */
export function toInput(kind: FeedbackKind, d: FeedbackDraft): FeedbackInput {
  const common = { title: d.title.trim(), body: opt(d.body), capability: opt(d.capability) };
  switch (kind) {
    case 'pain':
      return {
        kind,
        input: {
          ...common,
          team: d.team.trim(),
          category: opt(d.category),
          severity: Number(d.severity),
          hoursLostPerWeek: Number(d.hours),
        },
      };
    case 'request':
      return { kind, input: { ...common, team: d.team.trim() } };
    case 'bug':
      return {
        kind,
        input: { ...common, capability: d.capability.trim(), team: opt(d.team), severity: Number(d.severity) },
      };
    case 'support':
      return {
        kind,
        input: { ...common, team: d.team.trim(), category: d.category.trim(), platformTeam: opt(d.platformTeam) },
      };
  }
}
