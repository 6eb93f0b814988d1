import type { ReleaseType } from '../../../../db/schema/shipping.js';
import type { NotificationKind } from '../contract.js';
import type { Asker, ReleaseFacts } from './repo.js';

// The words of each notification about a release. One notification per person, release and kind: its dedupe key.

const TYPE_PHRASE: Record<ReleaseType, string> = {
  feature: 'a feature release',
  fix: 'a fix release',
  breaking: 'a breaking change',
  deprecation: 'a deprecation',
  security: 'a security release',
};

export interface Message {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  dedupe_key: string;
}

const nameOf = (r: ReleaseFacts) => `${r.capability_title || r.capability} ${r.version}`;
const frame = (r: ReleaseFacts, kind: NotificationKind) => ({
  kind,
  link: `/shipping/releases/${r.id}`,
  dedupe_key: `release:${r.id}:${kind}`,
});
/** `a`, `a and b`, `a, b and c`. */
const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const teamName = (ref: string) => ref.slice(ref.indexOf('/') + 1);

/** To a follower of the capability: "<capability> <version>: <title>". */
export function followedRelease(r: ReleaseFacts): Message {
  const cap = r.capability_title || r.capability;
  return {
    ...frame(r, 'followed-release'),
    title: r.title ? `${nameOf(r)}: ${r.title}` : `${nameOf(r)} is out`,
    body: `${TYPE_PHRASE[r.type][0]!.toUpperCase()}${TYPE_PHRASE[r.type].slice(1)} of ${cap}, which you follow.`,
  };
}

/** To someone who reported or voted for requests and bugs the release closes (`items`: theirs, one each). */
export function askedShipped(r: ReleaseFacts, items: Asker[]): Message {
  const [only] = items;
  const title =
    items.length === 1 && only
      ? only.kind === 'request'
        ? `Your request "${only.title}" shipped in ${nameOf(r)}`
        : `Your bug "${only.title}" was fixed in ${nameOf(r)}`
      : `${items.length} things you asked for shipped in ${nameOf(r)}`;
  const what = listed(items.map((i) => `${i.kind} "${i.title}"`));
  return { ...frame(r, 'asked-shipped'), title, body: `It closes ${what}, which you reported or voted for.` };
}

/** To a member of teams that use the capability, for a breaking or deprecation release: what to do by when. */
export function migration(r: ReleaseFacts, teams: string[]): Message {
  const what = r.type === 'breaking' ? 'is a breaking change for your team' : 'deprecates what your team uses';
  const by = r.deadline ? `migrate by ${r.deadline}` : 'plan your migration';
  const names = teams.map(teamName);
  const uses = `${listed(names)} use${names.length === 1 ? 's' : ''} ${r.capability_title || r.capability}.`;
  const deadline = r.deadline ? `The old usage must be gone by ${r.deadline}.` : 'No deadline is set yet.';
  return {
    ...frame(r, 'migration'),
    title: `${nameOf(r)} ${what}: ${by}`,
    body: [uses, r.title ? `${r.title}.` : null, deadline].filter(Boolean).join(' '),
  };
}
