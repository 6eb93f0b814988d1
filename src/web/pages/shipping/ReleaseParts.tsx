import { Link } from 'react-router-dom';
import type { Release, ReleaseType } from '../../api/release-types.js';
import { Badge } from '../../components/Badge.js';
import { formatDate } from '../../lib/format.js';
import { closedItemPath, RELEASE_TYPE_INFO, takesAway } from '../../lib/release-kinds.js';

/** A release's type as a badge; its meaning on hover. */
export function ReleaseTypeBadge({ type }: { type: ReleaseType }) {
  const info = RELEASE_TYPE_INFO[type];
  return (
    <Badge tone={info.tone} title={`${info.label}: ${info.meaning}`}>
      {info.label}
    </Badge>
  );
}

/** What a breaking or deprecation release asks of its users, and by when. */
export function DeadlineNote({ release }: { release: Pick<Release, 'type' | 'deadline'> }) {
  if (!takesAway(release.type)) return null;
  return (
    <p className={`release-deadline release-deadline-${release.type}`} role="note">
      <strong>{release.type === 'breaking' ? 'Breaking change' : 'Deprecated'}:</strong>{' '}
      {release.deadline ? (
        <>
          move off the old usage by <strong>{formatDate(release.deadline)}</strong>.
        </>
      ) : (
        'no deadline given yet.'
      )}
    </p>
  );
}

const KIND_LABEL = { request: 'Request', bug: 'Bug', roadmap: 'Roadmap' } as const;
const KIND_TONE = { request: 'accent', bug: 'danger', roadmap: 'purple' } as const;

/** The requests, bugs and roadmap items a release closes, each linked to its page. */
export function ReleaseCloses({ closes, labelled = true }: { closes: Release['closes']; labelled?: boolean }) {
  if (closes.length === 0) return null;
  return (
    <div className="release-closes">
      {labelled ? <span className="muted small">Closes</span> : null}
      <ul aria-label="Closes">
        {closes.map((c) => (
          <li key={`${c.kind}-${c.id}`}>
            <Badge tone={KIND_TONE[c.kind]}>{KIND_LABEL[c.kind]}</Badge>{' '}
            <Link to={closedItemPath(c.kind, c.id)}>{c.title}</Link> <span className="muted small">({c.status})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const releasePath = (id: number) => `/shipping/releases/${id}`;

/** "golden-ci 2.1.0": the capability's title (or name) and the version. */
export function releaseName(r: Pick<Release, 'capability' | 'capabilityTitle' | 'version' | 'repository'>): string {
  return `${r.capabilityTitle ?? r.capability ?? r.repository ?? 'Unmapped release'} ${r.version}`;
}
