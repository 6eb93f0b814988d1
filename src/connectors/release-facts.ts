import type { ReleaseFact } from './facts.js';
import { type Derived, freeText, id, ignored, obj, processed, text, time, webPage } from './payload.js';

/**
 * Releases published on a capability's repository. A release has no labels, so its type comes from a conventional
 * prefix of its name, else of the first line of its notes (`feat:` a feature, `fix:` a fix, `feat!:`, `breaking`
 * or `BREAKING CHANGE` a breaking change, `deprecat…` a deprecation, `security` a security release); without one,
 * a feature.
 */
export type ReleaseKind = ReleaseFact['type'];

const WORDS: [RegExp, ReleaseKind][] = [
  [/^breaking\b/i, 'breaking'],
  [/^deprecat/i, 'deprecation'],
  [/^security\b/i, 'security'],
  [/^(?:feat|feature)\b/i, 'feature'],
  [/^(?:fix|fixes|fixed|bugfix|hotfix)\b/i, 'fix'],
];
// `type(scope)!:`: the "!" marks a breaking change whatever the type (Conventional Commits 1.0.0).
const BANG = /^[a-z]+(?:\([^)]*\))?!:/i;
const PREFIX = /^[a-z]+(?:\([^)]*\))?!?:\s*/i;

/** The type a line's prefix names (Markdown heading or list marks ignored), or null. */
export function typeOfLine(line: string): ReleaseKind | null {
  const s = line.trim().replace(/^[#>*\-\s]+/, '');
  if (BANG.test(s)) return 'breaking';
  return WORDS.find(([pattern]) => pattern.test(s))?.[1] ?? null;
}

/** The release's type from its name, else the first line of its notes; a feature without either. */
export function releaseTypeOf(name: string | null, notes: string): ReleaseKind {
  const firstLine = notes.split('\n').find((l) => l.trim() !== '') ?? '';
  return (name ? typeOfLine(name) : null) ?? typeOfLine(firstLine) ?? 'feature';
}

/** The name people read: without its conventional prefix, and none when it only repeats the tag. */
function titleOf(name: string | null, tag: string): string | null {
  const bare = name?.trim().replace(PREFIX, '').trim() ?? '';
  return bare === '' || bare === tag || bare.replace(/^v/i, '') === tag.replace(/^v/i, '') ? null : bare.slice(0, 200);
}

interface ReleaseRead {
  source: 'github' | 'gitlab';
  repository: string;
  id: string;
  deleted: boolean;
  tag: string;
  name: string | null;
  notes: string;
  url: unknown;
  releasedAt: Date;
  author: string | null;
}

function releaseFact(r: ReleaseRead): ReleaseFact {
  return {
    kind: 'release',
    source: r.source,
    externalId: r.id,
    repository: r.repository,
    deleted: r.deleted,
    tag: r.tag,
    title: titleOf(r.name, r.tag),
    notes: r.notes,
    type: releaseTypeOf(r.name, r.notes),
    url: webPage(r.url).url ?? null,
    releasedAt: r.releasedAt,
    author: r.author,
  };
}

const login = (user: unknown): string | null => {
  const value = user && typeof user === 'object' ? (user as { login?: unknown; username?: unknown }) : {};
  const name = value.login ?? value.username;
  return typeof name === 'string' && name !== '' ? (freeText(name, 200) as string) : null;
};

/**
 * GitHub `release`: published (releases and prereleases), edited and deleted. A draft is not released yet, and
 * `created`, `unpublished`, `prereleased` and `released` say nothing `published` and `edited` do not.
 */
export function githubRelease(body: Record<string, unknown>, slug: string): Derived {
  const action = text(body.action, 'action');
  const release = obj(body.release, 'release');
  if (!['published', 'edited', 'deleted'].includes(action))
    return ignored(`release ${action}: a release counts when it is published`);
  if (release.draft === true && action !== 'deleted') return ignored('a draft release is not published yet');
  const tag = text(release.tag_name, 'release.tag_name');
  return processed(
    releaseFact({
      source: 'github',
      repository: slug,
      id: id(release.id, 'release.id'),
      deleted: action === 'deleted',
      tag,
      name: freeText(release.name, 500),
      notes: freeText(release.body, 100_000) ?? '',
      url: release.html_url,
      releasedAt: time(release.published_at ?? release.created_at, 'release.published_at'),
      author: login(release.author),
    }),
  );
}

/** GitLab Release Hook (`object_kind` release): create, update and delete. */
export function gitlabRelease(body: Record<string, unknown>): Derived {
  const action = text(body.action, 'action');
  if (!['create', 'update', 'delete'].includes(action))
    return ignored(`release ${action}: not create, update or delete`);
  const project = obj(body.project, 'project');
  const tag = text(body.tag, 'tag');
  return processed(
    releaseFact({
      source: 'gitlab',
      repository: text(project.path_with_namespace, 'project.path_with_namespace'),
      id: id(body.id, 'id'),
      deleted: action === 'delete',
      tag,
      name: freeText(body.name, 500),
      notes: freeText(body.description, 100_000) ?? '',
      url: body.url,
      releasedAt: time(body.released_at ?? body.created_at, 'released_at'),
      author: null,
    }),
  );
}
