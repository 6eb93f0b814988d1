import type { Release, ReleaseChange, ReleaseInput, ReleaseType } from '../../api/release-types.js';
import { takesAway } from '../../lib/release-kinds.js';
import { ruleBodies, ruleDrafts, type RuleDraft } from '../capabilities/form-model.js';

/** The release editor's fields as typed. */
export interface ReleaseDraft {
  capability: string;
  version: string;
  type: ReleaseType;
  title: string;
  /** YYYY-MM-DD; empty: today (the server's now). */
  date: string;
  deadline: string;
  /** Empty: the capability's own detect rules find the old usage. */
  rules: RuleDraft[];
  /** `request-12`, `bug-3`, `roadmap-4`. */
  closes: string[];
  notes: string;
}

export const closeKey = (c: { kind: string; id: number }) => `${c.kind}-${c.id}`;

export function emptyReleaseDraft(capability = ''): ReleaseDraft {
  return {
    capability,
    version: '',
    type: 'feature',
    title: '',
    date: '',
    deadline: '',
    rules: [],
    closes: [],
    notes: '',
  };
}

export function releaseDraft(r: Release): ReleaseDraft {
  return {
    capability: r.capability ?? '',
    version: r.version,
    type: r.type,
    title: r.title ?? '',
    date: r.date.slice(0, 10),
    deadline: r.deadline ?? '',
    rules: ruleDrafts(r.rules ?? []),
    closes: r.closes.map(closeKey),
    notes: r.notes,
  };
}

function closesOf(keys: string[]): NonNullable<ReleaseInput['closes']> {
  return keys.map((k) => {
    const [kind, id] = k.split('-');
    return { kind: kind as 'request' | 'bug' | 'roadmap', id: Number(id) };
  });
}

/** POST /releases's body: a deadline and rules only for a release that takes something away. */
export function releaseInput(d: ReleaseDraft): ReleaseInput {
  const away = takesAway(d.type);
  return {
    capability: d.capability.trim(),
    version: d.version.trim(),
    type: d.type,
    notes: d.notes,
    ...(d.title.trim() ? { title: d.title.trim() } : {}),
    ...(d.date.trim() ? { date: d.date.trim() } : {}),
    ...(away && d.deadline.trim() ? { deadline: d.deadline.trim() } : {}),
    ...(away && d.rules.length > 0 ? { rules: ruleBodies(d.rules) } : {}),
    closes: closesOf(d.closes),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** PATCH /releases/{id}'s body: only what changed (an unchanged date keeps its time of day). */
export function releaseChange(d: ReleaseDraft, before: Release): ReleaseChange {
  const was = releaseDraft(before);
  const next = releaseInput(d);
  const change: ReleaseChange = {};
  if (d.capability.trim() !== was.capability) change.capability = next.capability;
  if (d.version.trim() !== was.version) change.version = next.version;
  if (d.type !== was.type) change.type = d.type;
  if (d.title.trim() !== was.title) change.title = next.title ?? null;
  if (d.notes !== was.notes) change.notes = d.notes;
  if (d.date.trim() !== was.date && d.date.trim()) change.date = d.date.trim();
  const deadline = next.deadline ?? null;
  if (deadline !== before.deadline) change.deadline = deadline;
  const rules = next.rules ?? null;
  if (!same(rules, before.rules)) change.rules = rules;
  if (!same([...d.closes].sort(), [...was.closes].sort())) change.closes = next.closes ?? [];
  return change;
}

/** The API's field problems, with a release's `rules.0.files` named as the rules editor names them. */
export function rulesProblems(problems: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems)
      .filter(([f]) => f === 'rules' || f.startsWith('rules.'))
      .map(([f, reason]) => [f.replace(/^rules/, 'detect'), reason]),
  );
}
